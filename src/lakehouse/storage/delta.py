"""A thin layer over deltalake: schema checks, streaming writes, history, restore, maintenance.

No catalog, actor or locking logic here: the ingest service holds the dataset lock and records the
returned version. Commit properties (actor, job id, rows, ...) go into the commit's ``userMetadata`` as
JSON, the field Spark's ``DESCRIBE HISTORY`` shows, so other engines see who wrote what.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import unquote

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.fs as pafs
import pyarrow.parquet as pq
from deltalake import CommitProperties, DeltaTable, write_deltalake
from deltalake.exceptions import CommitFailedError, DeltaError, SchemaMismatchError, TableNotFoundError

from lakehouse.errors import (
    Conflict,
    InvalidInput,
    LakehouseError,
    NotFound,
    SchemaConflict,
    StorageError,
    storage_failure,
)
from lakehouse.storage.buckets import filesystem_for
from lakehouse.storage.schema import check_append_schema, to_delta_schema, write_schema

if TYPE_CHECKING:  # pyarrow.dataset imports pandas (~0.3-0.6 s): only the functions that scan load it
    import pyarrow.dataset as pads

__all__ = [
    "AddedFile",
    "check_append_schema",
    "commit_files",
    "commit_metadata",
    "conform",
    "file_schema",
    "dataset",
    "delete_table",
    "history",
    "merge_table",
    "open_table",
    "optimize",
    "remove_uncommitted",
    "remove_untracked",
    "restore",
    "row_count",
    "sample",
    "schema",
    "sync_version",
    "table_version",
    "to_delta_schema",
    "vacuum",
    "untracked_files",
    "write_table",
]

Options = Mapping[str, str]
_DELTA_LOG = "_delta_log"


@contextmanager
def _mapped(uri: str) -> Iterator[None]:
    """deltalake/object-store failures -> our errors, naming the table."""
    try:
        yield
    except LakehouseError:
        raise
    except TableNotFoundError as exc:
        raise NotFound(f"No Delta table at {uri}.") from exc
    except CommitFailedError as exc:
        raise Conflict(
            f"Another writer committed to {uri} at the same time: {exc}", hint="Retry the operation."
        ) from exc
    except SchemaMismatchError as exc:
        raise SchemaConflict(f"Schema mismatch writing {uri}: {exc}") from exc
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise InvalidInput(f"Data cannot be stored in {uri}: {exc}") from exc
    except DeltaError as exc:
        text = (str(exc).splitlines() or [""])[0]  # later lines may preview row values: never echo them
        failure = storage_failure(exc, uri)
        if failure is not None:
            raise failure from exc
        if "Invalid data found" in text or "Cast error" in text or "Invalid data type" in text:
            raise InvalidInput(f"Data cannot be stored in {uri}: {text}") from exc
        raise StorageError(f"Delta operation on {uri} failed: {text}") from exc
    except OSError as exc:
        first_line = (str(exc).splitlines() or [""])[0]
        raise storage_failure(exc, uri) or StorageError(f"Storage error on {uri}: {first_line}") from exc


def _opts(storage_options: Options | None) -> dict[str, str] | None:
    return dict(storage_options) if storage_options else None


def _try_open(uri: str, so: Options | None) -> DeltaTable | None:
    # Not ``DeltaTable.is_deltatable``: it holds the GIL through its storage round trip, and while a streaming
    # ``write_deltalake`` in another thread has delta-rs's runtime threads waiting for the GIL (pulling batches
    # from Python) that round trip never completes: the whole process deadlocked under concurrent S3 appends.
    with _mapped(uri):
        try:
            return DeltaTable(uri, storage_options=_opts(so))
        except TableNotFoundError:
            return None


def open_table(uri: str, storage_options: Options | None = None, version: int | None = None) -> DeltaTable:
    """The table at ``version`` (latest by default); ``NotFound`` for a missing table or version."""
    dt = _try_open(uri, storage_options)
    if dt is None:
        raise NotFound(f"No Delta table at {uri}.")
    if version is not None:
        latest = dt.version()
        if not 0 <= version <= latest:
            raise NotFound(f"Table {uri} has no version {version} (versions 0..{latest}).")
        with _mapped(uri):
            dt.load_as_version(version)
    return dt


def table_version(uri: str, storage_options: Options | None = None) -> int | None:
    dt = _try_open(uri, storage_options)
    return None if dt is None else dt.version()


def schema(uri: str, storage_options: Options | None = None, version: int | None = None) -> pa.Schema:
    dt = open_table(uri, storage_options, version)
    with _mapped(uri):
        return pa.schema(dt.schema().to_arrow())


def dataset(uri: str, storage_options: Options | None = None, version: int | None = None) -> pads.Dataset:
    dt = open_table(uri, storage_options, version)
    with _mapped(uri):
        return dt.to_pyarrow_dataset()


def row_count(uri: str, storage_options: Options | None = None, version: int | None = None) -> int:
    """From the add actions' ``numRecords`` stats; counts the data only for files without stats."""
    dt = open_table(uri, storage_options, version)
    with _mapped(uri):
        actions = pa.table(dt.get_add_actions(flatten=True))
        if actions.num_rows == 0:
            return 0
        if "num_records" in actions.column_names and actions.column("num_records").null_count == 0:
            return int(pc.sum(actions.column("num_records")).as_py() or 0)
        return int(dt.to_pyarrow_dataset().count_rows())


