"""The ``lance`` backend: rows in a Lance dataset (``vectors/<index>/embeddings.lance``, vectors as
FixedSizeList<float32>) with an IVF_PQ index on ``vector`` and a BTREE on ``doc_id``.

Appends add a fragment (nothing rewritten); rows the IVF_PQ index has not seen are searched exactly by
Lance beside the indexed ones until ``optimize`` folds them in as a delta index. Search re-ranks the PQ
candidates exactly (``refine_factor``): without it IVF_PQ recall stays near 0.65. PQ needs at least 256
rows to train its codebooks; smaller tables get no IVF_PQ and are searched exactly (stats say so).
Scores are those of the hnsw backend: inner product (``dot`` distance is 1 - x.y) or -squared L2.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.config import Settings
from lakehouse.errors import InvalidInput, NotInstalled
from lakehouse.vectors.backend import Built, VectorBackend
from lakehouse.vectors.evalsets import kept_labels
from lakehouse.vectors.evaluation import Probe
from lakehouse.vectors.growth import grown
from lakehouse.vectors.loaded import LoadedIndex, extended, row_map
from lakehouse.vectors.store import EMBEDDINGS, META_COLUMNS, to_matrix

if TYPE_CHECKING:
    from lakehouse.vectors.spec import AutotuneRequest

MIN_TRAIN_ROWS = 256  # PQ's codebooks (8 bits: 256 centroids per sub-vector) need this many rows
VECTOR_INDEX = "vector_idx"
TRAINING = ("sample_rate", "max_iters")  # pylance's IVF_PQ training knobs (settings vectors.lance_*)
PENDING_REASON = ("IVF_PQ not trained yet: a vectors.ann job trains it (queued after a migration; the scheduler "
                  "queues it again if it was lost); searches are exact until it switches in")


def lance_module() -> Any:
    try:
        import lance
    except ImportError as exc:
        raise NotInstalled("The Lance vector backend", "pylance") from exc
    return lance


def default_partitions(rows: int) -> int:
    return max(1, min(int(round(rows ** 0.5)), rows // 64 or 1))


def default_sub_vectors(dim: int) -> int:
    """Sub-vectors of 16 dimensions where the dimension allows (the exact re-rank recovers the precision)."""
    fits = [s for s in divisors(dim) if dim // s >= 16] or [1]
    return max(fits)


def divisors(n: int) -> list[int]:
    return [d for d in range(1, n + 1) if n % d == 0]


def check_ivf(rows: int, dim: int, partitions: int, sub_vectors: int) -> None:
    """IVF_PQ parameters the data can train (422 saying what fits otherwise)."""
    if rows < MIN_TRAIN_ROWS:
        raise InvalidInput(f"IVF_PQ needs at least {MIN_TRAIN_ROWS} rows to train; the index has {rows}.",
                           hint="Leave the index without IVF_PQ: it is searched exactly.")
    if not 1 <= partitions <= rows:
        raise InvalidInput(f"num_partitions {partitions} does not fit {rows} rows.",
                           hint=f"Use 1..{rows} partitions (about sqrt(rows) = {default_partitions(rows)} is usual).")
    if sub_vectors < 1 or dim % sub_vectors:
        raise InvalidInput(f"num_sub_vectors {sub_vectors} does not divide the dimension {dim}.",
                           hint=f"Use a divisor of {dim}: {', '.join(map(str, divisors(dim)))}.")


def _in_list(positions: np.ndarray) -> str:
    return ", ".join(str(int(p)) for p in positions)


class LanceBackend(VectorBackend):
    name = "lance"
    method = "ivf_pq"

    def _open(self, version: int | None = None) -> Any:
        return lance_module().dataset(self.files.lance_uri, version=version, storage_options=self.files.options or None)

    def _lance_metric(self, metric: str) -> str:
        return "l2" if metric == "l2" else "dot"

    # Writing ------------------------------------------------------------------------------------
    def build(self, table: pa.Table, metric: str, params: dict[str, Any], generation: int,
              threads: int, with_ann: bool = True) -> Built:
        lance = lance_module()
        ds = lance.write_dataset(table, self.files.lance_uri, mode="overwrite",
                                 storage_options=self.files.options or None)
        ds.create_scalar_index("doc_id", "BTREE", replace=True)
        if with_ann or table.num_rows < MIN_TRAIN_ROWS:
            structure = self.index_vectors(ds, metric, params, table.num_rows)
        else:
            structure = {"type": "exact", "pending": True, "reason": PENDING_REASON}
        return Built(int(ds.version), structure, loaded=self._written(table, metric, ds, generation))

    def _written(self, table: pa.Table, metric: str, ds: Any, generation: int) -> LoadedIndex:
        """The index just written, from the table in hand (pos 0..n-1, in storage order) instead of reading the
        metadata back."""
        rows = table.num_rows
        return self._loaded(self.files.index, generation, metric, int(table.schema.field("vector").type.list_size),
                            ds.checkout_version(ds.version), table.select(META_COLUMNS).combine_chunks(),
                            np.arange(rows, dtype=np.int64), with_ann=True)

    def index_vectors(self, ds: Any, metric: str, params: dict[str, Any], rows: int) -> dict[str, Any]:
        """Train and write the IVF_PQ index (none under MIN_TRAIN_ROWS rows: exact search)."""
        dim = int(ds.schema.field("vector").type.list_size)
        if rows < MIN_TRAIN_ROWS:
            return {"type": "exact", "reason": f"fewer than {MIN_TRAIN_ROWS} rows: too few to train PQ"}
        partitions = int(params.get("num_partitions") or default_partitions(rows))
        sub_vectors = int(params.get("num_sub_vectors") or default_sub_vectors(dim))
        check_ivf(rows, dim, partitions, sub_vectors)
        training = {k: int(params[k]) for k in TRAINING if params.get(k) is not None}
        ds.create_index("vector", index_type="IVF_PQ", metric=self._lance_metric(metric), name=VECTOR_INDEX,
                        num_partitions=partitions, num_sub_vectors=sub_vectors, replace=True, **training)
        return {"type": "IVF_PQ", "num_partitions": partitions, "num_sub_vectors": sub_vectors, **training}

    def check_params(self, params: dict[str, Any], rows: int, dim: int) -> None:
        foreign = sorted(k for k in params if k not in ("num_partitions", "num_sub_vectors"))
        if foreign:
            raise InvalidInput(f"A lance index takes num_partitions and num_sub_vectors, not {', '.join(foreign)}.",
                               hint="Migrate the index to hnsw first for graph parameters.")
        check_ivf(rows, dim, int(params.get("num_partitions") or default_partitions(rows)),
                  int(params.get("num_sub_vectors") or default_sub_vectors(dim)))

    def reindex(self, row: VectorIndexRow, index: LoadedIndex, params: dict[str, Any], generation: int,
                threads: int) -> Built | None:
        ds = self._writable(index)  # the index lock is held: the new index is written on the served rows
        structure = self.index_vectors(ds, row.metric, params, int(ds.count_rows()))
        return self._same_rows(index, ds, generation, structure)

    def _same_rows(self, index: LoadedIndex, ds: Any, generation: int, structure: dict[str, Any] | None = None
                   ) -> Built:
        """After a write that changed the ANN structure only: ``index`` at ``generation`` over ``ds`` (what was
        loaded from the rows stays, instead of being read again)."""
        ds = ds.checkout_version(ds.version)  # an object of its own at the new version
        indexed = self._vector_index(ds) is not None
        fresh = dataclasses.replace(index, generation=generation, _ann=ds if indexed else None, handle=ds, _params={})
        return Built(int(ds.version), structure or {}, loaded=fresh)

    def update(self, current: LoadedIndex, dead: np.ndarray, new: pa.Table | None, generation: int) -> Built:
        ds = self._writable(current)
        for start in range(0, len(dead), 5000):
            ds.delete(f"pos IN ({_in_list(dead[start:start + 5000])})")
        if new is not None and new.num_rows:
            ds.insert(new, storage_options=self.files.options or None)  # a new fragment; nothing rewritten
        if len(dead) or new is None or not new.num_rows:
            return Built(int(ds.version))
        labels = current.labels + new.num_rows
        vectors = None
        if current._vectors is not None:
            vectors = grown(current._vectors, to_matrix(new.column("vector"), current.dim))

        def read() -> np.ndarray:
            return self._vectors(ds, labels, current.dim)

        offsets = np.arange(current.live, current.live + new.num_rows, dtype=np.int64)  # after every row
        fresh = extended(current, new, generation, vectors=vectors, ann_structure=ds if current.ann is not None
                         else None, read_vectors=read, handle=ds, offsets=offsets)
        return Built(int(ds.version), loaded=fresh)

    def _writable(self, current: LoadedIndex) -> Any:
        """The dataset to write the next version on: the one the catalog serves. A write that died before the
        catalog switched to it left a later version; that version is dropped here (``restore`` makes the served
        one the latest again), so its rows never surface."""
        served = current.handle
        ds = served.checkout_version(served.version)  # its own object: the write leaves ``current``'s alone
        if int(served.latest_version) != int(served.version):
            ds.restore()
        return ds

    def unindexed_rows(self, index: LoadedIndex) -> int:
        return self._unindexed(index.handle) if index.ann is not None else 0

    def optimize(self, row: VectorIndexRow, index: LoadedIndex, generation: int) -> Built | None:
        if index.ann is None or not self._unindexed(index.handle):
            return None
        ds = self._writable(index)
        ds.optimize.optimize_indices(num_indices_to_merge=0)  # a delta index over the new fragments only
        return self._same_rows(index, ds, generation)

    def erase(self) -> None:
        self._open().cleanup_old_versions(older_than=timedelta(0), delete_unverified=True)

    # Reading ------------------------------------------------------------------------------------
    def load(self, row: VectorIndexRow, *, with_ann: bool = True) -> LoadedIndex:
        version = (row.ann or {}).get("table_version")
        ds = self._open(version)
        scanned = ds.to_table(columns=META_COLUMNS)  # in storage order: row i is ``take`` offset i
        order = pc.sort_indices(scanned, [("pos", "ascending")])
        table = scanned.take(order).combine_chunks()
        return self._loaded(row.name, row.generation, row.metric, int(row.dim or 0), ds, table,
                            order.to_numpy().astype(np.int64), with_ann=with_ann)

    def _loaded(self, name: str, generation: int, metric: str, dim: int, ds: Any, meta: pa.Table,
                offsets: np.ndarray, *, with_ann: bool) -> LoadedIndex:
        """The index over ``ds`` from its metadata (sorted by pos; ``offsets``: each row's place in storage);
        the vectors are read on first use."""
        positions = meta.column("pos").to_numpy()
        labels = int(positions.max()) + 1 if len(positions) else 0
        indexed = with_ann and self._vector_index(ds) is not None

        def vectors() -> np.ndarray:
            return self._vectors(ds, labels, dim)

        return LoadedIndex(name, generation, metric, dim, meta, row_map(positions, labels), None, None, self,
                           ds if indexed else None, vectors, handle=ds, offsets=offsets)

    def _vectors(self, ds: Any, labels: int, dim: int) -> np.ndarray:
        table = ds.to_table(columns=["pos", "vector"])
        out = np.zeros((labels, dim), dtype=np.float32)
        out[table.column("pos").to_numpy()] = to_matrix(table.column("vector"), dim)
        return out

    def search(self, index: LoadedIndex, query: np.ndarray, k: int, positions: np.ndarray | None,
               knobs: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
        nearest: dict[str, Any] = {"column": "vector", "q": query, "k": k,
                                   "nprobes": int(knobs.get("nprobes") or 20)}
        refine = int(knobs.get("refine_factor") or 0)
        if refine >= 1:
            nearest["refine_factor"] = refine
        condition = None
        if positions is not None and len(positions) < index.live:
            if len(positions) * 2 <= index.live:
                condition = f"pos IN ({_in_list(positions)})" if len(positions) else "false"
            else:
                condition = f"pos NOT IN ({_in_list(np.setdiff1d(index.alive_positions(), positions))})"
        table = index.handle.to_table(columns=["pos", "_distance"], nearest=nearest, filter=condition,
                                      prefilter=True)
        labels = table.column("pos").to_numpy().astype(np.int64)
        distance = table.column("_distance").to_numpy().astype(np.float32)
        return (-distance if index.metric == "l2" else 1.0 - distance), labels

    def chunk_vectors(self, index: LoadedIndex, rows: np.ndarray) -> pa.Array:
        """A positional ``take`` of the rows' offsets (the id map found them; no scan, no filter)."""
        assert index.offsets is not None
        offsets = index.offsets[rows]
        order = np.argsort(offsets)
        taken = index.handle.take(pa.array(offsets[order]), columns=["vector"]).column("vector").combine_chunks()
        return taken.take(pa.array(np.argsort(order)))  # back in the order of ``rows``

    def read_vectors(self, row: VectorIndexRow, positions: np.ndarray | None = None) -> np.ndarray:
        return self.load(row, with_ann=False).vectors

    def _vector_index(self, ds: Any) -> Any | None:
        return next((d for d in ds.describe_indices() if d.name == VECTOR_INDEX), None)

    def _unindexed(self, ds: Any) -> int:
        found = self._vector_index(ds)
        rows = int(ds.count_rows())
        return rows if found is None else max(0, rows - int(found.num_rows_indexed))

    def stats(self, row: VectorIndexRow, index: LoadedIndex | None) -> dict[str, Any]:
        ds = index.handle if index is not None else self._open((row.ann or {}).get("table_version"))
        rows = int(ds.count_rows())
        structure = (row.ann or {}).get("structure") or {}
        has_index = self._vector_index(ds) is not None
        unindexed = self._unindexed(ds)
        exact = structure if structure.get("type") == "exact" else {}
        return {"rows": rows, "fragments": len(ds.get_fragments()), "indexed_rows": rows - unindexed,
                "unindexed_rows": unindexed, "dead_labels": 0,
                "index": structure if has_index else {**exact, "type": "exact", "reason": exact.get(
                    "reason", f"no IVF_PQ index (fewer than {MIN_TRAIN_ROWS} rows train none)")},
                "exact_only": not has_index, "table_version": int(ds.version),
                "bytes_on_disk": self.files.tree_bytes(self.files.lance_rel)}

    # Tuning -----------------------------------------------------------------------------------
    config_keys = ("num_partitions", "num_sub_vectors", "nprobes", "refine_factor")
    structure_keys = ("num_partitions", "num_sub_vectors")

    def served(self, row: VectorIndexRow, settings: Settings) -> dict[str, Any]:
        structure = (row.ann or {}).get("structure") or {}
        return {k: structure.get(k) for k in self.structure_keys}

    def trial_probe(self, row: VectorIndexRow, index: LoadedIndex, excluded: np.ndarray, params: dict[str, Any],
                    threads: int, memo: dict[tuple[Any, ...], Probe]) -> Probe:
        """The served IVF_PQ index, the excluded labels filtered out before the search (they stay in the
        trained centroids and codebooks, not in what a query can find)."""
        served = self.served(row, Settings())
        asked = {k: params.get(k) for k in self.structure_keys}
        if any(asked[k] is not None and asked[k] != served[k] for k in self.structure_keys):
            raise InvalidInput(f"A trial of lance index '{row.name}' searches its IVF_PQ as built ({served}); "
                               f"it cannot try {asked}.",
                               hint=f"Rebuild it first: POST /vectors/indexes/{row.name}/ann with those sizes.")
        kept = kept_labels(index, excluded) if len(excluded) or index.dead else None

        def search(query: np.ndarray, k: int, knobs: dict[str, Any]) -> np.ndarray:
            return self.search(index, query, k, kept, knobs)[1]

        return Probe(None, None, None, row.build_seconds, search, self.memory_bytes(index))

    def grid(self, request: AutotuneRequest, served: dict[str, Any]) -> list[tuple[dict[str, Any],
                                                                                   list[dict[str, Any]]]]:
        knobs = [{"nprobes": p, "refine_factor": r} for p in sorted(set(request.nprobes))
                 for r in sorted(set(request.refine_factor))]
        return [({k: served[k] for k in self.structure_keys}, knobs)]

    def restructure(self, row: VectorIndexRow, index: LoadedIndex, params: dict[str, Any], generation: int,
                    threads: int, prebuilt: Any = None) -> dict[str, Any]:
        raise InvalidInput(f"Lance index '{row.name}' changes its IVF_PQ sizes by a rebuild, not a promotion.",
                           hint=f"POST /vectors/indexes/{row.name}/ann with num_partitions/num_sub_vectors.")

    def memory_bytes(self, index: LoadedIndex) -> int:
        found = self._vector_index(index.handle) if index.handle is not None else None
        vectors = 0 if index._vectors is None else int(index._vectors.nbytes)
        return super().memory_bytes(index) + vectors + (int(found.total_size_bytes or 0) if found else 0)

    def retire(self, generation: int) -> None:
        """Versions older than an hour (no process still searches them: each reloads on a generation change),
        every 20th generation so that appends do not pay for the listing."""
        if generation % 20 == 0:
            self._open().cleanup_old_versions(older_than=timedelta(hours=1))

    def delete_data(self) -> None:
        self.files.bucket.delete_tree(self.files.lance_rel)

    def sweep(self, generation: int) -> None:
        self.files.drop_old_graphs(-1)
        self.files.sweep_pending()
        self.files.bucket.delete_tree(f"{self.files.prefix}/{EMBEDDINGS}")  # a migration to hnsw that died

