"""Answers for agents: the library calls an agent's tool makes, each with its provenance (what it read, at which
version, through which view and masks, how many erased keys were hidden), audited as one call that says how it
came in (``via``, ``tool``) and kept so the answer can be traced later. ``Lakehouse.answers`` is this namespace;
the MCP server (mcp_server/) is its one front door today."""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Iterator, Mapping, Set
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from lakehouse.app.base import LakehouseBase
from lakehouse.errors import LakehouseError, NotFound
from lakehouse.governance.answers import AnswerStore, erased_key_counts
from lakehouse.governance.audit import origin, request_id
from lakehouse.types import Actor, Role

if TYPE_CHECKING:
    from lakehouse.app.lakehouse import Lakehouse
    from lakehouse.governance.views import ViewInfo
    from lakehouse.query.spec import QueryResult, ReadSet
    from lakehouse.vectors.spec import IndexManifest, SearchRequest, SearchResult

ANONYMOUS = Actor(name="anonymous", role=Role.agent)
TOUCH_SECONDS = 60.0  # an agent's token is verified on every call, its last_used_at written at most this often


@dataclass
class AnswerScope:
    """One tool call: its id (also the request id of every audit record it causes) and, once it has an answer,
    the provenance to keep."""

    answer_id: str
    tool: str
    provenance: dict[str, Any] | None = None
    objects: list[str] = field(default_factory=list)


