"""Moving an index between buckets (local or S3): copy ``vectors/<index>/``, verify every file's checksum and
the row count read back through the backend, switch the manifest's bucket in one catalog update, then delete
the old copy. The manifest records the move (``ann.move``) before the first byte is copied, so a crash at any
point leaves one copy the catalog points at; ``finish_moves`` (start-up recovery) removes the other.
Eval sets and the trial journal are catalog rows keyed by the index: they move with it."""

from __future__ import annotations

import hashlib
from typing import Any

import pyarrow.fs as pafs

from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import Conflict, Locked, StorageError
from lakehouse.storage.buckets import Bucket
from lakehouse.storage.registry import BucketRegistry
from lakehouse.vectors.backend import backend_for
from lakehouse.vectors.cache import IndexCache
from lakehouse.vectors.indexer import Indexer
from lakehouse.vectors.records import IndexRecords
from lakehouse.vectors.store import IndexFiles

READ_ONLY_BUCKETS = ("rescue",)  # catalog backups: never a home for data
_CHUNK = 8 << 20


def files_of(bucket: Bucket, prefix: str) -> list[str]:
    """Bucket-relative paths of every file under ``prefix``."""
    fs, _ = bucket.filesystem()
    base = bucket.resolve(prefix).replace("\\", "/")
    infos = fs.get_file_info(pafs.FileSelector(base, allow_not_found=True, recursive=True))
    return sorted(prefix + i.path.replace("\\", "/")[len(base):] for i in infos if i.type == pafs.FileType.File)


def copy_file(source: Bucket, target: Bucket, rel: str) -> str:
    """Stream one file across buckets; its sha256 as read from the source."""
    digest = hashlib.sha256()
    sfs, _ = source.filesystem()
    tfs, _ = target.filesystem()
    path = target.resolve(rel)
    if target.backend == "local":
        tfs.create_dir(path.rsplit("/", 1)[0], recursive=True)
    with sfs.open_input_stream(source.resolve(rel)) as src, tfs.open_output_stream(path) as dst:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            dst.write(chunk)
    return digest.hexdigest()


def checksum(bucket: Bucket, rel: str) -> str:
    digest = hashlib.sha256()
    fs, _ = bucket.filesystem()
    with fs.open_input_stream(bucket.resolve(rel)) as src:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class IndexMover:
    def __init__(self, catalog: CatalogStore, buckets: BucketRegistry, records: IndexRecords, cache: IndexCache,
                 indexer: Indexer):
        self.catalog, self.buckets, self.records, self.cache, self.indexer = catalog, buckets, records, cache, indexer

    def check(self, name: str, bucket: str) -> None:
        """Before queueing: 404 for an unknown bucket, 409 for a read-only one or the index's own."""
        row = self.records.get(name)
        self.buckets.get(bucket)
        if bucket in READ_ONLY_BUCKETS:
            raise Conflict(f"Bucket '{bucket}' is read-only for data (it holds catalog backups).",
                           hint="Move the index to another bucket (GET /storage/buckets).")
        if bucket == row.bucket:
            raise Conflict(f"Vector index '{name}' is already in bucket '{bucket}'.")
        if row.generation == 0 or row.status == "building":
            raise Conflict(f"Vector index '{name}' is being built (status {row.status}); move it afterwards.")

    def move(self, name: str, bucket: str, owner: str) -> dict[str, Any]:
        def body() -> dict[str, Any]:
            self.check(name, bucket)
            row = self.records.get(name)
            source, target = self.buckets.get(row.bucket), self.buckets.get(bucket)
            prefix = IndexFiles(source, name).prefix
            self.records.update(name, ann={**(row.ann or {}), "move": {"from": row.bucket, "to": bucket}})
            target.delete_tree(prefix)  # what an earlier move that died left there
            sums = {rel: copy_file(source, target, rel) for rel in files_of(source, prefix)}
            self.verify(row.name, row.vector_backend, target, prefix, sums, int(row.vectors))
            self.switch(name, bucket)
            source.delete_tree(prefix)
            fresh = self.records.get(name)
            self.records.update(name, ann={k: v for k, v in (fresh.ann or {}).items() if k != "move"})
            return {"index_name": name, "from": row.bucket, "to": bucket, "files": len(sums),
                    "bytes": sum(target.size(rel) for rel in sums), "rows": int(row.vectors)}
        return self.indexer.locked(name, owner, body)

    def verify(self, name: str, backend: str, target: Bucket, prefix: str, sums: dict[str, str], rows: int) -> None:
        copied = set(files_of(target, prefix))
        bad = [rel for rel, digest in sums.items() if rel not in copied or checksum(target, rel) != digest]
        if bad:
            raise StorageError(f"The copy of index '{name}' in bucket '{target.name}' differs in {len(bad)} "
                               f"file(s), e.g. {bad[0]}; the index stays where it was.")
        row = self.records.get(name)
        loaded = backend_for(backend, IndexFiles(target, name)).load(row, with_ann=False)
        if loaded.live != rows:
            raise StorageError(f"The copy of index '{name}' holds {loaded.live} rows, the index {rows}; it stays "
                               "where it was.")

    def switch(self, name: str, bucket: str) -> None:
        """The manifest's bucket, in one catalog update; from here the new copy serves."""
        row = self.records.get(name)
        move = {**((row.ann or {}).get("move") or {}), "switched": True}
        self.records.update(name, bucket=bucket, ann={**(row.ann or {}), "move": move})
        self.cache.drop(name)

    def finish_moves(self, owner: str) -> list[str]:
        """Start-up recovery: for every move a dead process left, delete the copy the manifest does not point
        at (a live mover holds the index lock: skipped)."""
        finished = []
        for row in self.records.list():
            move = (row.ann or {}).get("move")
            if not move:
                continue
            try:
                self.catalog.try_lock(f"vector-index:{row.name}", owner)
            except Locked:
                continue
            try:
                fresh = self.records.get(row.name)
                move = (fresh.ann or {}).get("move") or {}
                other = move.get("from") if fresh.bucket == move.get("to") else move.get("to")
                if other and other != fresh.bucket:
                    self.buckets.get(other).delete_tree(IndexFiles(self.buckets.get(other), row.name).prefix)
                self.records.update(row.name, ann={k: v for k, v in (fresh.ann or {}).items() if k != "move"})
                finished.append(row.name)
            finally:
                self.catalog.release_lock(f"vector-index:{row.name}", owner)
        return finished
