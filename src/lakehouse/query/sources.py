"""How a Delta table version is exposed to DataFusion; chosen by measurement (bench/tpch.py).

- ``files``: the version's Parquet files (from the Delta log) read by DataFusion's own Parquet scan
  with the table's schema, one scan per file under a UNION ALL view. Fastest on TPC-H, and it works on
  S3 through an ``AmazonS3`` object store registered on the session. Files missing a column that was
  added later read it as null. Strings are scanned as Utf8View (10-30% faster on string-heavy
  queries); the engine casts result columns back to plain strings.
- ``provider``: delta-rs's table provider, for local tables the file route cannot express (partition
  columns, deletion vectors, column mapping) or that have very many files.
- ``dataset``: ``DeltaTable.to_pyarrow_dataset()``, the fallback for object stores other than S3 and
  for remote tables with partitions (the provider fails on S3, delta-rs #4623).

Loaded tables are cached per (uri, version, storage options): a pinned version never changes. An
unpinned registration always reloads the log so it sees the latest commit. At most ``_VERSIONS_PER_TABLE``
versions of one table stay cached: a table appended to all day would otherwise fill the cache with its own
past versions (measured: +0.6 MB of worker RSS per version of a small table, flat with the bound).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from typing import Literal
from urllib.parse import urlparse

import pyarrow as pa
import pyarrow.compute as pc
from datafusion import DataFrame, SessionContext
from datafusion.object_store import AmazonS3
from deltalake import DeltaTable

from lakehouse.errors import QueryError
from lakehouse.query.spec import TableRegistration
from lakehouse.query.tuning import KeyStats
from lakehouse.storage.uris import is_local_uri

MAX_UNION_FILES = 64
_CACHE_SIZE = 128
_VERSIONS_PER_TABLE = 4
_UNSUPPORTED_BY_FILES = {"deletionVectors", "columnMapping"}
Route = Literal["files", "provider", "dataset"]


def quote(identifier: str) -> str:
    """An identifier as a quoted SQL name."""
    return '"' + identifier.replace('"', '""') + '"'


@dataclass
class Source:
    table: DeltaTable
    route: Route
    schema: pa.Schema
    files: tuple[str, ...]
    storage_options: dict[str, str]

    def register(self, ctx: SessionContext, name: str) -> None:
        if self.route == "provider":
            ctx.register_table(name, self.table)
        elif self.route == "dataset":
            ctx.register_dataset(name, self.table.to_pyarrow_dataset())
        else:
            ctx.register_view(name, self.scan(ctx, self.files))

    @cached_property
    def key_stats(self) -> KeyStats | None:
        """Rows and integer bounds of a one-column table, from the Delta log (no data read)."""
        if len(self.schema) != 1:
            return None
        try:
            actions = pa.table(self.table.get_add_actions(flatten=True))
        except Exception:  # noqa: BLE001 - no statistics: the engine keeps its defaults
            return None
        name = self.schema.names[0]
        rows = (pc.sum(actions.column("num_records")).as_py() if actions.num_rows else 0) or 0
        low, high = f"min.{name}", f"max.{name}"
        if (not rows or not pa.types.is_integer(self.schema.field(0).type) or low not in actions.column_names
                or high not in actions.column_names or actions.column(low).null_count
                or actions.column(high).null_count):
            return KeyStats(rows, None, None)
        return KeyStats(rows, pc.min(actions.column(low)).as_py(), pc.max(actions.column(high)).as_py())

    def connect(self, ctx: SessionContext, files: list[str] | tuple[str, ...]) -> None:
        """Register the object store ``files`` are read through, with this table's credentials (the session
        holds one store per bucket: the last registered is the one a scan reads with)."""
        if files and urlparse(files[0]).scheme == "s3":
            _register_s3(ctx, files[0], self.storage_options)

    def scan(self, ctx: SessionContext, files: list[str] | tuple[str, ...]) -> DataFrame:
        """Parquet files (the version's own, or copies of them) read with the table's schema."""
        if not files:
            return ctx.from_arrow(self.schema.empty_table())
        self.connect(ctx, files)
        frames = [ctx.read_parquet(path, schema=self.schema) for path in files]
        frame = frames[0]
        for other in frames[1:]:
            frame = frame.union(other)
        return frame


class SourceCache:
    def __init__(self, size: int = _CACHE_SIZE) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[object, ...], Source] = OrderedDict()

    def get(self, reg: TableRegistration) -> Source:
        key = (reg.uri, reg.version, tuple(sorted(reg.storage_options.items())))
        if reg.version is not None and key in self._entries:
            self._entries.move_to_end(key)
            return self._entries[key]
        source = load(reg)
        if reg.version is not None:
            self._entries[key] = source
            same_table = [k for k in self._entries if k[0] == reg.uri and k[2] == key[2]]
            for stale in same_table[:-_VERSIONS_PER_TABLE]:  # least recently used first
                del self._entries[stale]
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return source


def load(reg: TableRegistration) -> Source:
    options = dict(reg.storage_options)
    try:
        table = DeltaTable(reg.uri, version=reg.version, storage_options=options or None)
    except Exception as exc:  # noqa: BLE001 - delta-rs raises several unrelated types
        version = "" if reg.version is None else f" at version {reg.version}"
        raise QueryError(f"Dataset '{reg.name}'{version} cannot be opened: {exc}") from None
    schema = _scan_schema(pa.schema(table.schema().to_arrow()))
    local = is_local_uri(reg.uri)
    route = _route(table, local, urlparse(reg.uri).scheme)
    files = tuple(table.file_uris()) if route == "files" else ()
    if route == "files" and local and len(files) > MAX_UNION_FILES:
        route, files = "provider", ()
    return Source(table, route, schema, files, options)


def _scan_schema(schema: pa.Schema) -> pa.Schema:
    views = {pa.string(): pa.string_view(), pa.large_string(): pa.string_view(),
             pa.binary(): pa.binary_view(), pa.large_binary(): pa.binary_view()}
    return pa.schema([f.with_type(views.get(f.type, f.type)) for f in schema], metadata=schema.metadata)


def _route(table: DeltaTable, local: bool, scheme: str) -> Route:
    protocol = table.protocol()
    features = set(protocol.reader_features or ())
    needs_engine = bool(features & _UNSUPPORTED_BY_FILES) or bool(table.metadata().partition_columns)
    if local:
        return "provider" if needs_engine else "files"
    if scheme in ("s3", "s3a") and not needs_engine:
        return "files"
    return "dataset"


def _register_s3(ctx: SessionContext, path: str, options: dict[str, str]) -> None:
    opts = {k.lower(): v for k, v in options.items()}

    def pick(*names: str) -> str | None:
        return next((opts[n] for n in names if opts.get(n)), None)

    endpoint = pick("aws_endpoint_url", "aws_endpoint", "endpoint_url", "endpoint")
    allow_http = (pick("aws_allow_http", "allow_http") or "").lower() == "true" or bool(
        endpoint and endpoint.startswith("http://"))
    bucket = urlparse(path).netloc
    store = AmazonS3(
        bucket_name=bucket,
        region=pick("aws_region", "region", "aws_default_region"),
        access_key_id=pick("aws_access_key_id", "access_key_id"),
        secret_access_key=pick("aws_secret_access_key", "secret_access_key"),
        session_token=pick("aws_session_token", "session_token", "aws_token", "token"),
        endpoint=endpoint,
        allow_http=allow_http,
    )
    ctx.register_object_store("s3://", store, bucket)