def sample(uri: str, storage_options: Options | None, rows: int, version: int | None = None) -> pa.Table:
    """The first ``rows`` rows (file order), read without scanning the whole table."""
    ds = dataset(uri, storage_options, version)
    with _mapped(uri):
        return ds.head(rows)


# Writing -----------------------------------------------------------------------------------------
class _Source:
    """Wraps the caller's reader: conforms batches, counts rows, keeps the original exception."""

    def __init__(
        self, reader: pa.RecordBatchReader, target: pa.Schema, progress: Callable[[int], None] | None
    ):
        self.batches: Iterator[pa.RecordBatch] = iter(reader)
        self.target, self.progress = target, progress
        self.error: Exception | None = None
        self.rows = 0

    def peek_empty(self) -> bool:
        """Read ahead to the first non-empty batch (one batch buffered); True when there is none."""
        for batch in self.batches:
            if batch.num_rows:
                self.batches = itertools.chain([batch], self.batches)
                return False
        return True

    def _conformed(self) -> Iterator[pa.RecordBatch]:
        try:
            for batch in self.batches:
                out = _conform(batch, self.target)
                self.rows += out.num_rows
                if self.progress is not None:
                    self.progress(out.num_rows)
                yield out
        except Exception as exc:  # delta-rs would flatten it into a string; keep the original
            self.error = exc
            raise

    def as_reader(self) -> pa.RecordBatchReader:
        return pa.RecordBatchReader.from_batches(self.target, self._conformed())


def _conform(batch: pa.RecordBatch, target: pa.Schema) -> pa.RecordBatch:
    arrays = []
    for field in target:
        idx = batch.schema.get_field_index(field.name)
        if idx < 0:
            arrays.append(pa.nulls(batch.num_rows, field.type))
            continue
        column = batch.column(idx)
        if not field.nullable and column.null_count:
            raise InvalidInput(
                f"Column '{field.name}' is NOT NULL in the table but {column.null_count} rows are null."
            )
        if column.type != field.type:
            # Only a coarser timestamp unit may truncate (Delta stores microseconds); other casts are checked.
            truncate = pa.types.is_timestamp(column.type) and pa.types.is_timestamp(field.type)
            column = pc.cast(column, field.type, safe=not truncate)
        arrays.append(column)
    return pa.RecordBatch.from_arrays(arrays, schema=target)


conform = _conform  # for writers outside delta-rs (compute workers' part files)


@dataclass(frozen=True)
class AddedFile:
    """A Parquet file written into a table's folder, not yet in its log: ``path`` relative to the table."""

    path: str
    size: int
    modification_time_ms: int
    stats: str


