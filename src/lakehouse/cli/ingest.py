from __future__ import annotations

from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import typer

from lakehouse.cli.context import CliState, follow_job, job_result, report_pii, rows_text, state
from lakehouse.cli.ingest_db import ingest_mysql, ingest_postgres
from lakehouse.cli.output import Format, esc, render_object, stderr
from lakehouse.errors import InvalidInput

if TYPE_CHECKING:
    from lakehouse.ingest.early_file import EarlyFile

app = typer.Typer(help="Load data into datasets.", no_args_is_help=True)


class FileMode(StrEnum):
    append = "append"
    overwrite = "overwrite"


app.command("postgres")(ingest_postgres)
app.command("mysql")(ingest_mysql)


@app.command("file")
def ingest_file(
    ctx: typer.Context,
    path: str = typer.Argument(..., help="A local file, or a path inside --from-bucket."),
    dataset: str | None = typer.Option(None, "--dataset", "-d", help=(
        "Target dataset (created on first ingest). Default: the file's name up to its first dot, normalised as "
        "column names are, as in the drop folder ('Sales 2024.csv.gz' -> sales_2024).")),
    mode: FileMode = typer.Option(FileMode.append, "--mode",
                                  help="append (add the rows) or overwrite (replace the dataset's rows)."),
    fmt: str | None = typer.Option(None, "--file-format", help="csv, tsv, jsonl or parquet (default: by name)."),
    encoding: str | None = typer.Option(None, "--encoding", help="Text encoding, e.g. cp1252 (default UTF-8)."),
    delimiter: str | None = typer.Option(None, "--delimiter", help="CSV field delimiter (default by format)."),
    on_error: str = typer.Option("fail", "--on-error", help="fail (default) or skip bad rows to a rejects file."),
    from_bucket: str | None = typer.Option(None, "--from-bucket", help="Read PATH inside this bucket."),
    bucket: str | None = typer.Option(None, "--bucket", help="Bucket for a new dataset (default primary)."),
    description: str | None = typer.Option(None, "--description", help="Description for a new dataset."),
    owner: str | None = typer.Option(None, "--owner", help="Owner for a new dataset."),
    skip_if_seen: bool = typer.Option(False, "--skip-if-seen",
                                      help="Do nothing if this file's content was already ingested into the dataset "
                                           "(makes re-runs idempotent; without it a re-run appends the rows again, "
                                           "with a warning)."),
) -> None:
    """Ingest a CSV/TSV/JSON-lines/Parquet file into a dataset (streamed, with PII detection)."""
    st = state(ctx)
    if on_error not in ("fail", "skip"):
        raise typer.BadParameter("--on-error must be 'fail' or 'skip'")
    dataset = dataset or dataset_for_file(path)
    early = None if st.remote or from_bucket else _start_early(st, Path(path), fmt, encoding, delimiter, on_error)
    try:
        from lakehouse.ingest.service import FileIngestOptions

        lakehouse = st.lakehouse()
        if early is not None:
            lakehouse.ingest.early = early  # type: ignore[union-attr]
        options = FileIngestOptions(format=fmt, encoding=encoding, delimiter=delimiter,
                                    on_error=on_error, description=description, owner=owner,  # type: ignore[arg-type]
                                    skip_if_seen=skip_if_seen)
        job = lakehouse.ingest_file(
            None if from_bucket else Path(path), dataset, mode=mode.value, bucket=bucket, source_bucket=from_bucket,
            source_path=path if from_bucket else None, options=options, wait=False,
        )
    finally:
        if early is not None:
            early.close()  # a no-op once the ingest took it
    finished = follow_job(lakehouse, job, f"ingesting {Path(path).name} -> {dataset}", st.format is Format.table)
    result = job_result(finished)
    if st.format is Format.table and result.get("skipped"):
        stderr.print(f"[yellow]skipped[/yellow]: {esc(result.get('reason'))}", highlight=False)
    elif st.format is Format.table:
        for warning in result.get("warnings", []):
            stderr.print(f"[yellow]warning:[/yellow] {esc(warning)}", highlight=False)
        stderr.print(
            f"[green]ok[/green] {rows_text(result.get('rows', 0))} -> {esc(dataset)} v{result.get('version')} "
            f"({result.get('rows_per_second', 0):,} rows/s, job {finished.job_id})", highlight=False)
        report_pii(result, dataset)
        if result.get("rejected_rows"):
            stderr.print(f"[yellow]{result['rejected_rows']} rejected rows[/yellow] in {esc(result['rejects_path'])}")
    else:
        render_object(finished.model_dump(mode="json"), st.format)


