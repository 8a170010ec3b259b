"""``lakehouse vectors ...``: build, search, refresh, evaluate and tune vector indexes."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from lakehouse.cli.context import follow_job, job_result, state
from lakehouse.cli.output import Format, render_object, render_rows, stdout

if TYPE_CHECKING:
    from lakehouse.wire import JobInfo

app = typer.Typer(help="Vector indexes: build, search, refresh, evaluate, autotune.", no_args_is_help=True)
INDEX_COLUMNS = ["index_name", "dataset", "vector_backend", "status", "embedder", "model", "dim", "vectors",
                 "documents", "source_version", "refresh_policy", "stale_since"]
TRIAL_COLUMNS = ["trial_id", "kind", "m", "ef_construction", "ef_search", "recall", "p50_ms", "p95_ms", "qps",
                 "build_seconds", "created_at"]


def _finish(ctx: typer.Context, job: JobInfo, label: str) -> dict[str, Any]:
    st = state(ctx)
    return job_result(follow_job(st.lakehouse(), job, label, st.format is Format.table))


@app.command("build")
def build(
    ctx: typer.Context,
    dataset: str = typer.Option(..., "--dataset", "-d", help="Source dataset."),
    id_column: str = typer.Option(..., "--id-column", help="Document id column."),
    index: str = typer.Option(..., "--index", help="Index name."),
    text_column: str | None = typer.Option(None, "--text-column", help="Text to chunk and embed."),
    vector_column: str | None = typer.Option(None, "--vector-column", help="Your own embeddings instead of text."),
    embedder: str | None = typer.Option(None, "--embedder", help="local (default), ollama, openai or a plugin."),
    chunk_size: int | None = typer.Option(None, "--chunk-size", help="Chunk length (default vectors.chunk_size)."),
    overlap: int | None = typer.Option(None, "--overlap", help="Chunk overlap (default vectors.overlap)."),
    chunk_unit: str = typer.Option("chars", "--chunk-unit", help="chars or tokens."),
    metric: str = typer.Option("cosine", "--metric", help="cosine, ip or l2."),
    bucket: str | None = typer.Option(None, "--bucket", help="Bucket for the embeddings (default the dataset's)."),
    refresh_policy: str = typer.Option("manual", "--refresh-policy", help="manual, on_append or scheduled."),
    refresh_cron: str | None = typer.Option(None, "--refresh-cron", help="Cron expression for scheduled."),
    query_log: bool = typer.Option(False, "--query-log", help="Keep sampled search vectors as the live eval set."),
    backend: str | None = typer.Option(None, "--backend", help="hnsw or lance (default vectors.default_backend)."),
) -> None:
    """Build (or rebuild) a vector index over a dataset's text or vector column."""
    st = state(ctx)
    spec = {
        "index_name": index, "dataset": dataset, "id_column": id_column, "text_column": text_column,
        "vector_column": vector_column, "embedder": embedder, "chunk_size": chunk_size, "overlap": overlap,
        "chunk_unit": chunk_unit, "metric": metric, "bucket": bucket, "refresh_policy": refresh_policy,
        "refresh_cron": refresh_cron, "query_log": query_log or None, "vector_backend": backend}
    job = st.lakehouse().create_vector_index({k: v for k, v in spec.items() if v is not None}, wait=False)
    result = _finish(ctx, job, f"building {index}")
    render_object(result, st.format)


@app.command("search")
def search(
    ctx: typer.Context,
    index: str = typer.Argument(..., help="Index name."),
    query: str = typer.Argument(..., help="Query text."),
    k: int = typer.Option(10, "-k", "--k", help="How many documents."),
    filter: str | None = typer.Option(None, "--filter", help="SQL predicate on the source columns."),
    per_chunk: bool = typer.Option(False, "--per-chunk", help="Return chunks, not documents."),
) -> None:
    """Semantic search: the k best documents for QUERY."""
    st = state(ctx)
    lh = st.lakehouse()
    result = lh.search_vectors(index, {"query": query, "k": k, "filter": filter, "per_chunk": per_chunk})
    rows = [{**h.model_dump(), "score": round(h.score, 4), "text": h.text if st.format is not Format.table
             else h.text[:160].replace("\n", " ")} for h in result.hits]
    render_rows(rows, st.format, ["doc_id", "chunk_index", "score", "text"],
                f"{index}: {result.method}, {result.elapsed_ms:.1f} ms")


