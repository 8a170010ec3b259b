from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from lakehouse.cli.context import rows_text, state
from lakehouse.cli.output import Format, esc, render_rows, stderr

if TYPE_CHECKING:
    from lakehouse.cli.context import AnyLakehouse


def _pairs(values: list[str], what: str) -> dict[str, str]:
    out = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"{what} expects NAME=VALUE, got '{item}'")
        out[key] = value
    return out


def _params(values: list[str]) -> dict[str, object]:
    params: dict[str, object] = {}
    for key, raw in _pairs(values, "--param").items():
        try:
            params[key] = json.loads(raw)
        except ValueError:
            params[key] = raw
    return params


def _export(lakehouse: AnyLakehouse, statement: str, output: Path, as_of: dict[str, str],
            params: dict[str, object], max_rows: int | None, engine: str | None) -> None:
    from lakehouse.query.export import export_format, write_file

    export_format(output)  # a bad suffix fails before the query runs
    versions = {k: int(v) for k, v in as_of.items()}
    start = time.perf_counter()
    reader = lakehouse.sql_stream(statement, params=params or None, as_of=versions or None,
                                  max_rows=max_rows, engine=engine)
    show = sys.stderr.isatty()
    last = [0.0]

    def progress(rows: int) -> None:
        now = time.perf_counter()
        if show and now - last[0] >= 0.2:
            last[0] = now
            sys.stderr.write(f"\r{rows:,} rows written")
            sys.stderr.flush()

    rows = write_file(reader, output, progress)
    if show:
        sys.stderr.write("\r\033[K")
    stderr.print(f"{rows:,} rows written to {esc(output)} in {time.perf_counter() - start:.1f} s")


def register(app: typer.Typer) -> None:
    @app.command("sql")
    def sql(
        ctx: typer.Context,
        statement: str = typer.Argument(..., help="One read-only SELECT over catalog datasets."),
        as_of: list[str] = typer.Option([], "--as-of", help="Time travel: DATASET=VERSION (repeatable)."),
        param: list[str] = typer.Option([], "--param", "-p",
                                        help="Named parameter NAME=VALUE (JSON values allowed), used as $NAME."),
        max_rows: int | None = typer.Option(
            None, "--max-rows", help="Row cap (never above query.max_rows; with --output, the export's own cap)."),
        output: Path | None = typer.Option(
            None, "--output", "-o", metavar="FILE",
            help="Write every row to FILE (.parquet, .csv, .arrow or .arrows), streamed: query.max_rows does "
                 "not apply."),
        engine: str | None = typer.Option(
            None, "--engine", help="Query engine: datafusion (default) or daft (admin/writer; pip install "
                                   "'lakehouse[daft]')."),
    ) -> None:
        """Run SQL; prints a table, or rows as JSON objects / CSV with --format; --output FILE exports it all."""
        st = state(ctx)
        executor = None
        if not st.remote:  # start the query worker now: it boots while this process opens the catalog
            from lakehouse.query.executor import QueryExecutor

            query_settings = st.settings().query
            # one worker: this process runs one statement (a second would only compete for the cores)
            executor = QueryExecutor(query_settings.model_copy(update={"workers": 1}))
        if output is not None:
            _export(st.lakehouse(executor=executor), statement, output, _pairs(as_of, "--as-of"), _params(param),
                    max_rows, engine)
            return
        from lakehouse.query.results import to_csv_bytes, to_json_payload

        versions = {k: int(v) for k, v in _pairs(as_of, "--as-of").items()}
        params = _params(param)
        result = st.lakehouse(executor=executor).sql(statement, params=params or None, as_of=versions or None,
                                                     max_rows=max_rows, engine=engine)
        if st.format is Format.csv:
            sys.stdout.buffer.write(to_csv_bytes(result))
            return
        payload = to_json_payload(result)
        names = [c["name"] for c in payload["columns"]]
        rows = [dict(zip(names, row, strict=True)) for row in payload["rows"]]
        render_rows(rows, st.format, names)
        if st.format is Format.table:
            more = " (truncated at the row cap: --output FILE writes every row)" if result.truncated else ""
            stderr.print(f"{rows_text(result.table.num_rows)} in {result.elapsed_ms:.0f} ms{esc(more)}")
