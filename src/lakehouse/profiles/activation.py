"""Activation and search through a profile: one active profile per server, its indexes warm in memory.

Activating finds every vector index whose source is one of the profile's bindings (a dataset, or a view an
index was built on) and loads it with its graph — the persisted one, or one built with the profile's ``ann``
when that asks for another graph. One bad index never aborts the rest: each failure is reported. Searching
through a profile uses its warm indexes; a cold one is searched exactly (``method`` says which).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lakehouse.catalog.models_profiles import ProfileRow
from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.errors import Conflict, Forbidden, InvalidInput, LakehouseError
from lakehouse.profiles.service import Profiles
from lakehouse.profiles.spec import ProfileSearchRequest
from lakehouse.types import Actor, iso_utc, utcnow
from lakehouse.vectors.loaded import LoadedIndex
from lakehouse.vectors.records import manifest as index_manifest
from lakehouse.vectors.service import VectorService
from lakehouse.vectors.spec import SearchRequest

SlotHook = Callable[[ProfileRow | None], dict[str, Any]]  # profile to load (None: empty the slot) -> slot report


@dataclass
class ActiveProfile:
    profile_id: str
    model: str | None
    since: datetime
    warm: dict[str, LoadedIndex] = field(default_factory=dict)
    report: dict[str, Any] = field(default_factory=dict)


def _bytes(index: LoadedIndex) -> int:
    graph = 0 if index.graph is None else int(index.graph.ntotal) * (index.graph.hnsw.nb_neighbors(0) * 4 + 8)
    return int(index.vectors.nbytes + index.meta.nbytes + index.row_of.nbytes + graph)


class Activation:
    def __init__(self, profiles: Profiles, vectors: Callable[[], VectorService], slot: SlotHook | None = None,
                 provision: Callable[[ProfileRow], dict[str, Any] | None] | None = None):
        self._profiles = profiles
        self._vectors = vectors
        self._slot = slot
        self._provision = provision
        self._lock = threading.Lock()  # activations serialise: never two models loading at once
        self.active: ActiveProfile | None = None

    # Which indexes --------------------------------------------------------------------------
    def indexes(self, row: ProfileRow) -> list[VectorIndexRow]:
        return [index for index in self._vectors().records.list() if _on_bindings(index, row)]

    # Activation -----------------------------------------------------------------------------
    def activate(self, actor: Actor, profile_id: str) -> dict[str, Any]:
        row = self._profiles.usable(actor, profile_id)
        self._profiles.require_admin(actor, "activate profiles")
        with self._lock:
            started = time.perf_counter()
            bucket = self._provision(row) if self._provision is not None and row.bucket else None
            try:
                slot = self._slot(row) if self._slot is not None else {"models": [], "reason": "no GPU slot"}
            except LakehouseError as exc:
                if (exc.details or {}).get("slot") == "empty":
                    self.active = None  # the previous profile's models are gone: it is no longer active
                raise
            active = ActiveProfile(profile_id, row.model, utcnow())
            warmed, failed = [], []
            indexes = self.indexes(row)
            for index in indexes:
                try:
                    loaded, how, seconds = self._warm(row, index)
                except LakehouseError as exc:
                    failed.append({"index": index.name, "error": exc.code, "message": exc.message})
                    continue
                except Exception as exc:  # noqa: BLE001 - one bad binding never aborts the rest
                    failed.append({"index": index.name, "error": "internal_error", "message": str(exc)[:300]})
                    continue
                active.warm[index.name] = loaded
                warmed.append({"index": index.name, "source": index_manifest(index).dataset, "graph": how,
                               "vectors": loaded.live, "bytes": _bytes(loaded), "seconds": round(seconds, 3)})
            report: dict[str, Any] = {"profile": profile_id, "model": row.model, "warmed": warmed,
                                      "failed": failed, "slot": slot,
                                      "seconds": round(time.perf_counter() - started, 3)}
            if bucket is not None:
                report["bucket"] = bucket
            if not indexes:
                report["reason"] = (f"No vector index is built on the profile's bindings "
                                    f"({', '.join(b['name'] for b in row.bound) or 'none'}).")
            active.report = report
            self.active = active
            return report

    def _warm(self, row: ProfileRow, index: VectorIndexRow) -> tuple[LoadedIndex, str, float]:
        from lakehouse.vectors import ann, build, loaded

        started = time.perf_counter()
        if index.generation == 0:
            raise Conflict(f"Vector index '{index.name}' has not finished its first build.")
        service = self._vectors()
        if index.vector_backend != "hnsw":  # its ANN structure as built (a profile's m/ef_construction are HNSW's)
            return service.cache.get(index), "persisted", time.perf_counter() - started
        persisted = (index.ann or {}).get("graph_config") or build.settings_config(
            service.settings, index.ann or {}).as_dict()
        wanted = {**persisted, **{k: v for k, v in (row.ann or {}).items() if k in ("m", "ef_construction")}}
        if (wanted["m"], wanted["ef_construction"]) == (persisted["m"], persisted["ef_construction"]):
            return service.cache.get(index), "persisted", time.perf_counter() - started
        plain = loaded.load(service.cache.files(index), index, with_graph=False)
        config = ann.HnswConfig(int(wanted["m"]), int(wanted["ef_construction"]), int(persisted["ef_search"]))
        plain.graph = build.build_graph(plain.vectors, index.metric, config, service.settings.vectors.search_threads)
        return plain, f"built (m={config.m}, ef_construction={config.ef_construction})", time.perf_counter() - started

    def deactivate(self, actor: Actor, profile_id: str) -> dict[str, Any]:
        self._profiles.usable(actor, profile_id)
        self._profiles.require_admin(actor, "deactivate profiles")
        with self._lock:
            if self.active is None or self.active.profile_id != profile_id:
                current = self.active.profile_id if self.active else "none"
                raise Conflict(f"Profile '{profile_id}' is not the active one (active: {current}).",
                               hint="GET /vectors/profile/active says which is.")
            slot = self._slot(None) if self._slot is not None else {"models": []}
            self.active = None
            return {"profile": profile_id, "deactivated": True, "slot": slot}

    def forget(self, profile_id: str) -> None:
        """A deleted profile stops being the active one; its models leave the slot."""
        with self._lock:
            if self.is_active(profile_id):
                if self._slot is not None:
                    self._slot(None)
                self.active = None

    def is_active(self, profile_id: str) -> bool:
        return self.active is not None and self.active.profile_id == profile_id

    def state(self, actor: Actor) -> dict[str, Any]:
        active = self.active
        if active is None or not (actor.is_admin or self._may_use(actor, active.profile_id)):
            return {"profile": None, "model": None, "since": None, "warm": []}
        return {"profile": active.profile_id, "model": active.model, "since": iso_utc(active.since),
                "warm": [{"index": n, "vectors": i.live, "bytes": _bytes(i)} for n, i in active.warm.items()],
                "slot": active.report.get("slot")}

    def _may_use(self, actor: Actor, profile_id: str) -> bool:
        try:
            self._profiles.usable(actor, profile_id)
        except LakehouseError:
            return False
        return True

    # Search ---------------------------------------------------------------------------------
    def search(self, actor: Actor, profile_id: str, request: ProfileSearchRequest,
               profile: ProfileRow | None = None) -> dict[str, Any]:
        started = time.perf_counter()
        row = self._profiles.usable(actor, profile_id, profile)
        scoped = self._profiles.scoped(actor, row)
        if request.index is not None:
            named = self._vectors().records.find(request.index)
            if named is None or not _on_bindings(named, row):
                indexes = {i.name: i for i in self.indexes(row)}
                allowed = ", ".join(f"{b['kind']} '{b['name']}'" for b in row.bound) or "none"
                raise Forbidden(f"Vector index '{request.index}' is outside profile '{profile_id}': its search "
                                f"may use indexes built on its bindings ({allowed}); its indexes: "
                                f"{', '.join(sorted(indexes)) or 'none'}.",
                                hint="Name one of the profile's indexes, or leave 'index' out to search them all.")
            chosen = [named]
        else:
            if request.filter is not None:
                raise InvalidInput("A filter applies to one index's source; name the index.")
            chosen = self.indexes(row)
        if not chosen:
            return {"profile": profile_id, "hits": [], "method": "exact", "indexes": [],
                    "elapsed_ms": round((time.perf_counter() - started) * 1000, 3),
                    "reason": "The profile's bindings have no vector index."}
        metrics = {i.metric for i in chosen}
        if len(metrics) > 1:
            raise InvalidInput(f"The profile's indexes use different metrics ({', '.join(sorted(metrics))}); "
                               "their scores cannot be merged.", hint="Name one index.")
        searcher = self._vectors().searcher
        per_index, hits = [], []
        warm = self.active.warm if self.is_active(profile_id) and self.active is not None else {}
        for index in chosen:
            source = warm.get(index.name)
            if source is not None and source.generation != index.generation:
                source = None  # refreshed since activation: the shared cache has the new one, or cold
            source = source or self._vectors().cache.peek(index)
            cold = source is None
            # fields validated already (as ProfileSearchRequest): validating a 384-float vector again costs
            # a tenth of a millisecond
            body = SearchRequest.model_construct(query=request.query, vector=request.vector, k=request.k,
                                                 filter=request.filter, per_chunk=request.per_chunk, exact=cold,
                                                 ef_search=(row.ann or {}).get("ef_search"))
            result = searcher.search(scoped, index.name, body, loaded=self._cold if cold else _given(source),
                                     row=index)
            per_index.append({"index": index.name, "method": result.method, "warm": not cold,
                              "elapsed_ms": result.elapsed_ms})
            hits += [{"index": index.name, "doc_id": h.doc_id, "chunk_index": h.chunk_index, "score": h.score,
                      "text": h.text} for h in result.hits]  # model_dump costs ~15 us a hit
        if len(chosen) > 1:  # one index's hits come ranked already
            hits.sort(key=lambda h: h["score"], reverse=metrics != {"l2"})
        methods = {p["method"] for p in per_index}
        return {"profile": profile_id, "model": row.model, "hits": hits[:request.k],
                "method": methods.pop() if len(methods) == 1 else "mixed", "indexes": per_index,
                "elapsed_ms": round((time.perf_counter() - started) * 1000, 3)}

    def _cold(self, index: VectorIndexRow) -> LoadedIndex:
        """A cold index's stored vectors, for an exact search; nothing is cached (that would make it warm)."""
        from lakehouse.vectors import loaded

        return loaded.load(self._vectors().cache.files(index), index, with_graph=False)


def _given(index: LoadedIndex | None) -> Callable[[VectorIndexRow], LoadedIndex]:
    assert index is not None

    def provide(_row: VectorIndexRow) -> LoadedIndex:
        return index
    return provide


def _on_bindings(index: VectorIndexRow, row: ProfileRow) -> bool:
    """The index's source is a binding: its dataset (not through a view), or the view it was built on."""
    view = (index.ann or {}).get("view")
    return {"kind": "view", "name": view} in row.bound if view is not None else \
        {"kind": "dataset", "name": index.dataset} in row.bound