@app.command("list")
def list_indexes(ctx: typer.Context) -> None:
    """List vector indexes."""
    st = state(ctx)
    lh = st.lakehouse()
    render_rows([m.model_dump(mode="json") for m in lh.list_vector_indexes()], st.format, INDEX_COLUMNS,
                "vector indexes")


@app.command("show")
def show(ctx: typer.Context, index: str = typer.Argument(..., help="Index name.")) -> None:
    """Show an index's manifest (model, dim, rows, ANN config, build time, source version)."""
    st = state(ctx)
    lh = st.lakehouse()
    render_object(lh.get_vector_index(index).model_dump(mode="json"), st.format)


@app.command("set")
def set_index(ctx: typer.Context, index: str = typer.Argument(..., help="Index name."),
              query_log: bool | None = typer.Option(None, "--query-log/--no-query-log",
                                                    help="Keep sampled search vectors as the live eval set."),
              recall_target: float | None = typer.Option(None, "--recall-target", help="recall@k to tune for."),
              bucket: str | None = typer.Option(None, "--bucket", help="Move the index to this bucket.")
              ) -> None:
    """Change an index's settings that need no rebuild (query log, recall target), or move it (--bucket)."""
    st = state(ctx)
    patch = {k: v for k, v in {"query_log": query_log, "recall_target": recall_target, "bucket": bucket}.items()
             if v is not None}
    render_object(st.lakehouse().patch_vector_index(index, patch).model_dump(mode="json"), st.format)


@app.command("delete")
def delete(ctx: typer.Context, index: str = typer.Argument(..., help="Index name.")) -> None:
    """Delete an index with its embeddings and graph."""
    st = state(ctx)
    lh = st.lakehouse()
    render_object(lh.delete_vector_index(index).model_dump(mode="json"), st.format)


@app.command("refresh")
def refresh(ctx: typer.Context, dataset: str = typer.Argument(..., help="Dataset whose indexes to refresh."),
            force: bool = typer.Option(False, "--force", help="Compare contents even if the version is unchanged.")
            ) -> None:
    """Refresh every index on DATASET: embed new and changed rows, drop deleted ones."""
    st = state(ctx)
    lh = st.lakehouse()
    result = _finish(ctx, lh.refresh_vectors(dataset, wait=False, force=force), f"refreshing {dataset}")
    render_rows(result.get("indexes", []), st.format, title=f"refresh {dataset}")


@app.command("stale")
def stale(ctx: typer.Context) -> None:
    """Indexes whose source changed since their last build or refresh."""
    st = state(ctx)
    lh = st.lakehouse()
    render_rows(lh.stale_vector_indexes(), st.format, title="stale indexes")


@app.command("eval")
def evaluate(ctx: typer.Context, index: str = typer.Argument(..., help="Index name."),
             k: int = typer.Option(10, "-k", "--k", help="recall@k."),
             sample: int = typer.Option(100, "--sample", help="Documents held out as queries."),
             ef_search: int | None = typer.Option(None, "--ef-search", help="ef_search to evaluate."),
             m: int | None = typer.Option(None, "--m", help="HNSW M to evaluate (builds a graph)."),
             ef_construction: int | None = typer.Option(None, "--ef-construction", help="ef_construction to evaluate."),
             vectors_file: Path | None = typer.Option(None, "--vectors", metavar="FILE",
                                                      help="Your own query vectors: .npy, or JSON (a list of lists).")
             ) -> None:
    """Measure recall@k, latency and QPS of a config on held-out documents (or your query vectors); the
    result is journaled as a trial."""
    st = state(ctx)
    lh = st.lakehouse()
    trial = lh.evaluate_vector_index(index, {
        k_: v for k_, v in {"k": k, "sample": sample, "ef_search": ef_search, "m": m,
                            "ef_construction": ef_construction,
                            "vectors": _read_vectors(vectors_file) if vectors_file else None}.items() if v is not None})
    render_rows([_flat(trial)], st.format, TRIAL_COLUMNS, f"{index}: trial {trial['trial_id']}")


@app.command("trials")
def trials(ctx: typer.Context, index: str = typer.Argument(..., help="Index name."),
           limit: int = typer.Option(50, "--limit", help="How many, newest first."),
           show_chart: bool = typer.Option(False, "--chart",
                                           help="Only the recall/latency chart: the front and the champion marked.")
           ) -> None:
    """The trial journal as a table, and the recall/latency trade-off as a chart."""
    st = state(ctx)
    lh = st.lakehouse()
    rows = [_flat(t) for t in lh.vector_trials(index, limit) if "recall" in t["metrics"]]
    if not show_chart:
        render_rows(rows, st.format, TRIAL_COLUMNS, f"{index}: trials")
    if (show_chart or st.format is Format.table) and rows:
        manifest = lh.get_vector_index(index)
        best = (manifest.ann.get("champion") or {}).get("trial_id")
        stdout.print(chart(rows, manifest.recall_target, champion=best), highlight=False)


