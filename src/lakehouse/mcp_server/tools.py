"""The tools' work, as plain functions over ``Lakehouse`` methods: each runs as the caller, inside one audited
call (``AnswerScope``), and returns ``{..., "provenance": {...}}``. No value that a mask or a tombstone hides
can reach a result: everything comes through the same governed library calls the API uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lakehouse.errors import InvalidInput, NotFound
from lakehouse.mcp_server.envelope import fit_rows, fit_text
from lakehouse.query.results import to_json_payload

if TYPE_CHECKING:
    from lakehouse.app import Lakehouse
    from lakehouse.app.answers import AnswerScope
    from lakehouse.types import Actor
    from lakehouse.wire import DatasetManifest

PAGING_HINT = ("Only part of the result is here. Page in the query itself: ORDER BY a key and add LIMIT {rows} "
               "OFFSET {next_offset} (or WHERE key > the last key you saw); ask narrower questions for fewer "
               "characters.")


def _provenance(scope: AnswerScope, facts: dict[str, Any]) -> dict[str, Any]:
    scope.provenance = {"answer_id": scope.answer_id, "tool": scope.tool, **facts}
    return scope.provenance


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _dataset_entry(m: DatasetManifest) -> dict[str, Any]:
    return {"name": m.name, "kind": m.kind, "view_of": m.view_of, "description": m.description,
            "sensitivity": m.sensitivity, "tags": m.tags, "version": m.version,
            "rows": m.visible_rows if m.kind == "dataset" else None, "stale": m.freshness.stale}


def list_datasets(lh: Lakehouse, actor: Actor, scope: AnswerScope) -> dict[str, Any]:
    items = lh.list_datasets(actor=actor)
    names = {m.name for m in items}
    sources = lh.answers.sources(actor, names)
    return {"datasets": [_dataset_entry(m) for m in items],
            "provenance": _provenance(scope, {"catalog": "datasets and views this caller may read",
                                              "sources": sources})}


def describe_dataset(lh: Lakehouse, actor: Actor, scope: AnswerScope, name: str) -> dict[str, Any]:
    """Columns with types and PII flags (the kind, never a value or the detector's evidence), row count, freshness
    and lineage; a view is described as the caller sees it (its masks, rows counted through it)."""
    entry = next((m for m in lh.list_datasets(actor=actor) if m.name == name), None)
    if entry is None:
        raise NotFound(f"Dataset or view '{name}' does not exist.",
                       hint="list_datasets shows what you can read.")
    sources = lh.answers.sources(actor, {name})
    if entry.kind == "view":
        counted = lh.sql(f"SELECT count(*) AS n FROM {_quote(name)}", actor=actor)  # noqa: S608 - quoted name
        rows = int(counted.table.column(0)[0].as_py())
        lineage: list[dict[str, Any]] = [{"view_of": entry.view_of}]
    else:
        rows = entry.visible_rows if entry.visible_rows is not None else (entry.row_count or 0)
        lineage = [{"version": e.version, "source_system": e.source_system, "source": e.source,
                    "actor": e.actor, "at": e.at.isoformat()} for e in entry.lineage]
    columns = [{"name": c.name, "type": c.type, "nullable": c.nullable, "pii": c.pii_kind is not None,
                "pii_kind": c.pii_kind, "pii_category": c.pii_category, "redaction": c.redaction,
                "contains_pii": c.contains_pii.kinds if c.contains_pii else []} for c in entry.columns]
    return {"name": entry.name, "kind": entry.kind, "view_of": entry.view_of, "description": entry.description,
            "owner": entry.owner, "sensitivity": entry.sensitivity, "tags": entry.tags, "version": entry.version,
            "rows": rows, "freshness": entry.freshness.model_dump(mode="json"), "columns": columns,
            "lineage": lineage, "provenance": _provenance(scope, {"sources": sources})}


def sql(lh: Lakehouse, actor: Actor, scope: AnswerScope, query: str, params: dict[str, Any] | None,
        max_rows: int | None) -> dict[str, Any]:
    caps = lh.settings.mcp
    requested = max_rows if max_rows is not None else caps.max_rows
    applied = min(requested, caps.max_rows)
    result, facts = lh.answers.sql(query, actor, params=params, max_rows=applied)
    payload = to_json_payload(result)
    rows, cut_by_chars = fit_rows(payload["rows"], caps.max_chars)
    truncated = bool(payload["truncated"]) or cut_by_chars
    out: dict[str, Any] = {"columns": payload["columns"], "rows": rows, "row_count": len(rows),
                           "truncated": truncated, "elapsed_ms": payload["elapsed_ms"]}
    if requested > applied:
        out["max_rows_capped"] = {"requested": requested, "applied": applied,
                                  "why": f"mcp.max_rows is {caps.max_rows}"}
    if truncated:
        out["truncated_by"] = "max_chars" if cut_by_chars else "max_rows"
        out["next_offset"] = len(rows)
        out["hint"] = PAGING_HINT.format(rows=len(rows) or applied, next_offset=len(rows))
    scope.objects = [s["name"] for s in facts["sources"]]
    out["provenance"] = _provenance(scope, facts)
    return out


def vector_search(lh: Lakehouse, actor: Actor, scope: AnswerScope, index: str, query: str | None,
                  vector: list[float] | None, k: int, filter: str | None) -> dict[str, Any]:
    from lakehouse.vectors.spec import SearchRequest

    cap = lh.settings.mcp.max_k
    if (query is None) == (vector is None):
        raise InvalidInput("Send exactly one of 'query' (text) or 'vector' (numbers).",
                           hint='For example {"index": "resumes_idx", "query": "python developer", "k": 5}.')
    request = SearchRequest(query=query, vector=vector, k=min(k, cap), filter=filter)
    result, facts = lh.answers.search(index, request, actor)
    out: dict[str, Any] = {"hits": [{"doc_id": h.doc_id, "chunk_index": h.chunk_index, "score": round(h.score, 6),
                                     "text": h.text} for h in result.hits],
                           "method": result.method, "elapsed_ms": result.elapsed_ms}
    if k > cap:
        out["k_capped"] = {"requested": k, "applied": cap, "why": f"mcp.max_k is {cap}"}
    out["provenance"] = _provenance(scope, facts)
    return out


def get_document(lh: Lakehouse, actor: Actor, scope: AnswerScope, index: str, doc_id: str | int) -> dict[str, Any]:
    """The source row of one document of an index, read through the index's source (dataset or view) as the
    caller: masks, row filters and tombstones apply as in SQL."""
    manifest = lh.get_vector_index(index, actor=actor)
    statement = (f"SELECT * FROM {_quote(manifest.dataset)} "  # noqa: S608 - quoted names, bound id
                 f"WHERE {_quote(manifest.id_column)} = $doc_id LIMIT 1")
    result, facts = lh.answers.sql(statement, actor, params={"doc_id": doc_id}, max_rows=1)
    payload = to_json_payload(result)
    if not payload["rows"]:
        raise NotFound(f"Index '{index}' has no document {doc_id!r} you can read.",
                       hint="Use a doc_id from vector_search hits (same type: number or string).")
    document = dict(zip([c["name"] for c in payload["columns"]], payload["rows"][0], strict=True))
    max_chars = lh.settings.mcp.max_chars
    truncated = []
    for column, value in document.items():
        if isinstance(value, str):
            document[column], cut = fit_text(value, max_chars)
            if cut:
                truncated.append(column)
    facts = {**lh.answers.index_provenance(manifest, actor), "sql_sources": facts["sources"]}
    out: dict[str, Any] = {"index": index, "doc_id": doc_id, "document": document, "truncated": bool(truncated)}
    if truncated:
        out["truncated_columns"] = truncated
        out["hint"] = f"Text longer than mcp.max_chars ({max_chars}) is cut; use sql with substr() to read on."
    out["provenance"] = _provenance(scope, facts)
    return out


def list_indexes(lh: Lakehouse, actor: Actor, scope: AnswerScope) -> dict[str, Any]:
    items = lh.list_vector_indexes(actor=actor)
    indexes = [{"index": m.index_name, "source": m.dataset, "id_column": m.id_column, "text_column": m.text_column,
                "documents": m.documents, "status": m.status, "generation": m.generation, "backend": m.backend,
                "embedder": m.embedder, "model": m.model, "metric": m.metric, "dim": m.dim} for m in items]
    facts = {"indexes": [{"index": m.index_name, "generation": m.generation, "source": m.dataset,
                          "source_version": m.source_version} for m in items]}
    return {"indexes": indexes, "provenance": _provenance(scope, facts)}


def schema_resource(lh: Lakehouse, actor: Actor, scope: AnswerScope, name: str) -> dict[str, Any]:
    described = describe_dataset(lh, actor, scope, name)
    return {k: described[k] for k in ("name", "kind", "view_of", "version", "columns", "provenance")}