def fingerprint(view: ViewInfo) -> str:
    """A view's definition (base, columns, row filter, redactions) as a digest: two answers read the same view
    definition exactly when their fingerprints match."""
    definition = view.model_dump(mode="json", include={"name", "base_dataset", "columns", "row_filter",
                                                       "column_redactions"})
    text = json.dumps(definition, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


@lru_cache(maxsize=512)
def tables_named(sql: str) -> frozenset[str] | None:
    """The relations a statement reads (CTE names left out); None when sqlglot cannot parse it. Remembered per
    text: agents repeat statements with new parameters."""
    import sqlglot
    from sqlglot import exp

    try:
        tree = sqlglot.parse_one(sql, read="postgres")
    except Exception:  # noqa: BLE001 - the engine parsed it; the token superset is then the fallback
        return None
    ctes = {c.alias_or_name for c in tree.find_all(exp.CTE)}
    return frozenset(t.name for t in tree.find_all(exp.Table) if t.name and t.name not in ctes)


class Answers:
    def __init__(self, lakehouse: Lakehouse):
        self._lh = lakehouse
        self._store = AnswerStore(lakehouse.catalog.sessions)
        self._touched: dict[str, float] = {}  # token -> when its last_used_at was last written

    # The call itself --------------------------------------------------------------------------
    def principal(self, token: str | None, via: str = "mcp") -> Actor:
        """The caller: the token's principal when ``auth.mode = "token"`` (a missing, unknown or revoked token is
        refused and audited, and nothing runs), else the process's own actor (local mode, like the CLI)."""
        lh = self._lh
        if lh.settings.auth.mode == "local":
            return lh.actor
        from lakehouse.errors import Unauthorized

        try:
            if not token or not token.strip():
                raise Unauthorized("This lakehouse requires a token (auth.mode = token).",
                                   hint="Set LAKEHOUSE_TOKEN for stdio, or send 'Authorization: Bearer <token>'.")
            token = token.strip()
            now = time.monotonic()
            touch = now - self._touched.get(token, -TOUCH_SECONDS) >= TOUCH_SECONDS
            actor = lh.governance.principals.authenticate(token, touch=touch)  # checked on every call
            if touch:
                self._touched[token] = now
            return actor
        except LakehouseError as exc:
            marker = origin.set((via, "auth"))
            try:
                lh.governance.audit.record(ANONYMOUS, f"{via}.auth", [], exc.code, status=exc.http_status)
            finally:
                origin.reset(marker)
            raise

    def refused(self, tool: str, actor: Actor | None, code: str, status: int, via: str = "mcp") -> None:
        """A call refused before it ran (unknown tool, arguments that do not fit): audited all the same."""
        marker = origin.set((via, tool))
        try:
            self._lh.governance.audit.record(actor or ANONYMOUS, f"{via}.{tool}", [], code, status=status)
        finally:
            origin.reset(marker)

    @contextmanager
    def call(self, tool: str, actor: Actor, *objects: str, via: str = "mcp") -> Iterator[AnswerScope]:
        """One audited call: a ``<via>.<tool>`` record, and every record the library writes inside it, carry
        ``via``, ``tool`` and the answer id as request id; a successful call keeps its provenance."""
        scope = AnswerScope(answer_id=uuid.uuid4().hex, tool=tool, objects=list(objects))
        marks = origin.set((via, tool)), request_id.set(scope.answer_id)
        try:
            with self._lh.governance.audit.scope(actor, f"{via}.{tool}", *objects) as audit:
                yield scope
                audit.objects = scope.objects
                if scope.provenance is not None:  # kept in the audit record's own transaction
                    audit.extra.append(self._store.row(scope.answer_id, actor, tool, scope.provenance))
        finally:
            request_id.reset(marks[1])
            origin.reset(marks[0])

    def get(self, answer_id: str, actor: Actor) -> dict[str, Any]:
        """A kept answer. Chunk ids of documents erased since (tombstoned on the index's id column) come back
        as ``"erased"``: a kept answer never hands out an erased key."""
        record = self._store.get(answer_id, actor)
        provenance = record["provenance"]
        chunks, sources = provenance.get("chunk_ids"), provenance.get("sources") or []
        if not (chunks and sources):
            return record
        gov, dataset = self._lh.governance, sources[0]["dataset"]
        counts = erased_key_counts(self._lh.catalog.sessions, [dataset])[dataset]
        if (counts["hidden"] or counts["purged"]) and gov.tombstones.key_column(dataset) == provenance.get("id_column"):
            from lakehouse.governance.redaction import hmac_hex

            erased = {row.key_hmac for row in gov.tombstones.rows(dataset)}
            provenance["chunk_ids"] = [
                "erased" if hmac_hex(gov.secret, c.rsplit("#", 1)[0]) in erased else c for c in chunks]
        return record

    # Provenance -------------------------------------------------------------------------------
    def sql(self, sql: str, actor: Actor, *, params: Mapping[str, Any] | None = None,
            as_of: Mapping[str, int] | None = None, max_rows: int | None = None) -> tuple[QueryResult, dict[str, Any]]:
        """``Lakehouse.sql`` and what it read: each dataset or view the statement names, at the version the query
        was pinned to (the relations the query service registered for it, so nothing is looked up twice)."""
        from lakehouse.query.spec import ReadSet

        result = self._lh.sql(sql, params=params, as_of=as_of, max_rows=max_rows, actor=actor)
        named = tables_named(sql)
        if named is None:
            from lakehouse.query.sql_service import referenced_tables

            named = frozenset(referenced_tables(sql) or ())
        sources = self._sources(actor, named, result.reads or ReadSet())
        return result, {"engine": "datafusion", "sources": sources}

    def search(self, index: str, request: SearchRequest, actor: Actor) -> tuple[SearchResult, dict[str, Any]]:
        """``Lakehouse.search_vectors`` and where its hits came from: the index, its generation, backend and
        method, the source it embeds (dataset or view, version), erased keys hidden, and the chunk ids."""
        lh = self._lh
        result = lh.search_vectors(index, request, actor=actor)
        manifest = lh.vectors.get_index(actor, index)
        provenance = self.index_provenance(manifest, actor)
        provenance.update(method=result.method,
                          chunk_ids=[f"{hit.doc_id}#{hit.chunk_index}" for hit in result.hits])
        return result, provenance

    def index_provenance(self, manifest: IndexManifest, actor: Actor) -> dict[str, Any]:
        view = self._view(manifest.view, actor) if manifest.view else None
        counts = erased_key_counts(self._lh.catalog.sessions, [manifest.base_dataset])[manifest.base_dataset]
        source: dict[str, Any] = {"kind": "view" if view else "dataset", "name": manifest.dataset,
                                  "dataset": manifest.base_dataset, "version": manifest.source_version}
        if view is not None:
            source.update(self._view_facts(view))
        source["tombstones"] = {"erased_keys_hidden": counts["hidden"], "erased_keys_purged": counts["purged"]}
        return {"index": manifest.index_name, "generation": manifest.generation, "backend": manifest.backend,
                "id_column": manifest.id_column,
                "embedder": manifest.embedder, "model": manifest.model, "metric": manifest.metric,
                "sources": [source]}

    def _view(self, name: str, actor: Actor) -> ViewInfo | None:
        try:
            return self._lh.governance.get_view(actor, name)
        except NotFound:
            return None

    @staticmethod
    def _view_facts(view: ViewInfo) -> dict[str, Any]:
        return {"definition_fingerprint": fingerprint(view),
                "masks": {column: r.kind for column, r in sorted(view.column_redactions.items())},
                "row_filter": view.row_filter is not None}

    def sources(self, actor: Actor, names: set[str]) -> list[dict[str, Any]]:
        """Provenance of the named datasets and views as the caller may read them now (others left out)."""
        from lakehouse.query.spec import ReadSet

        gov = self._lh.governance
        heads = self._lh.catalog.datasets.heads()
        views = {v.name: v for v in gov.readable_views(actor) if v.name in names and v.base_dataset in heads}
        reads = ReadSet(versions={n: v for n, (_, v) in heads.items()}, views=dict(views),
                        readable=gov.access.readable_datasets(actor, heads))
        return self._sources(actor, names, reads)

    def _sources(self, actor: Actor, named: Set[str], reads: ReadSet) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for name in sorted(named):
            raw = name.startswith("__raw__") and actor.is_admin
            dataset = name.removeprefix("__raw__") if raw else name
            view = reads.views.get(name)
            if view is not None:
                base = view.base_dataset  # type: ignore[attr-defined]
                out.append({"kind": "view", "name": name, "dataset": base, "version": reads.versions.get(base),
                            **self._view_facts(view)})  # type: ignore[arg-type]
            elif dataset in reads.versions and (dataset in reads.readable or raw):
                out.append({"kind": "raw_dataset" if raw else "dataset", "name": name, "dataset": dataset,
                            "version": reads.versions[dataset]})
        counts = erased_key_counts(self._lh.catalog.sessions, sorted({s["dataset"] for s in out}))
        for source in out:
            count = counts[source["dataset"]]
            hidden = 0 if source["kind"] == "raw_dataset" else count["hidden"]  # raw tables show every stored row
            source["tombstones"] = {"erased_keys_hidden": hidden, "erased_keys_purged": count["purged"]}
        return out


class AnswersApi(LakehouseBase):
    @cached_property
    def answers(self) -> Answers:
        """Agents' calls with provenance (``lakehouse://answers/{id}``): see app/answers.py."""
        return Answers(self)  # type: ignore[arg-type]  # composed into Lakehouse