@app.command("autotune")
def autotune(ctx: typer.Context, index: str = typer.Argument(..., help="Index name."),
             time_limit: float | None = typer.Option(None, "--time-limit", help="Seconds for the whole grid.")) -> None:
    """Run the HNSW grid (M x ef_construction x ef_search) and promote the champion."""
    st = state(ctx)
    lh = st.lakehouse()
    job = lh.autotune_vector_index(index, {"time_limit_seconds": time_limit} if time_limit else {}, wait=False)
    render_object(_finish(ctx, job, f"autotuning {index}"), st.format)


@app.command("champion")
def champion(ctx: typer.Context, index: str = typer.Argument(..., help="Index name."),
             trial: int | None = typer.Option(None, "--trial", help="Promote this trial id."),
             ef_search: int | None = typer.Option(None, "--ef-search", help="Promote an explicit ef_search.")) -> None:
    """Show the champion config, or promote a trial with --trial."""
    st = state(ctx)
    lh = st.lakehouse()
    if trial is None and ef_search is None:
        render_object(lh.vector_champion(index), st.format)
    else:
        render_object(lh.set_vector_champion(index, {"trial_id": trial, "ef_search": ef_search}),
                      st.format)


def _flat(trial: dict[str, Any]) -> dict[str, Any]:
    return {**trial, **trial["config"], **trial["metrics"]}


def _read_vectors(path: Path) -> list[list[float]]:
    if path.suffix == ".npy":
        import numpy as np

        return [[float(x) for x in row] for row in np.load(path)]
    return [[float(x) for x in row] for row in json.loads(path.read_text())]


def front(rows: list[dict[str, Any]]) -> set[int]:
    """Trial ids on the recall/latency front: no other trial has higher recall and lower p50 latency."""
    ids = set()
    for r in rows:
        if not any(o["recall"] >= r["recall"] and o["p50_ms"] <= r["p50_ms"]
                   and (o["recall"] > r["recall"] or o["p50_ms"] < r["p50_ms"]) for o in rows):
            ids.add(r["trial_id"])
    return ids


def chart(rows: list[dict[str, Any]], target: float, width: int = 60, height: int = 12,
          champion: int | None = None) -> str:
    """Recall (y) against p50 latency (x, log scale) as text: '#' is on the front, '*' meets the target,
    'o' does not, 'C' is the champion."""
    rows = [r for r in rows if r.get("p50_ms") and r.get("recall") is not None]
    pts = [(float(r["p50_ms"]), float(r["recall"])) for r in rows]
    if not pts:
        return ""
    on_front = front(rows)
    marks = ["C" if r["trial_id"] == champion else "#" if r["trial_id"] in on_front
             else "*" if r["recall"] >= target else "o" for r in rows]
    xs = [math.log10(max(p[0], 1e-4)) for p in pts]
    lo_x, hi_x = min(xs), max(xs) if max(xs) > min(xs) else min(xs) + 1
    lo_y = min(min(p[1] for p in pts), target) - 0.01
    grid = [[" "] * width for _ in range(height)]
    order = sorted(range(len(pts)), key=lambda i: "o*#C".index(marks[i]))  # the champion drawn last, on top
    for i in order:
        x, (_, recall) = xs[i], pts[i]
        col = int((x - lo_x) / (hi_x - lo_x) * (width - 1))
        row = int((1.0 - recall) / max(1.0 - lo_y, 1e-9) * (height - 1))
        grid[min(row, height - 1)][col] = marks[i]
    target_row = int((1.0 - target) / max(1.0 - lo_y, 1e-9) * (height - 1))
    lines = []
    for i, line in enumerate(grid):
        label = f"{1.0 - i * (1.0 - lo_y) / (height - 1):5.3f}"
        body = "".join(line) if i != target_row else "".join(c if c != " " else "-" for c in line)
        lines.append(f"{label} |{body}")
    lines.append("      +" + "-" * width)
    lines.append(f"       p50 {10 ** lo_x:.3g} ms ... {10 ** hi_x:.3g} ms (log)   --- recall target {target}")
    lines.append("       C champion   # on the front   * meets the target   o misses it")
    return "\n".join(lines)