def file_schema(uri: str, storage_options: Options | None, incoming: pa.Schema,
                mode: Literal["append", "overwrite"]) -> pa.Schema:
    """The schema a write's data is conformed to (what ``write_table`` writes): after the append checks
    against the existing table, or the incoming schema for a new table or an overwrite."""
    incoming = to_delta_schema(incoming)
    dt = _try_open(uri, storage_options)
    if dt is None or mode == "overwrite":
        return write_schema(incoming, incoming)
    with _mapped(uri):
        existing = pa.schema(dt.schema().to_arrow())
    return write_schema(check_append_schema(existing, incoming), incoming)


def commit_files(uri: str, storage_options: Options | None, files: Sequence[AddedFile],
                 mode: Literal["append", "overwrite"], target: pa.Schema,
                 commit_properties: Mapping[str, str] | None = None) -> int:
    """Commit Parquet files already written into the table's folder (conformed to ``target``) as one new
    version, creating the table when absent; returns the version. An append whose ``target`` adds columns
    (or types a null column) first commits the schema alone, with the same properties: delta-rs's file
    transaction keeps the table's schema."""
    from deltalake.schema import Schema
    from deltalake.transaction import AddAction, RemoveAction, create_table_with_add_actions

    actions: list[AddAction | RemoveAction] = [AddAction(f.path, f.size, {}, f.modification_time_ms, True, f.stats)
                                              for f in files]
    schema = to_delta_schema(target)
    dt = _try_open(uri, storage_options)
    with _mapped(uri):
        if dt is None:
            create_table_with_add_actions(uri, Schema.from_arrow(schema), actions, mode="error",  # type: ignore[arg-type]
                                          storage_options=_opts(storage_options),
                                          commit_properties=_commit(commit_properties))
            version = DeltaTable(uri, storage_options=_opts(storage_options)).version()
        else:
            if mode == "append" and _evolves(pa.schema(dt.schema().to_arrow()), schema):
                write_deltalake(dt, schema.empty_table(), mode="append", schema_mode="merge",
                                commit_properties=_commit(commit_properties))
            dt.create_write_transaction(actions, mode, schema, commit_properties=_commit(commit_properties))
            dt.update_incremental()  # the transaction leaves the object at the version it read
            version = dt.version()
    sync_version(uri, storage_options, version)
    return version


def _evolves(existing: pa.Schema, target: pa.Schema) -> bool:
    """New columns, or a null-typed column that gets a type: what an append must commit as a schema change."""
    return any(f.name not in existing.names or (pa.types.is_null(existing.field(f.name).type)
                                               and not pa.types.is_null(f.type)) for f in target)


def _commit(properties: Mapping[str, str] | None) -> CommitProperties | None:
    if not properties:
        return None
    return CommitProperties(custom_metadata={"userMetadata": json.dumps(dict(properties), sort_keys=True)})


