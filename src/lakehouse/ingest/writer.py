"""The one commit path every write goes through (uploads, bucket paths, the watcher, DB connectors).

Order (DESIGN.md 6b): take the dataset's writer lock -> check the schema -> journal an intent ->
stream into a Delta commit -> record the version, columns, PII and lineage in the catalog and clear
the intent in one transaction -> publish the event. A crash between the two commits leaves an
intent that ``reconcile`` resolves on the next start; a failure before the Delta commit leaves the
previous version untouched.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import pyarrow as pa

from lakehouse.catalog.datasets import DatasetCommit
from lakehouse.catalog.sampling import StreamTap
from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.errors import InvalidInput, LimitExceeded
from lakehouse.events import EventBus
from lakehouse.ingest.columns import column_infos
from lakehouse.ingest.prefetch import prefetch
from lakehouse.storage import delta
from lakehouse.storage.names import validate_name
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import SYSTEM, Actor, Event, WriteMode, utcnow

if TYPE_CHECKING:
    from lakehouse.ingest.maintenance import TableMaintenance
    from lakehouse.ingest.pii import PiiFindings

log = logging.getLogger(__name__)


@dataclass
class WriteRequest:
    dataset: str
    reader: pa.RecordBatchReader
    mode: WriteMode = WriteMode.append
    bucket: str | None = None
    lineage: dict[str, Any] = field(default_factory=dict)  # source_system, source, details
    original_names: Mapping[str, str] | None = None
    source_types: Mapping[str, str] | None = None
    create_defaults: dict[str, Any] = field(default_factory=dict)
    job_id: str | None = None
    on_progress: Callable[[int, int], None] | None = None
    cancelled: Callable[[], bool] | None = None
    primary_key: Sequence[str] | None = None  # required by WriteMode.upsert (Delta merge on these columns)
    # Runs inside the catalog transaction that records the commit (session, new version): state that
    # must move with the data (e.g. a sync high-water mark) commits or fails with it.
    on_commit: Callable[[Any, int], None] | None = None
    # The rows come as Parquet files that compute workers write into the table's folder (ingest/fanout.py);
    # ``reader`` then only gives their schema. The files are committed in one Delta commit, or swept.
    parts: Callable[[PartsTarget], PartsWritten] | None = None


@dataclass(frozen=True)
class PartsTarget:
    """Where and how the part files of a write go: the table, the schema they are conformed to, the row
    gate to apply, and a name prefix tying them to the write's intent."""

    uri: str
    storage_options: dict[str, str]
    schema: pa.Schema
    gate: Callable[[pa.RecordBatch], pa.RecordBatch] | None
    prefix: str


@dataclass
class PartsWritten:
    files: list[delta.AddedFile]
    rows: int
    bytes: int
    filtered: int
    sample: pa.Table  # the first ingest.pii_sample_rows rows, in file order: what PII detection sees
    version: int = -1


@dataclass
class WriteResult:
    dataset: str
    version: int
    operation: str
    rows_written: int
    bytes_read: int
    row_count: int
    pii_columns: dict[str, str]
    elapsed_ms: float = 0.0
    rows_filtered: int = 0  # rows dropped by the row gate (keys erased by a tombstone)


