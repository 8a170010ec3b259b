from __future__ import annotations

import json
import sys

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import Format, render_rows, stderr


def _pairs(values: list[str], what: str) -> dict[str, str]:
    out = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"{what} expects NAME=VALUE, got '{item}'")
        out[key] = value
    return out


def register(app: typer.Typer) -> None:
    @app.command("sql")
    def sql(
        ctx: typer.Context,
        statement: str = typer.Argument(..., help="One read-only SELECT over catalog datasets."),
        as_of: list[str] = typer.Option([], "--as-of", help="Time travel: DATASET=VERSION (repeatable)."),
        param: list[str] = typer.Option([], "--param", "-p",
                                        help="Named parameter NAME=VALUE (JSON values allowed), used as $NAME."),
        max_rows: int | None = typer.Option(None, "--max-rows", help="Row cap (never above query.max_rows)."),
    ) -> None:
        """Run SQL; prints a table, or rows as JSON objects / CSV with --format."""
        st = state(ctx)
        executor = None
        if not st.remote:  # start the query worker now: it boots while this process opens the catalog
            from lakehouse.query.executor import QueryExecutor

            query_settings = st.settings().query
            # one worker: this process runs one statement (a second would only compete for the cores)
            executor = QueryExecutor(query_settings.model_copy(update={"workers": 1}))
        from lakehouse.query.results import to_csv_bytes, to_json_payload

        versions = {k: int(v) for k, v in _pairs(as_of, "--as-of").items()}
        params = {}
        for key, raw in _pairs(param, "--param").items():
            try:
                params[key] = json.loads(raw)
            except ValueError:
                params[key] = raw
        result = st.lakehouse(executor=executor).sql(statement, params=params or None, as_of=versions or None,
                                                     max_rows=max_rows)
        if st.format is Format.csv:
            sys.stdout.buffer.write(to_csv_bytes(result))
            return
        payload = to_json_payload(result)
        names = [c["name"] for c in payload["columns"]]
        rows = [dict(zip(names, row, strict=True)) for row in payload["rows"]]
        render_rows(rows, st.format, names)
        if st.format is Format.table:
            more = " (truncated: raise --max-rows or query.max_rows)" if result.truncated else ""
            stderr.print(f"{result.table.num_rows} rows in {result.elapsed_ms:.0f} ms{more}")
