"""``lakehouse profiles``: model profiles (a model's scope), their activation and search through one."""

from __future__ import annotations

import json

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import Format, esc, render_object, render_rows, stderr

app = typer.Typer(help="Model profiles: what a model may see, its embedder and HNSW config; the GPU slot holds "
                       "the active one.", no_args_is_help=True)
COLUMNS = ["id", "model", "bound", "embedder", "embed_model", "bucket", "created_by"]


@app.command("create")
def create(
    ctx: typer.Context,
    profile_id: str = typer.Argument(..., help="Profile id (a slug)."),
    bind: list[str] = typer.Option([], "--bind", metavar="NAME", help="A dataset or view it may see (repeatable; "
                                   "view:NAME or dataset:NAME when a name is both)."),
    model: str | None = typer.Option(None, "--model", help="Generation model at its server (an Ollama tag)."),
    description: str = typer.Option("", "--description"),
    embedder: str | None = typer.Option(None, "--embedder", help="local | ollama | openai."),
    embed_model: str | None = typer.Option(None, "--embed-model", help="Embedding model at the embedder's server."),
    ann: str | None = typer.Option(None, "--ann", metavar="JSON", help='HNSW config, e.g. \'{"m": 32, "ef_search": '
                                   '80}\'; default each index\'s champion.'),
    bucket: str | None = typer.Option(None, "--bucket", help="Its artifact bucket (provisioned on activation)."),
) -> None:
    """Create a profile; every binding must exist."""
    bound: list[object] = []
    for item in bind:
        kind, _, name = item.partition(":")
        bound.append({"kind": kind, "name": name} if name and kind in ("view", "dataset") else item)
    spec = {"id": profile_id, "model": model, "description": description, "bound": bound, "embedder": embedder,
            "embed_model": embed_model, "bucket": bucket}
    if ann:
        try:
            spec["ann"] = json.loads(ann)
        except json.JSONDecodeError as exc:
            raise typer.BadParameter(f"--ann is not JSON: {exc}") from None
    st = state(ctx)
    made = st.lakehouse().create_profile(spec)
    render_object(made.model_dump(mode="json"), st.format)


@app.command("list")
def list_profiles(ctx: typer.Context) -> None:
    """List the profiles you may use (admin: all)."""
    st = state(ctx)
    rows = [p.model_dump(mode="json") for p in st.lakehouse().list_profiles()]
    if st.format is Format.table:
        for row in rows:
            row["bound"] = ", ".join(f"{b['kind']}:{b['name']}" for b in row["bound"])
    render_rows(rows, st.format, COLUMNS, "profiles")


@app.command("show")
def show(ctx: typer.Context, profile_id: str = typer.Argument(..., help="Profile id.")) -> None:
    """Show one profile."""
    st = state(ctx)
    render_object(st.lakehouse().get_profile(profile_id).model_dump(mode="json"), st.format)


@app.command("delete")
def delete(ctx: typer.Context, profile_id: str = typer.Argument(..., help="Profile id."),
           force: bool = typer.Option(False, "--force", help="Revoke its tokens and deactivate it first.")) -> None:
    """Delete a profile (refused while tokens are bound to it or it is active, unless --force)."""
    state(ctx).lakehouse().delete_profile(profile_id, force=force)
    stderr.print(f"[green]deleted[/green] profile {esc(profile_id)}")


@app.command("activate")
def activate(ctx: typer.Context, profile_id: str = typer.Argument(..., help="Profile id.")) -> None:
    """Make it the active profile: swap the GPU slot to its models and warm its vector indexes."""
    st = state(ctx)
    render_object(st.lakehouse().activate_profile(profile_id), st.format)


@app.command("deactivate")
def deactivate(ctx: typer.Context, profile_id: str = typer.Argument(..., help="Profile id.")) -> None:
    """Deactivate the active profile and empty the GPU slot."""
    st = state(ctx)
    render_object(st.lakehouse().deactivate_profile(profile_id), st.format)


@app.command("active")
def active(ctx: typer.Context) -> None:
    """Which profile is active (in this process, or on the server with --url)."""
    st = state(ctx)
    render_object(st.lakehouse().active_profile(), st.format)


@app.command("search")
def search(ctx: typer.Context, profile_id: str = typer.Argument(..., help="Profile id."),
           query: str = typer.Argument(..., help="Query text."),
           k: int = typer.Option(10, "-k", help="How many documents."),
           index: str | None = typer.Option(None, "--index", help="One of its indexes (default: all)."),
           ) -> None:
    """Search through a profile: only its bindings' indexes; cold ones are searched exactly."""
    st = state(ctx)
    result = st.lakehouse().profile_search(profile_id, {"query": query, "k": k, "index": index})
    rows = [{"index": h["index"], "doc_id": h["doc_id"], "score": round(h["score"], 4), "text": h["text"]}
            for h in result["hits"]]
    render_rows(rows, st.format, ["index", "doc_id", "score", "text"], "hits")
    if st.format is Format.table:
        stderr.print(f"method {esc(result['method'])}, {result['elapsed_ms']} ms")