class TableWriter:
    def __init__(self, settings: Settings, catalog: CatalogStore, buckets: BucketRegistry, bus: EventBus):
        self._settings = settings
        self._catalog = catalog
        self._buckets = buckets
        self._bus = bus
        # Set by the composition root: dataset -> batch filter dropping rows whose key is tombstoned.
        self.row_gate: Callable[[str], Callable[[pa.RecordBatch], pa.RecordBatch] | None] | None = None

    @property
    def catalog(self) -> CatalogStore:
        return self._catalog

    def target(self, dataset: str, bucket: str | None) -> tuple[str, bool]:
        """Where a dataset lives (its existing bucket wins) and whether it exists yet."""
        validate_name(dataset, "dataset")
        if self._catalog.datasets.exists(dataset):
            existing = self._catalog.datasets.get(dataset, with_lineage=False).bucket
            if bucket and bucket != existing:
                raise InvalidInput(
                    f"Dataset '{dataset}' lives in bucket '{existing}', not '{bucket}'.",
                    hint="Omit the bucket or pass the dataset's own bucket.",
                )
            return existing, True
        name = bucket or "primary"
        self._buckets.get(name)
        return name, False

    def check_schema(self, dataset: str, incoming: pa.Schema, mode: WriteMode) -> pa.Schema:
        """Fail fast (409 naming the columns) before any byte is written."""
        if len(incoming) > self._settings.ingest.max_columns:
            raise LimitExceeded(
                f"{len(incoming)} columns exceed ingest.max_columns ({self._settings.ingest.max_columns})."
            )
        if mode is WriteMode.overwrite or not self._catalog.datasets.exists(dataset):
            return incoming
        bucket_name, _ = self.target(dataset, None)
        bucket = self._buckets.get(bucket_name)
        existing = delta.schema(bucket.table_uri(dataset), bucket.storage_options())
        return delta.check_append_schema(existing, incoming)

    def write(self, request: WriteRequest, actor: Actor) -> WriteResult:
        started = utcnow()
        if request.mode is WriteMode.upsert and not request.primary_key:
            raise InvalidInput("An upsert needs a primary key.", hint="Name the key column(s) (--primary-key).")
        bucket_name, exists = self.target(request.dataset, request.bucket)
        bucket = self._buckets.get(bucket_name)
        uri, options = bucket.table_uri(request.dataset), bucket.storage_options()
        self._catalog.acquire_lock(f"dataset:{request.dataset}", request.job_id or actor.name)
        progress: _Reporter | None = None
        intent: int | None = None
        try:
            if self.settle(request.dataset):
                exists = self._catalog.datasets.exists(request.dataset)
            target_schema = self.check_schema(request.dataset, request.reader.schema, request.mode)
            gate = self.row_gate(request.dataset) if self.row_gate else None
            if request.parts is None:
                reader = _conform(prefetch(request.reader), target_schema)
                reader, filtered = _gated(reader, gate)
                pii = _Background()
                _PII_LOADED.start()  # the detector's validators take ~0.2 s to import: overlap it with the stream
                progress = _Reporter(request.on_progress) if request.on_progress else None
                tap = StreamTap(
                    reader, self._settings.ingest.pii_sample_rows, progress, request.cancelled,
                    on_end=lambda sample: pii.start(_detect_pii, sample, original_names=request.original_names),
                )
            base = self._catalog.datasets.get(request.dataset, with_lineage=False) if exists else None
            operation = "create" if base is None else request.mode.value
            intent = self._catalog.add_intent(
                request.dataset,
                base.version if base else None,
                {"operation": operation, "bucket": bucket_name, "actor": actor.name, "job_id": request.job_id,
                 "lineage": request.lineage, "create_defaults": request.create_defaults,
                 "owner": self._catalog.owners.owner_id},
            )
            properties = {"lakehouse.actor": actor.name, "lakehouse.intent": str(intent),
                          "lakehouse.job": request.job_id or ""}
            if request.parts is not None:
                written = self._write_parts(request, uri, options, target_schema, gate, intent, properties)
                version, rows, nbytes, filtered = written.version, written.rows, written.bytes, [written.filtered]
                findings = _detect_pii(written.sample, original_names=request.original_names)
            else:
                if request.mode is WriteMode.upsert and base is not None:
                    version = delta.merge_table(uri, options, tap.reader(), request.primary_key or (), properties)
                else:
                    plain = "append" if request.mode is WriteMode.upsert else request.mode.value
                    version = delta.write_table(uri, options, tap.reader(), plain, properties)  # type: ignore[arg-type]
                findings = (pii.result() if pii.started
                            else _detect_pii(tap.sample(), original_names=request.original_names))
                rows, nbytes = tap.rows, tap.bytes
            row_count = rows if base is None or request.mode is WriteMode.overwrite else (
                (base.row_count or 0) + rows
            )
            if base is not None and request.mode is WriteMode.upsert:
                row_count = delta.row_count(uri, options)
            final_schema = delta.schema(uri, options)
            commit = DatasetCommit(
                name=request.dataset, bucket=bucket_name, version=version, operation=operation,
                actor=actor.name, at=utcnow(), rows_written=rows, row_count=row_count,
                columns=column_infos(final_schema, findings, request.original_names, request.source_types),
                job_id=request.job_id, lineage={**request.lineage, "details": {
                    **dict(request.lineage.get("details") or {}), "rows": rows, "bytes": nbytes}},
                create_defaults=request.create_defaults,
            )
            with self._catalog.sessions.begin() as session:
                self._catalog.datasets.record_commit(commit, session)
                self._catalog.clear_intent(intent, session)
                if request.on_commit is not None:
                    request.on_commit(session, version)
            intent = None
        except BaseException:
            if intent is not None:
                self._undo(request.dataset, intent)
            raise
        finally:
            if progress is not None:
                progress.close()
            self._catalog.release_lock(f"dataset:{request.dataset}", request.job_id or actor.name)
        event_type = {"create": "dataset.created", "append": "dataset.appended", "upsert": "dataset.appended"}.get(
            operation, "dataset.overwritten"
        )
        self._bus.publish(Event(event_type, request.dataset, actor.name, {
            "version": version, "rows": rows, "job_id": request.job_id, "bucket": bucket_name,
            "operation": operation, "rows_filtered": filtered[0]}))
        elapsed = (utcnow() - started).total_seconds() * 1000
        return WriteResult(
            dataset=request.dataset, version=version, operation=operation, rows_written=rows,
            bytes_read=nbytes, row_count=row_count,
            pii_columns={name: f"{f.kind}:{f.category}" for name, f in findings.items()},
            elapsed_ms=elapsed, rows_filtered=filtered[0],
        )


    def _write_parts(self, request: WriteRequest, uri: str, options: dict[str, str], incoming: pa.Schema,
                     gate: Callable[[pa.RecordBatch], pa.RecordBatch] | None, intent: int,
                     properties: dict[str, str]) -> PartsWritten:
        """The workers write the part files, then one commit adds them all (none when an append brought no
        rows to an existing table). A failure anywhere leaves the intent, whose settling sweeps the files."""
        assert request.parts is not None
        mode: Literal["append", "overwrite"] = "overwrite" if request.mode is WriteMode.overwrite else "append"
        schema = delta.file_schema(uri, options, incoming, mode)
        written = request.parts(PartsTarget(uri, options, schema, gate, f"part-i{intent}"))
        current = delta.table_version(uri, options)
        if current is not None and mode == "append" and not written.files:
            written.version = current
        else:
            written.version = delta.commit_files(uri, options, written.files, mode, schema, properties)
        return written

    # Writes that failed or died between their intent and their catalog record -------------------------
    def settle(self, dataset: str) -> bool:
        """Resolve the intents ``dataset`` still has; the caller holds its writer lock, so none of them is
        a write in flight. One of a dead process is adopted when its Delta commit is complete (as start-up
        recovery does); one of this process failed with an error its caller saw, so it is rolled back.
        Returns whether there was anything to settle."""
        pending = [i for i in self._catalog.pending_intents() if i.dataset_name == dataset]
        for intent in pending:
            ours = (intent.payload or {}).get("owner") == self._catalog.owners.owner_id
            self._maintenance.reconcile_intent(intent, SYSTEM, adopt=not ours)
            self._catalog.clear_intent(intent.id)
        return bool(pending)

    def _undo(self, dataset: str, intent: int) -> None:
        """After a failed write: undo a Delta commit the catalog never recorded and sweep partial files now,
        so the next write starts from the recorded version. When even that fails (the disk is still full),
        the intent stays and the next write to the dataset (or the next start) settles it."""
        try:
            self.settle(dataset)
        except Exception:  # noqa: BLE001 - the original error is the one to report
            log.warning("could not undo the failed write to '%s' (intent %s) yet", dataset, intent, exc_info=True)

    @cached_property
    def _maintenance(self) -> TableMaintenance:
        from lakehouse.ingest.maintenance import TableMaintenance

        return TableMaintenance(self._catalog, self._buckets, self._bus, self._settings.storage.vacuum_retention_hours)