def _start_early(st: CliState, path: Path, fmt: str | None, encoding: str | None, delimiter: str | None,
                 on_error: str) -> EarlyFile | None:
    """Start reading the file now, while this process imports and opens the catalog (the ingest adopts the
    read when every check passes; see lakehouse.ingest.early_file)."""
    try:
        limits = st.settings().ingest
    except Exception:  # noqa: BLE001 - the normal path reports what is wrong (bad settings, ...)
        return None
    if not path.is_file():
        return None
    from lakehouse.ingest.early_file import EarlyFile, read_key

    return EarlyFile(read_key(path, fmt, encoding, delimiter, on_error, limits), limits)


@app.command("files")
def ingest_files(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Local files, or paths inside --from-bucket, in order."),
    dataset: str = typer.Option(..., "--dataset", "-d", help="Target dataset (created on first ingest)."),
    mode: FileMode = typer.Option(FileMode.append, "--mode",
                                  help="append, or overwrite (the first file replaces the dataset's rows)."),
    fmt: str | None = typer.Option(None, "--file-format", help="csv, tsv, jsonl or parquet (default: by name)."),
    encoding: str | None = typer.Option(None, "--encoding", help="Text encoding, e.g. cp1252 (default UTF-8)."),
    delimiter: str | None = typer.Option(None, "--delimiter", help="CSV field delimiter (default by format)."),
    on_error: str = typer.Option("fail", "--on-error", help="fail (default) or skip bad rows to a rejects file."),
    from_bucket: str | None = typer.Option(None, "--from-bucket", help="Read the PATHS inside this bucket."),
    bucket: str | None = typer.Option(None, "--bucket", help="Bucket for a new dataset (default primary)."),
    description: str | None = typer.Option(None, "--description", help="Description for a new dataset."),
    owner: str | None = typer.Option(None, "--owner", help="Owner for a new dataset."),
) -> None:
    """Ingest many files into one dataset as one version (all rows or none); with compute.engine = "ray",
    one task per file on the Ray cluster."""
    st = state(ctx)
    if on_error not in ("fail", "skip"):
        raise typer.BadParameter("--on-error must be 'fail' or 'skip'")
    from lakehouse.ingest.service import FileIngestOptions

    lakehouse = st.lakehouse()
    options = FileIngestOptions(format=fmt, encoding=encoding, delimiter=delimiter, on_error=on_error,  # type: ignore[arg-type]
                                description=description, owner=owner)
    job = lakehouse.ingest_files(None if from_bucket else [Path(p) for p in paths], dataset, mode=mode.value,
                                 bucket=bucket, source_bucket=from_bucket, source_paths=paths if from_bucket else None,
                                 options=options, wait=False)
    finished = follow_job(lakehouse, job, f"ingesting {len(paths)} files -> {dataset}", st.format is Format.table)
    result = job_result(finished)
    if st.format is Format.table:
        stderr.print(
            f"[green]ok[/green] {rows_text(result.get('rows', 0))} from {len(paths)} files -> {esc(dataset)} "
            f"v{result.get('version')} ({result.get('engine')}, {result.get('rows_per_second', 0):,} rows/s, "
            f"job {finished.job_id})", highlight=False)
        report_pii(result, dataset)
        if result.get("rejected_rows"):
            stderr.print(f"[yellow]{result['rejected_rows']} rejected rows[/yellow] in {esc(result['rejects_path'])}")
    else:
        render_object(finished.model_dump(mode="json"), st.format)


def dataset_for_file(path: str) -> str:
    """The dataset a file goes to when the command names none, as in the drop folder (ingest/normalize.py)."""
    from lakehouse.ingest.normalize import dataset_for_file as named_after

    name = PurePosixPath(path.replace("\\", "/")).name
    chosen = named_after(name)
    if chosen is None:
        raise InvalidInput(f"No dataset name can be made from the file name {name!r}.",
                           hint="Name the dataset: --dataset NAME (a-z, 0-9, '_' and '-').")
    return chosen
