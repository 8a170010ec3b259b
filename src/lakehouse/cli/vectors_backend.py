"""``lakehouse vectors doc|append|stats|optimize|ann|migrate``: the backend operations of an index."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import render_object
from lakehouse.cli.vectors import _finish, app


@app.command("doc")
def doc(ctx: typer.Context, index: str = typer.Argument(..., help="Index name."),
        doc_id: str = typer.Argument(..., help="The document's id."),
        vectors: bool = typer.Option(False, "--vectors", help="Include each chunk's vector.")) -> None:
    """Every chunk of one document (BTREE on doc_id for lance, an id map for hnsw)."""
    st = state(ctx)
    render_object(st.lakehouse().get_vector_document(index, doc_id, vectors=vectors), st.format)


@app.command("append")
def append(ctx: typer.Context, index: str = typer.Argument(..., help="Index name."),
           path: Path = typer.Argument(..., help="JSON lines, one row each: {\"<id column>\": ..., \"<text or "
                                                  "vector column>\": ...}.", exists=True, dir_okay=False)) -> None:
    """Add rows to the index alone (texts embedded by its embedder; lance appends a fragment)."""
    st = state(ctx)
    rows: list[dict[str, Any]] = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    render_object(st.lakehouse().append_vectors(index, {"rows": rows}), st.format)


@app.command("stats")
def stats(ctx: typer.Context, index: str = typer.Argument(..., help="Index name.")) -> None:
    """Rows, fragments, indexed vs unindexed rows, the ANN structure and its parameters, bytes on disk."""
    st = state(ctx)
    render_object(st.lakehouse().vector_index_stats(index), st.format)


@app.command("optimize")
def optimize(ctx: typer.Context, index: str = typer.Argument(..., help="Index name.")) -> None:
    """Fold appended (unindexed) rows into the ANN structure without a full rebuild."""
    st = state(ctx)
    render_object(st.lakehouse().optimize_vector_index(index), st.format)


@app.command("ann")
def ann(ctx: typer.Context, index: str = typer.Argument(..., help="Index name."),
        m: int | None = typer.Option(None, "--m", help="HNSW M (hnsw indexes)."),
        ef_construction: int | None = typer.Option(None, "--ef-construction", help="HNSW ef_construction."),
        num_partitions: int | None = typer.Option(None, "--num-partitions", help="IVF partitions (lance indexes)."),
        num_sub_vectors: int | None = typer.Option(None, "--num-sub-vectors", help="PQ sub-vectors (lance).")) -> None:
    """Rebuild the ANN structure with new parameters (they become the champion's)."""
    st = state(ctx)
    body = {"m": m, "ef_construction": ef_construction, "num_partitions": num_partitions,
            "num_sub_vectors": num_sub_vectors}
    job = st.lakehouse().rebuild_vector_ann(index, {k: v for k, v in body.items() if v is not None}, wait=False)
    render_object(_finish(ctx, job, f"rebuilding {index}"), st.format)


@app.command("migrate")
def migrate(ctx: typer.Context, index: str = typer.Argument(..., help="Index name."),
            backend: str = typer.Option(..., "--backend", help="hnsw or lance.")) -> None:
    """Move an index to the other backend (rows copied, ANN structure rebuilt, old files removed)."""
    st = state(ctx)
    lh = st.lakehouse()
    result = _finish(ctx, lh.migrate_vector_index(index, backend, wait=False), f"migrating {index} to {backend}")
    if result.get("ann_job_id"):  # in this process the queued ANN job would die with the CLI: see it through
        ann_job = _finish(ctx, lh.get_job(str(result["ann_job_id"])), f"building the ANN structure of {index}")
        result["ann"] = {k: ann_job.get(k) for k in ("built", "seconds") if k in ann_job}
    render_object(result, st.format)