class _Preload:
    """Imports a module once, on a background thread, the first time ``start`` is called."""

    def __init__(self, module: str):
        self._module, self._started, self._lock = module, False, threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=importlib.import_module, args=(self._module,), name="lakehouse-preload",
                         daemon=True).start()


_PII_LOADED = _Preload("lakehouse.ingest.pii")


def _detect_pii(sample: pa.Table, **options: Any) -> PiiFindings:
    from lakehouse.ingest.pii import detect_pii

    return detect_pii(sample, **options)


def _conform(reader: pa.RecordBatchReader, target: pa.Schema) -> pa.RecordBatchReader:
    """Cast incoming batches to the accepted schema (safe widenings only; checked beforehand)."""
    incoming = reader.schema
    wanted = pa.schema([target.field(name) if name in target.names else incoming.field(name)
                        for name in incoming.names])
    if wanted.equals(incoming):
        return reader

    def cast() -> Any:
        for batch in reader:
            yield batch.cast(wanted)

    return pa.RecordBatchReader.from_batches(wanted, cast())


def _gated(reader: pa.RecordBatchReader, gate: Callable[[pa.RecordBatch], pa.RecordBatch] | None,
           ) -> tuple[pa.RecordBatchReader, list[int]]:
    """Apply the row gate batch by batch; the list holds how many rows it dropped (filled while streaming)."""
    dropped = [0]
    if gate is None:
        return reader, dropped

    def filtered() -> Any:
        for batch in reader:
            kept = gate(batch)
            dropped[0] += batch.num_rows - kept.num_rows
            yield kept

    return pa.RecordBatchReader.from_batches(reader.schema, filtered()), dropped


