from __future__ import annotations

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import esc, render_rows, stderr

app = typer.Typer(help="Named storage roots: local folders or S3-compatible stores.", no_args_is_help=True)


@app.command("list")
def list_buckets(ctx: typer.Context) -> None:
    """List buckets."""
    st = state(ctx)
    rows = [b.model_dump(mode="json", exclude_none=True) for b in st.lakehouse().list_buckets()]
    render_rows(rows, st.format, ["name", "backend", "root", "bucket", "prefix", "endpoint"], "buckets")


@app.command("add")
def add_bucket(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Bucket name: lowercase letters, digits, '-' and '_'."),
    root: str | None = typer.Option(None, "--root", help="Local folder (backend local)."),
    s3_bucket: str | None = typer.Option(None, "--s3-bucket", help="S3 bucket name (backend s3)."),
    prefix: str = typer.Option("", "--prefix", help="Key prefix inside the S3 bucket."),
    endpoint: str | None = typer.Option(None, "--endpoint", help="S3-compatible endpoint URL."),
    region: str | None = typer.Option(None, "--region", help="S3 region."),
    access_key_ref: str | None = typer.Option(None, "--access-key-ref", help="env:LAKEHOUSE_SECRET_... reference"),
    secret_key_ref: str | None = typer.Option(None, "--secret-key-ref", help="env:LAKEHOUSE_SECRET_... reference"),
    allow_http: bool = typer.Option(False, "--allow-http", help="Allow plain-HTTP endpoints (loopback)."),
) -> None:
    """Add a bucket; local roots are created."""
    from lakehouse.storage.buckets import BucketSpec

    backend = "s3" if s3_bucket else "local"
    spec = BucketSpec.model_validate({
        "name": name, "backend": backend, "root": root, "bucket": s3_bucket, "prefix": prefix,
        "endpoint": endpoint, "region": region, "access_key_id_ref": access_key_ref,
        "secret_access_key_ref": secret_key_ref, "allow_http": allow_http,
    })
    state(ctx).lakehouse().add_bucket(spec)
    stderr.print(f"[green]added[/green] bucket {esc(name)} ({esc(backend)})")


@app.command("remove")
def remove_bucket(ctx: typer.Context, name: str = typer.Argument(..., help="Bucket to remove.")) -> None:
    """Remove a bucket (refused for primary/rescue and while datasets live there)."""
    state(ctx).lakehouse().remove_bucket(name)
    stderr.print(f"[green]removed[/green] bucket {esc(name)}")