def write_table(
    uri: str,
    storage_options: Options | None,
    data: pa.RecordBatchReader,
    mode: Literal["append", "overwrite"] = "append",
    commit_properties: Mapping[str, str] | None = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Stream ``data`` into the table (created when absent) and return the new version.

    ``append`` checks the schema first (``SchemaConflict`` before anything is written) and adds new
    nullable columns; ``overwrite`` replaces data and schema. An append with no rows commits nothing
    and returns the current version. ``progress`` is called with each batch's row count.
    """
    if mode not in ("append", "overwrite"):
        raise InvalidInput(f"Unknown write mode {mode!r}; use 'append' or 'overwrite'.")
    incoming = to_delta_schema(data.schema)
    dt = _try_open(uri, storage_options)
    schema_mode: Literal["merge", "overwrite"] | None = None
    if dt is None:
        target = write_schema(incoming, incoming)
    elif mode == "overwrite":
        target, schema_mode = write_schema(incoming, incoming), "overwrite"
    else:
        with _mapped(uri):
            existing = pa.schema(dt.schema().to_arrow())
        merged = check_append_schema(existing, incoming)
        target = write_schema(merged, incoming)
        if not merged.equals(existing):
            schema_mode = "merge"
    source = _Source(data, target, progress)
    if dt is not None and mode == "append" and source.peek_empty():
        return dt.version()
    try:
        with _mapped(uri):
            write_deltalake(
                dt if dt is not None else uri,
                source.as_reader(),
                mode=mode,
                schema_mode=schema_mode,
                storage_options=_opts(storage_options) if dt is None else None,
                commit_properties=_commit(commit_properties),
            )
    except LakehouseError:
        if dt is None:
            remove_uncommitted(uri, storage_options)
        if source.error is not None:
            raise source.error from None
        raise
    version = (table_version(uri, storage_options) or 0) if dt is None else dt.version()
    sync_version(uri, storage_options, version)
    return version


def merge_table(
    uri: str,
    storage_options: Options | None,
    data: pa.RecordBatchReader,
    keys: Sequence[str],
    commit_properties: Mapping[str, str] | None = None,
) -> int:
    """Upsert ``data`` into an existing table on ``keys`` (Delta merge) and return the new version.

    Rows whose keys match are replaced, the others inserted; the schema check is the append one (new
    columns are added). No rows commit nothing. Keys must be unique within ``data``.
    """
    if not keys:
        raise InvalidInput("An upsert needs at least one primary-key column.")
    dt = open_table(uri, storage_options)
    incoming = to_delta_schema(data.schema)
    missing = [k for k in keys if k not in incoming.names]
    if missing:
        raise InvalidInput(f"Primary-key column(s) {', '.join(missing)} are not in the data.")
    with _mapped(uri):
        existing = pa.schema(dt.schema().to_arrow())
    merged = check_append_schema(existing, incoming)
    source = _Source(data, write_schema(merged, incoming), None)
    if source.peek_empty():
        return dt.version()
    predicate = " AND ".join(f'target."{k}" = source."{k}"' for k in keys)
    try:
        with _mapped(uri):
            (
                dt.merge(source.as_reader(), predicate, source_alias="source", target_alias="target",
                         merge_schema=not merged.equals(existing), commit_properties=_commit(commit_properties))
                .when_matched_update_all()
                .when_not_matched_insert_all()
                .execute()
            )
    except LakehouseError:
        if source.error is not None:
            raise source.error from None
        raise
    sync_version(uri, storage_options, dt.version())
    return dt.version()


def remove_uncommitted(uri: str, so: Options | None) -> None:
    """A first write that failed leaves data files but no log: nothing refers to them."""
    try:
        fs, path = filesystem_for(uri, dict(so or {}))
        if fs.get_file_info(f"{path}/{_DELTA_LOG}").type == pafs.FileType.NotFound:
            fs.delete_dir(path)
    except (OSError, InvalidInput):
        pass  # best effort: vacuum never sees these files, but the next write reuses the directory


def _log_lines(fs: pafs.FileSystem, path: str) -> list[str]:
    """A commit file's lines, split on newlines only (``str.splitlines`` also breaks at U+2028 inside a
    string's min/max stats)."""
    with fs.open_input_stream(path) as stream:
        return stream.read().decode("utf-8").split("\n")


def untracked_files(uri: str, so: Options | None) -> list[str]:
    """Data files in the table's folder that no entry of its log names (added or removed): what a writer
    that died before its commit left. Only call this while no writer can be in flight (the writer lock)."""
    fs, root = filesystem_for(uri, dict(so or {}))
    mentioned: set[str] = set()
    with _mapped(uri):
        for info in fs.get_file_info(pafs.FileSelector(f"{root}/{_DELTA_LOG}", allow_not_found=True)):
            name = info.base_name
            if name.endswith(".json") and name[:-5].isdigit():
                for action in (json.loads(line) for line in _log_lines(fs, info.path) if line.strip()):
                    mentioned.update(unquote(action[k]["path"]) for k in ("add", "remove") if k in action)
            elif ".checkpoint" in name and name.endswith(".parquet"):
                with fs.open_input_file(info.path) as handle:
                    table = pq.read_table(handle, columns=["add", "remove"])
                for kind in ("add", "remove"):
                    mentioned.update(unquote(v["path"]) for v in table.column(kind).to_pylist() if v)
        found = fs.get_file_info(pafs.FileSelector(root, recursive=True, allow_not_found=True))
    out = []
    for info in found:
        rel = info.path[len(root):].lstrip("/")
        if info.type != pafs.FileType.File or any(p.startswith(("_", ".")) for p in rel.split("/")):
            continue  # the log, and hidden files of other tools (Delta's own rule for vacuum)
        if rel not in mentioned:
            out.append(rel)
    return sorted(out)


def sync_version(uri: str, so: Options | None, version: int) -> None:
    """Make ``version`` durable on a local disk before the catalog records it: fsync its log entry, the data
    files it adds and their folders. delta-rs does not fsync, so after a power loss the catalog (whose
    SQLite commits are fsynced) could name a version whose log entry never reached the disk. Object stores
    acknowledge a PUT only once it is durable: nothing to do there."""
    if "://" in uri and not uri.startswith("file://"):
        return
    root = os.path.abspath(uri.removeprefix("file://"))
    entry = os.path.join(root, _DELTA_LOG, f"{version:020d}.json")
    with open(entry, "rb") as handle:
        lines = handle.read().decode("utf-8").split("\n")
    paths = {entry}
    for action in (json.loads(line) for line in lines if line.strip()):
        if "add" in action and "://" not in action["add"]["path"]:
            paths.add(os.path.join(root, unquote(action["add"]["path"])))
    with _mapped(uri):
        for path in sorted(paths) + sorted({os.path.dirname(p) for p in paths}):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def remove_untracked(uri: str, so: Options | None) -> list[str]:
    """Delete ``untracked_files`` (same precondition); returns them."""
    fs, root = filesystem_for(uri, dict(so or {}))
    files = untracked_files(uri, so)
    with _mapped(uri):
        for rel in files:
            fs.delete_file(f"{root}/{rel}")
    return files


# History and maintenance -------------------------------------------------------------------------
def _user_metadata(raw: Any) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return {"note": str(raw)}
    return value if isinstance(value, dict) else {"note": str(raw)}


def history(
    uri: str, storage_options: Options | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Newest first: ``{"version", "timestamp", "operation", "parameters", "metrics", "metadata",
    "actor", "rows"}``; ``rows`` is the commit's added rows (``num_added_rows``) when it has any."""
    latest = open_table(uri, storage_options).version()
    with _mapped(uri):
        raw = _commit_infos(uri, storage_options, latest, limit)
    out = []
    for entry in raw:
        metadata = _user_metadata(entry.get("userMetadata"))
        metrics = entry.get("operationMetrics") or {}
        rows = metrics.get("num_added_rows", metrics.get("numOutputRows"))
        out.append(
            {
                "version": int(entry["version"]),
                "timestamp": datetime.fromtimestamp(int(entry["timestamp"]) / 1000, tz=UTC),
                "operation": entry.get("operation"),
                "parameters": entry.get("operationParameters") or {},
                "metrics": metrics,
                "metadata": metadata,
                "actor": metadata.get("actor", metadata.get("lakehouse.actor")),
                "rows": int(rows) if rows is not None else None,
            }
        )
    return out


def _commit_infos(uri: str, so: Options | None, latest: int, limit: int | None) -> list[dict[str, Any]]:
    """What ``DeltaTable.history`` answers (each commit's ``commitInfo`` and its version, newest first), read
    from the log with pyarrow: ``history`` holds the GIL through its storage reads, which deadlocks beside
    streaming writes (see ``_try_open``). Commits whose file the log cleanup removed are left out, as there."""
    fs, root = filesystem_for(uri, dict(so or {}))
    first = 0 if limit is None else max(0, latest - limit + 1)
    infos = []
    for version in range(latest, first - 1, -1):
        try:
            lines = _log_lines(fs, f"{root}/{_DELTA_LOG}/{version:020d}.json")
        except FileNotFoundError:
            continue
        for action in (json.loads(line) for line in lines if '"commitInfo"' in line):
            if "commitInfo" in action:
                infos.append({**action["commitInfo"], "version": version})
                break
    return infos


def commit_metadata(uri: str, storage_options: Options | None, version: int) -> dict[str, Any]:
    """The ``commit_properties`` given to the write that made ``version`` ({} when none)."""
    for entry in history(uri, storage_options):
        if entry["version"] == version:
            return dict(entry["metadata"])
    raise NotFound(f"Table {uri} has no version {version}.")


def restore(
    uri: str,
    storage_options: Options | None,
    version: int,
    commit_properties: Mapping[str, str] | None = None,
) -> int:
    """Commit a new version whose content equals ``version``; returns the new version."""
    dt = open_table(uri, storage_options)
    latest = dt.version()
    if not 0 <= version <= latest:
        raise NotFound(f"Table {uri} has no version {version} (versions 0..{latest}).")
    try:
        dt.restore(version, commit_properties=_commit(commit_properties))
    except DeltaError as exc:
        if "missing file" in str(exc).lower():
            raise Conflict(
                f"Version {version} of {uri} can no longer be restored: its files were vacuumed.",
                hint="Restore a more recent version.",
            ) from exc
        with _mapped(uri):
            raise
    except Exception:
        with _mapped(uri):
            raise
    sync_version(uri, storage_options, dt.version())
    return dt.version()


def optimize(
    uri: str,
    storage_options: Options | None = None,
    target_size: int | None = None,
    commit_properties: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Compact small files (bin-packing); returns delta-rs metrics plus the resulting ``version``."""
    dt = open_table(uri, storage_options)
    with _mapped(uri):
        metrics = dt.optimize.compact(target_size=target_size, commit_properties=_commit(commit_properties))
    sync_version(uri, storage_options, dt.version())
    return {**metrics, "version": dt.version()}


def vacuum(
    uri: str,
    storage_options: Options | None = None,
    retention_hours: int | None = None,
    enforce_retention: bool = True,
    *,
    dry_run: bool = False,
    commit_properties: Mapping[str, str] | None = None,
) -> list[str]:
    """Delete files no version within the retention still needs; returns them (relative paths).

    ``retention_hours`` below the table's minimum (7 days by default) needs ``enforce_retention=False``.
    """
    dt = open_table(uri, storage_options)
    try:
        files = dt.vacuum(retention_hours, dry_run=dry_run, enforce_retention_duration=enforce_retention,
                          commit_properties=_commit(commit_properties))
    except DeltaError as exc:
        if "retention period" in str(exc):
            raise InvalidInput(
                f"Vacuum of {uri} refused: {exc}", hint="Pass a longer retention or disable enforcement."
            ) from exc
        with _mapped(uri):
            raise
    return sorted(files)


def delete_table(uri: str, storage_options: Options | None = None) -> bool:
    """Remove the table directory/prefix with every version; False when nothing was there.

    Refuses a location that holds data but no ``_delta_log``: it is not a table this layer wrote.
    """
    fs, path = filesystem_for(uri, dict(storage_options or {}))
    with _mapped(uri):
        info = fs.get_file_info(path)
        if info.type == pafs.FileType.NotFound:
            return False
        has_log = fs.get_file_info(f"{path}/{_DELTA_LOG}").type == pafs.FileType.Directory
        if not has_log and fs.get_file_info(pafs.FileSelector(path, allow_not_found=True)):
            raise InvalidInput(f"Refusing to delete {uri}: it is not a Delta table.")
        if isinstance(fs, pafs.LocalFileSystem):
            shutil.rmtree(os.path.abspath(path))
        else:
            fs.delete_dir(path)
    return True