class _Reporter:
    """Hands progress to ``on_progress`` on its own thread, latest counts only.

    A progress report is a catalog write; with the Delta writer flushing files, one such commit took
    up to seconds here, and on the stream's thread it stalled the whole ingest.
    """

    def __init__(self, on_progress: Callable[[int, int], None]):
        self._on_progress = on_progress
        self._latest: tuple[int, int] | None = None
        self._wake = threading.Event()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="lakehouse-progress", daemon=True)
        self._thread.start()

    def __call__(self, rows: int, nbytes: int) -> None:
        self._latest = (rows, nbytes)
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            latest, self._latest = self._latest, None
            if latest is not None:
                try:
                    self._on_progress(*latest)
                except Exception:  # noqa: BLE001 - progress is advisory; the write goes on
                    log.warning("progress report failed", exc_info=True)
            if self._closed:
                return

    def close(self) -> None:
        self._closed = True
        self._wake.set()
        self._thread.join(timeout=5)


class _Background:
    """Runs one call on a thread: PII detection overlaps the Delta writer's final flush and commit."""

    def __init__(self) -> None:
        self._future: Future[Any] | None = None

    @property
    def started(self) -> bool:
        return self._future is not None

    def start(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        future: Future[Any] = Future()

        def run() -> None:
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # handed back to the writer's thread by result()
                future.set_exception(exc)

        self._future = future
        threading.Thread(target=run, name="lakehouse-pii", daemon=True).start()

    def result(self) -> Any:
        assert self._future is not None
        return self._future.result()

