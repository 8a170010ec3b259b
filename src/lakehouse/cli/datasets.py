from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import Format, esc, render_object, render_rows, stderr

if TYPE_CHECKING:
    from lakehouse.wire import ContainsPii

app = typer.Typer(help="Datasets: manifests, history, restore, optimize, metadata.", no_args_is_help=True)
catalog_app = typer.Typer(help="The catalog itself: backups to the rescue bucket.", no_args_is_help=True)


@app.command("list")
def list_datasets(ctx: typer.Context) -> None:
    """List what you can query: datasets (rows a query sees, erased rows apart) and views, with version,
    owner and freshness."""
    st = state(ctx)
    rows = [{
        "name": m.name, "kind": m.kind if m.view_of is None else f"view of {m.view_of}", "bucket": m.bucket,
        "rows": m.visible_rows if m.visible_rows is not None else m.row_count,
        "erased": m.erased_rows if m.kind == "dataset" else None,
        "version": m.version, "owner": m.owner, "sensitivity": m.sensitivity,
        "pii_columns": sum(1 for c in m.columns if c.pii_kind), "stale": m.freshness.stale,
        "last_updated": m.freshness.last_updated,
    } for m in st.lakehouse().list_datasets()]
    render_rows(rows, st.format, title="datasets", empty=(
        "No datasets you can query yet: load a file with `lakehouse ingest file PATH --dataset NAME`, a table with "
        "`lakehouse ingest postgres|mysql DSN --table T --dataset NAME`, or sample data with `lakehouse demo`."))


@app.command("show")
def show_dataset(ctx: typer.Context, name: str = typer.Argument(..., help="Dataset name.")) -> None:
    """Show a dataset's manifest: metadata, columns with PII flags, lineage."""
    st = state(ctx)
    manifest = st.lakehouse().get_dataset(name)
    if st.format is not Format.table:
        render_object(manifest.model_dump(mode="json"), st.format)
        return
    render_object(manifest.model_dump(mode="json", exclude={"columns", "lineage"}), st.format)
    render_rows([{**c.model_dump(mode="json"), "contains_pii": _contains(c.contains_pii)} for c in manifest.columns],
                st.format, ["name", "type", "nullable", "original_name", "pii_kind", "pii_category",
                            "pii_confidence", "pii_evidence", "contains_pii"], "columns")
    render_rows([entry.model_dump(mode="json") for entry in manifest.lineage], st.format,
                ["version", "source_system", "source", "actor", "at", "job_id"], "lineage")


def _contains(found: ContainsPii | None) -> str | None:
    """``email, phone in 42% of 100`` for a free-text column with PII inside."""
    return f"{', '.join(found.kinds)} in {round(found.rate * 100)}% of {found.sampled}" if found else None


@app.command("history")
def history(ctx: typer.Context, name: str = typer.Argument(..., help="Dataset name."),
            limit: int = typer.Option(50, "--limit", help="How many versions, newest first.")) -> None:
    """List a dataset's versions with who, when and rows."""
    st = state(ctx)
    render_rows([v.model_dump(mode="json") for v in st.lakehouse().history(name, limit)], st.format,
                ["version", "operation", "actor", "at", "rows_written", "row_count", "job_id", "note"],
                f"{name} history")


@app.command("restore")
def restore(ctx: typer.Context, name: str = typer.Argument(..., help="Dataset name."),
            version: int = typer.Option(..., "--version", help="The version to make current again.")) -> None:
    """Restore a dataset to an earlier version (recorded as a new version)."""
    manifest = state(ctx).lakehouse().restore_dataset(name, version)
    stderr.print(f"[green]restored[/green] {esc(name)} to v{version} as v{manifest.version} "
                 f"({manifest.row_count} rows)")


@app.command("optimize")
def optimize(ctx: typer.Context, name: str = typer.Argument(..., help="Dataset name."),
             vacuum: bool = typer.Option(True, "--vacuum/--no-vacuum", help="Also delete unreferenced old files.")
             ) -> None:
    """Compact small files and vacuum files older than storage.vacuum_retention_hours."""
    st = state(ctx)
    render_object(st.lakehouse().optimize_dataset(name, vacuum=vacuum), st.format)


@app.command("delete")
def delete(ctx: typer.Context, name: str = typer.Argument(..., help="Dataset name."),
           yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
           force: bool = typer.Option(False, "--force", help="Delete though a profile binds it (unbinds it).")) -> None:
    """Delete a dataset and its table files."""
    if not yes:
        typer.confirm(f"Delete dataset '{name}' and all its versions?", abort=True)
    state(ctx).lakehouse().delete_dataset(name, force=force)
    stderr.print(f"[green]deleted[/green] {esc(name)}")


@app.command("set")
def set_metadata(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Dataset name."),
    description: str | None = typer.Option(None, "--description", help="New description."),
    owner: str | None = typer.Option(None, "--owner", help="New owner."),
    sensitivity: str | None = typer.Option(None, "--sensitivity", help="public|internal|confidential|restricted"),
    tags: str | None = typer.Option(None, "--tags", help="Comma-separated tags (replaces the list)."),
    freshness: int | None = typer.Option(None, "--freshness-seconds", help="Expected update interval (0 = none)."),
    not_pii: list[str] = typer.Option([], "--not-pii", help="Clear the PII flag of this column (repeatable)."),
    pii: list[str] = typer.Option([], "--pii", help="Flag a column: COLUMN=KIND:CATEGORY, e.g. notes=PHI:medical."),
) -> None:
    """Change a dataset's metadata or override PII flags (same as PATCH .../metadata)."""
    st = state(ctx)
    columns: dict[str, dict[str, object]] = {c: {"pii_kind": None} for c in not_pii}
    for item in pii:
        column, _, flag = item.partition("=")
        kind, _, category = flag.partition(":")
        if not column or not kind:
            raise typer.BadParameter(f"--pii expects COLUMN=KIND:CATEGORY, got '{item}'")
        columns[column] = {"pii_kind": kind, "pii_category": category or None}
    data: dict[str, object] = {k: v for k, v in {
        "description": description, "owner": owner, "sensitivity": sensitivity,
        "tags": [t.strip() for t in tags.split(",") if t.strip()] if tags is not None else None,
        "freshness_interval_seconds": freshness, "columns": columns or None}.items() if v is not None}
    from lakehouse.wire import MetadataPatch

    manifest = st.lakehouse().patch_metadata(name, MetadataPatch.model_validate(data))
    render_object(manifest.model_dump(mode="json", exclude={"columns", "lineage"}), st.format)


@catalog_app.command("backup")
def backup(ctx: typer.Context) -> None:
    """Back the catalog up to the rescue bucket."""
    stderr.print(f"[green]backed up[/green] to rescue:{esc(state(ctx).lakehouse().backup_catalog())}")


@catalog_app.command("backups")
def backups(ctx: typer.Context) -> None:
    """List catalog backups in the rescue bucket."""
    st = state(ctx)
    render_rows([{"backup": b} for b in st.lakehouse().list_backups()], st.format, ["backup"], "backups")


@catalog_app.command("restore")
def restore_catalog(ctx: typer.Context, name: str = typer.Argument(..., help="Backup name from 'catalog backups'."),
                    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation.")) -> None:
    """Replace the catalog with a backup (stop the server first)."""
    if not yes:
        typer.confirm("Replace the whole catalog with this backup?", abort=True)
    counts = state(ctx).lakehouse().restore_catalog(name)
    stderr.print(f"[green]restored[/green] catalog from {esc(name)}: {esc(counts)}")
