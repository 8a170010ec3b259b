"""Vector indexes: build, search, refresh, evaluate, autotune, champion."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from lakehouse.app.base import LakehouseBase
from lakehouse.errors import NotFound
from lakehouse.types import Actor
from lakehouse.wire import JobInfo

if TYPE_CHECKING:  # the models load with the first vector call, not with every lakehouse
    from lakehouse.vectors.spec import (
        AnnRequest,
        AppendRequest,
        AutotuneRequest,
        ChampionRequest,
        EvalRequest,
        IndexManifest,
        IndexSettingsPatch,
        IndexSpec,
        SearchRequest,
        SearchResult,
    )


class VectorsApi(LakehouseBase):
    # Vector search --------------------------------------------------------------------------
    def create_vector_index(self, spec: IndexSpec | Mapping[str, Any], *, wait: bool = True,
                            actor: Actor | None = None) -> JobInfo:
        """Build (or rebuild) an index: chunk, embed, store, build the HNSW graph. A job."""
        from lakehouse.vectors.spec import IndexSpec

        spec = spec if isinstance(spec, IndexSpec) else IndexSpec.model_validate(spec)
        with self._call(actor, "vectors.create_index", spec.index_name) as (who, _):
            if spec.profile is not None:
                spec = self._profile_index_spec(who, spec)  # type: ignore[attr-defined]
            assert isinstance(spec, IndexSpec)
            self._require_write_source(who, spec.dataset, "build a vector index on")
            return self.vectors.create_index(who, spec, wait)

    def list_vector_indexes(self, actor: Actor | None = None) -> list[IndexManifest]:
        with self._call(actor, "vectors.list_indexes") as (who, scope):
            visible = [m for m in self.vectors.list_indexes(who) if self._may_search(who, m)]
            scope.rows = len(visible)
            return visible

    def get_vector_index(self, name: str, actor: Actor | None = None) -> IndexManifest:
        with self._call(actor, "vectors.get_index", name) as (who, _):
            return self._readable_index(who, name)

    def patch_vector_index(self, name: str, patch: IndexSettingsPatch | Mapping[str, Any],
                           actor: Actor | None = None) -> IndexManifest:
        """Change what needs no rebuild: ``query_log`` (keep sampled search vectors as the live eval set),
        ``recall_target``; ``bucket`` moves the index there (copied, verified, switched, old copy deleted)."""
        from lakehouse.vectors.spec import IndexSettingsPatch

        patch = patch if isinstance(patch, IndexSettingsPatch) else IndexSettingsPatch.model_validate(patch)
        with self._call(actor, "vectors.patch_index", name) as (who, _):
            self._writable_index(who, name)
            return self.vectors.patch_index(who, name, patch)

    def delete_vector_index(self, name: str, actor: Actor | None = None) -> IndexManifest:
        with self._call(actor, "vectors.delete_index", name) as (who, _):
            self._writable_index(who, name)
            return self.vectors.delete_index(who, name)

    def vector_search(self, index: str, query: str | None = None, *, vector: Sequence[float] | None = None,
                      k: int = 10, filter: str | None = None, per_chunk: bool = False,
                      actor: Actor | None = None) -> SearchResult:
        from lakehouse.vectors.spec import SearchRequest

        request = SearchRequest(query=query, vector=list(vector) if vector is not None else None, k=k,
                                filter=filter, per_chunk=per_chunk)
        return self.search_vectors(index, request, actor=actor)

    def search_vectors(self, index: str, request: SearchRequest | Mapping[str, Any],
                       actor: Actor | None = None) -> SearchResult:
        """``vector_search`` taking the whole request body (``ef_search``, ``exact`` too)."""
        from lakehouse.vectors.spec import SearchRequest

        request = request if isinstance(request, SearchRequest) else SearchRequest.model_validate(request)
        with self._call(actor, "vectors.search", index) as (who, _):
            return self.vectors.search(who, index, request)

    def refresh_vectors(self, dataset: str, *, wait: bool = True, force: bool = False,
                        actor: Actor | None = None) -> JobInfo:
        """Refresh every index built on ``dataset``: new and changed documents only. A job."""
        with self._call(actor, "vectors.refresh_dataset", dataset) as (who, _):
            self._require_write_source(who, dataset, "refresh vector indexes on")
            return self.vectors.refresh_dataset(who, dataset, wait, force)

    def stale_vector_indexes(self, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "vectors.stale") as (who, _):
            readable = {m.index_name for m in self.vectors.list_indexes(who) if self._may_search(who, m)}
            return [entry for entry in self.vectors.stale(who) if entry.get("index_name") in readable]

    def evaluate_vector_index(self, index: str, request: EvalRequest | Mapping[str, Any] | None = None,
                              actor: Actor | None = None) -> dict[str, Any]:
        from lakehouse.vectors.spec import EvalRequest

        request = request if isinstance(request, EvalRequest) else EvalRequest.model_validate(request or {})
        with self._call(actor, "vectors.evaluate", index) as (who, _):
            self._writable_index(who, index)
            return self.vectors.evaluate(who, index, request)

    def vector_trials(self, index: str, limit: int = 1000, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "vectors.trials", index) as (who, _):
            self._readable_index(who, index)
            return self.vectors.trials(who, index, limit)

    def autotune_vector_index(self, index: str, request: AutotuneRequest | Mapping[str, Any] | None = None, *,
                              wait: bool = True, actor: Actor | None = None) -> JobInfo:
        from lakehouse.vectors.spec import AutotuneRequest

        request = request if isinstance(request, AutotuneRequest) else AutotuneRequest.model_validate(request or {})
        with self._call(actor, "vectors.autotune", index) as (who, _):
            self._writable_index(who, index)
            return self.vectors.autotune(who, index, request, wait)

    def vector_champion(self, index: str, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "vectors.champion", index) as (who, _):
            self._readable_index(who, index)
            return self.vectors.champion(who, index)

    def set_vector_champion(self, index: str, request: ChampionRequest | Mapping[str, Any],
                            actor: Actor | None = None) -> dict[str, Any]:
        from lakehouse.vectors.spec import ChampionRequest

        request = request if isinstance(request, ChampionRequest) else ChampionRequest.model_validate(request)
        with self._call(actor, "vectors.set_champion", index) as (who, _):
            self._writable_index(who, index)
            return self.vectors.set_champion(who, index, request)

    # Backends: documents, append, stats, the ANN structure, migration ----------------------------
    def get_vector_document(self, index: str, doc_id: str, *, vectors: bool = False,
                            actor: Actor | None = None) -> dict[str, Any]:
        """Every chunk of one document (BTREE on doc_id for lance, an id map for hnsw); 404 when unknown."""
        with self._call(actor, "vectors.get_document", index) as (who, _):
            self._readable_index(who, index)
            return self.vectors.fetch_document(who, index, doc_id, vectors)

    def append_vectors(self, index: str, request: AppendRequest | Mapping[str, Any],
                       actor: Actor | None = None) -> dict[str, Any]:
        """Add rows to the index alone (texts embedded by its embedder); lance appends a fragment."""
        from lakehouse.vectors.spec import AppendRequest

        request = request if isinstance(request, AppendRequest) else AppendRequest.model_validate(request)
        with self._call(actor, "vectors.append", index) as (who, scope):
            self._writable_index(who, index)
            scope.rows = len(request.rows)
            return self.vectors.append_rows(who, index, request.rows)

    def vector_index_stats(self, index: str, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "vectors.stats", index) as (who, _):
            self._readable_index(who, index)
            return self.vectors.index_stats(who, index)

    def optimize_vector_index(self, index: str, actor: Actor | None = None) -> dict[str, Any]:
        """Fold appended (unindexed) rows into the ANN structure without a full rebuild."""
        with self._call(actor, "vectors.optimize", index) as (who, _):
            self._writable_index(who, index)
            return self.vectors.optimize_index(who, index)

    def rebuild_vector_ann(self, index: str, request: AnnRequest | Mapping[str, Any] | None = None, *,
                           wait: bool = True, actor: Actor | None = None) -> JobInfo:
        """Rebuild the ANN structure (HNSW m/ef_construction or IVF_PQ num_partitions/num_sub_vectors). A job."""
        from lakehouse.vectors.spec import AnnRequest

        request = request if isinstance(request, AnnRequest) else AnnRequest.model_validate(request or {})
        with self._call(actor, "vectors.ann", index) as (who, _):
            self._writable_index(who, index)
            return self.vectors.rebuild_ann(who, index, request, wait)

    def migrate_vector_index(self, index: str, backend: str, *, wait: bool = True,
                             actor: Actor | None = None) -> JobInfo:
        """Move the index to the other backend (``hnsw`` or ``lance``). A job."""
        with self._call(actor, "vectors.migrate", index) as (who, _):
            self._writable_index(who, index)
            return self.vectors.migrate_index(who, index, backend, wait)

    # The autotune agent ----------------------------------------------------------------------------
    def agent_status(self, actor: Actor | None = None) -> dict[str, Any]:
        """The agent as the catalog knows it: enabled, leader, queue, trials this hour, per-index state."""
        with self._call(actor, "vectors.agent_status") as (who, _):
            status = self.agent.status()
            readable = {m.index_name for m in self.vectors.list_indexes(who) if self._may_search(who, m)}
            status["indexes"] = [s for s in status["indexes"] if s["index_name"] in readable]
            status["queue"] = [name for name in status["queue"] if name in readable]
            return status

    def agent_index_status(self, index: str, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "vectors.agent_index_status", index) as (who, _):
            self._readable_index(who, index)
            return self.agent.index_status(index)

    def agent_enqueue(self, index: str, reason: str = "requested", actor: Actor | None = None) -> dict[str, Any]:
        """Queue ``index`` for the agent (it runs when the agent is enabled in a server or ``agent run``)."""
        with self._call(actor, "vectors.agent_enqueue", index) as (who, _):
            self._writable_index(who, index)
            return self.agent.enqueue(index, f"{reason} (by {who.name})")

    def _may_search(self, who: Actor, index: IndexManifest) -> bool:
        try:
            self.vectors.guards.check(who, index)
        except NotFound:
            return False
        return True

    def _readable_index(self, who: Actor, name: str) -> IndexManifest:
        index = self.vectors.get_index(who, name)
        self.vectors.guards.check(who, index)  # 404 for an index the caller may not read
        return index

    def _writable_index(self, who: Actor, name: str) -> IndexManifest:
        index = self._readable_index(who, name)  # 404 above; an index it may read but not manage: 403
        self.access.require_write_dataset(who, index.base_dataset, False, "manage vector indexes on")
        return index

    def _require_write_source(self, who: Actor, name: str, action: str) -> None:
        """Index work on a dataset needs write access to it; on a view, reading the view (404 otherwise)
        and write access to its base dataset (as defining the view did)."""
        view = self.vectors.sources.view(name)
        if view is not None:
            self.governance.get_view(who, name)  # 404 unless readable; readable but not writable: 403
            self.access.require_write_dataset(who, view.base_dataset, False, action)
        else:
            self.access.require_write_dataset(who, name, self.catalog.datasets.exists(name), action)
