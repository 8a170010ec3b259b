"""RemoteLakehouse: the library API over HTTP (``lakehouse.connect(url=..., token=...)``).

Same public methods, same signatures and same return types as ``Lakehouse`` (a test compares them and runs
the library tests over both). The caller is whoever the token authenticates: ``actor=`` is accepted for the
signature's sake and refused when set, because over HTTP identity comes from the token alone."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import asdict, is_dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from lakehouse import errors
from lakehouse.types import Actor, Role, WriteMode
from lakehouse.wire import DatasetManifest, JobInfo, MetadataPatch, ModelAction, VersionEntry, VramReport

if TYPE_CHECKING:
    import pyarrow as pa

    from lakehouse.governance.views import ViewInfo, ViewSpec
    from lakehouse.ingest.service import FileIngestOptions
    from lakehouse.ingest.writer import WriteResult
    from lakehouse.profiles.spec import ProfileManifest, ProfileSearchRequest, ProfileSpec
    from lakehouse.query.spec import QueryResult
    from lakehouse.storage.buckets import BucketSpec
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

ARROW_STREAM = "application/vnd.apache.arrow.stream"
_STREAM_ERROR = b"lakehouse.error"  # query/export.py: the error batch that ends a failed stream
_LONG_POLL = 10.0  # seconds one GET /jobs/{id}?wait= may wait (the server allows up to 30)
_NAME_SAFE = "/:@+"  # a model name's own characters stay as they are in the path
_BY_STATUS: dict[int, type[errors.LakehouseError]] = {
    400: errors.BadRequest, 401: errors.Unauthorized, 403: errors.Forbidden, 404: errors.NotFound,
    408: errors.QueryTimeout, 409: errors.Conflict, 413: errors.PayloadTooLarge, 422: errors.InvalidInput,
    503: errors.Unavailable, 504: errors.ModelServerTimeout,
}


def _by_code() -> dict[str, type[errors.LakehouseError]]:
    """The server's stable error codes map back to the same exception classes as in-process."""
    found: dict[str, type[errors.LakehouseError]] = {}
    pending: list[type[errors.LakehouseError]] = [errors.LakehouseError]
    while pending:
        cls = pending.pop()
        found.setdefault(cls.code, cls)
        pending.extend(cls.__subclasses__())
    return found


def _body(value: Any) -> Any:
    """A request model, dataclass or mapping as plain JSON (unset fields left out)."""
    if value is None:
        return {}
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_unset=True)
    if is_dataclass(value) and not isinstance(value, type):
        return {k: v for k, v in asdict(value).items() if v is not None}
    return {k: (v.value if isinstance(v, WriteMode | Role) else v) for k, v in dict(value).items()}


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _no_actor(actor: Actor | None) -> None:
    if actor is not None:
        raise errors.InvalidInput("A remote lakehouse acts as its token's principal; actor= cannot be set.",
                                  hint="Connect with that principal's token instead.")


def _error(response: httpx.Response) -> errors.LakehouseError:
    """The server's error shape as the same exception class the library raises in-process."""
    try:
        body = response.json()["error"]
    except (ValueError, KeyError, TypeError):
        body = {"message": response.text or response.reason_phrase}
    return _from_body(body, response.status_code)


def _from_body(body: Mapping[str, Any], status: int | None) -> errors.LakehouseError:
    fallback = _BY_STATUS.get(status, errors.LakehouseError) if status is not None else errors.LakehouseError
    cls = _by_code().get(body.get("code", ""), fallback)
    error = cls(body.get("message", ""), hint=body.get("hint"))
    error.code = body.get("code", error.code)
    error.http_status = status if status is not None else cls.http_status
    return error


class _ResponseFile(io.RawIOBase):
    """A streamed HTTP body as a readable file, for pyarrow's IPC reader."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


class RemoteLakehouse:
    def __init__(self, url: str, token: str | None = None, timeout: float = 300.0,
                 transport: httpx.BaseTransport | None = None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.Client(base_url=url.rstrip("/"), headers=headers, timeout=timeout, transport=transport)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> RemoteLakehouse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, method: str, path: str, actor: Actor | None = None, **kwargs: Any) -> httpx.Response:
        _no_actor(actor)
        response = self._http.request(method, path, **kwargs)
        if response.status_code >= 400:
            raise _error(response)
        return response

    def _json(self, method: str, path: str, actor: Actor | None = None, **kwargs: Any) -> Any:
        return self._call(method, path, actor, **kwargs).json()

    def _items(self, path: str, actor: Actor | None = None, **params: Any) -> list[Any]:
        query = {k: v for k, v in params.items() if v is not None}
        return list(self._json("GET", path, actor, params=query)["items"])

    def _job(self, response: httpx.Response, wait: bool) -> JobInfo:
        body = response.json()
        return JobInfo.model_validate(body) if wait else self.get_job(body["job_id"])

    # Identity -------------------------------------------------------------------------------------
    def authenticate(self, token: str) -> Actor:
        """Who ``token`` authenticates as, asked of the server (``GET /auth/whoami``)."""
        body = self._http.get("/auth/whoami", headers={"Authorization": f"Bearer {token}"})
        if body.status_code >= 400:
            raise errors.Unauthorized("The token is not valid for this server.",
                                      hint="Create one with `lakehouse tokens create` on the server's data dir.")
        data = body.json()
        return Actor(name=data["name"], role=Role(data["role"]), principal_id=data.get("principal_id"),
                     profile=data.get("profile"), model=data.get("model"))

    # Buckets and catalog backups ------------------------------------------------------------------
    def list_buckets(self, actor: Actor | None = None) -> list[BucketSpec]:
        from lakehouse.storage.buckets import BucketSpec

        return [BucketSpec.model_validate(b) for b in self._items("/storage/buckets", actor)]

    def add_bucket(self, spec: BucketSpec | Mapping[str, Any], actor: Actor | None = None) -> BucketSpec:
        from lakehouse.storage.buckets import BucketSpec

        return BucketSpec.model_validate(self._json("POST", "/storage/buckets", actor, json=_body(spec)))

    def remove_bucket(self, name: str, actor: Actor | None = None) -> None:
        self._call("DELETE", f"/storage/buckets/{name}", actor)

    def backup_catalog(self, actor: Actor | None = None) -> str:
        return str(self._json("POST", "/catalog/backups", actor)["backup"])

    def list_backups(self, actor: Actor | None = None) -> list[str]:
        return [str(b) for b in self._items("/catalog/backups", actor)]

    def restore_catalog(self, name: str, actor: Actor | None = None) -> dict[str, int]:
        raise errors.Conflict("Restoring the catalog replaces it under the running server.",
                              hint="Stop the server, then run `lakehouse catalog restore` on its data dir.")

    # Datasets ---------------------------------------------------------------------------------------
    def list_datasets(self, actor: Actor | None = None, *, columns: bool = True) -> list[DatasetManifest]:
        params = {} if columns else {"columns": "false"}
        return [DatasetManifest.model_validate(m) for m in self._items("/catalog/datasets", actor, **params)]

    def get_dataset(self, name: str, actor: Actor | None = None) -> DatasetManifest:
        return DatasetManifest.model_validate(self._json("GET", f"/catalog/datasets/by-name/{name}", actor))

    def history(self, name: str, limit: int = 100, actor: Actor | None = None) -> list[VersionEntry]:
        items = self._items(f"/catalog/datasets/by-name/{name}/history", actor, limit=limit)
        return [VersionEntry.model_validate(v) for v in items]

    def patch_metadata(self, name: str, patch: MetadataPatch | Mapping[str, Any],
                       actor: Actor | None = None) -> DatasetManifest:
        return DatasetManifest.model_validate(
            self._json("PATCH", f"/catalog/datasets/by-name/{name}/metadata", actor, json=_body(patch)))

    def delete_dataset(self, name: str, actor: Actor | None = None, *, force: bool = False) -> DatasetManifest:
        body = self._json("DELETE", f"/catalog/datasets/by-name/{name}", actor, params={"force": force})
        body.pop("deleted", None)
        return DatasetManifest.model_validate(body)

    def restore_dataset(self, name: str, version: int, actor: Actor | None = None) -> DatasetManifest:
        return DatasetManifest.model_validate(
            self._json("POST", f"/catalog/datasets/by-name/{name}/restore", actor, json={"version": version}))

    def optimize_dataset(self, name: str, vacuum: bool = True, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("POST", f"/catalog/datasets/by-name/{name}/optimize", actor, json={"vacuum": vacuum}))

    # Ingest -----------------------------------------------------------------------------------------
    def ingest_file(self, path: str | Path | None = None, dataset: str | None = None, *,
                    mode: WriteMode | str = WriteMode.append, bucket: str | None = None,
                    source_bucket: str | None = None, source_path: str | None = None,
                    staged_upload: Path | None = None, display_name: str | None = None,
                    options: FileIngestOptions | None = None, wait: bool = True,
                    actor: Actor | None = None) -> JobInfo:
        """Upload a local file (``path``, or ``staged_upload`` named ``display_name``), or ingest a file that
        is already inside a server bucket (``source_bucket``/``source_path``)."""
        if dataset is None:
            raise errors.InvalidInput("Name the target dataset.", hint="Pass dataset='name' (CLI: --dataset NAME).")
        fields = {"dataset": dataset, "mode": WriteMode(mode).value, "target_bucket": bucket, **_body(options)}
        params = {"wait": _flag(wait)}
        upload = path if path is not None else staged_upload
        if source_path is not None and upload is None:
            body = {**fields, "bucket": source_bucket or "primary", "path": source_path}
            return self._job(self._call("POST", "/ingest/file", actor, params=params,
                                        json={k: v for k, v in body.items() if v is not None}), wait)
        if upload is None or source_path is not None:
            raise errors.InvalidInput("Give exactly one of a file path, a bucket path or an upload.")
        form = {k: (",".join(v) if isinstance(v, list) else str(v)) for k, v in fields.items() if v is not None}
        upload = Path(upload)
        with open(upload, "rb") as handle:
            response = self._call("POST", "/ingest/file", actor, params=params, data=form,
                                  files={"file": (display_name or upload.name, handle)})
        return self._job(response, wait)

    def ingest_files(self, paths: Sequence[str | Path] | None = None, dataset: str | None = None, *,
                     mode: WriteMode | str = WriteMode.append, bucket: str | None = None,
                     source_bucket: str | None = None, source_paths: Sequence[str] | None = None,
                     options: FileIngestOptions | None = None, wait: bool = True,
                     actor: Actor | None = None) -> JobInfo:
        """Many files already inside a server bucket (``source_bucket``/``source_paths``), as one version."""
        if dataset is None:
            raise errors.InvalidInput("Name the target dataset.", hint="Pass dataset='name' (CLI: --dataset NAME).")
        if paths is not None or source_paths is None:
            raise errors.InvalidInput("Over HTTP, many-file ingest reads files inside a server bucket.",
                                      hint="Pass source_bucket and source_paths, or upload files one at a time.")
        fields = _body(options)
        if fields.pop("skip_if_seen", False):
            raise errors.InvalidInput("A many-file ingest has no skip_if_seen.")
        body = {"dataset": dataset, "mode": WriteMode(mode).value, "target_bucket": bucket, **fields,
                "bucket": source_bucket or "primary", "paths": list(source_paths)}
        return self._job(self._call("POST", "/ingest/files", actor, params={"wait": _flag(wait)},
                                    json={k: v for k, v in body.items() if v is not None}), wait)

    def ingest_postgres(self, dsn: str, dataset: str, *, table: str | None = None, query: str | None = None,
                        wait: bool = True, actor: Actor | None = None, **options: Any) -> JobInfo:
        return self._db("/ingest/db", dsn, dataset, table, query, wait, actor, options)

    def ingest_mysql(self, dsn: str, dataset: str, *, table: str | None = None, query: str | None = None,
                     wait: bool = True, actor: Actor | None = None, **options: Any) -> JobInfo:
        return self._db("/ingest/mysql", dsn, dataset, table, query, wait, actor, options)

    def _db(self, route: str, dsn: str, dataset: str, table: str | None, query: str | None, wait: bool,
            actor: Actor | None, options: dict[str, Any]) -> JobInfo:
        body = {"dsn": dsn, "dataset": dataset, "table": table, "query": query, **_body(options)}
        response = self._call("POST", route, actor, params={"wait": _flag(wait)},
                              json={k: v for k, v in body.items() if v is not None})
        return self._job(response, wait)

    def write_table(self, dataset: str, data: pa.Table | pa.RecordBatchReader, *,
                    mode: WriteMode | str = WriteMode.append, bucket: str | None = None,
                    source: str = "library", actor: Actor | None = None) -> WriteResult:
        """Streams the Arrow data to ``POST /ingest/arrow`` (same commit path as in-process)."""
        import pyarrow as pa

        from lakehouse.ingest.writer import WriteResult

        reader = data if isinstance(data, pa.RecordBatchReader) else pa.RecordBatchReader.from_batches(
            data.schema, data.to_batches())

        def stream() -> Any:
            sink = io.BytesIO()
            with pa.ipc.new_stream(sink, reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
                    yield sink.getvalue()
                    sink.seek(0)
                    sink.truncate()
            yield sink.getvalue()

        params = {k: v for k, v in {"dataset": dataset, "mode": WriteMode(mode).value, "bucket": bucket,
                                    "source": source}.items() if v is not None}
        body = self._json("POST", "/ingest/arrow", actor, params=params, content=stream(),
                          headers={"Content-Type": ARROW_STREAM})
        return WriteResult(**body)

    # Query ------------------------------------------------------------------------------------------
    def sql(self, sql: str, *, params: Mapping[str, Any] | None = None, as_of: Mapping[str, int] | None = None,
            max_rows: int | None = None, engine: str | None = None, actor: Actor | None = None) -> QueryResult:
        import pyarrow as pa

        from lakehouse.query.spec import QueryResult

        body = {"sql": sql, "params": dict(params) if params else None,
                "as_of": dict(as_of) if as_of else None, "max_rows": max_rows, "stream": False, "engine": engine}
        response = self._call("POST", "/query/sql", actor, json=body, headers={"Accept": ARROW_STREAM})
        table = pa.ipc.open_stream(response.content).read_all()
        elapsed = float(response.elapsed.total_seconds() * 1000)
        return QueryResult(table=table, truncated=response.headers.get("x-truncated") == "true", elapsed_ms=elapsed)

    def preview(self, name: str, *, offset: int = 0, limit: int = 50, actor: Actor | None = None) -> QueryResult:
        from lakehouse.query.spec import preview_statement

        return self.sql(preview_statement(name, offset, limit), max_rows=limit, actor=actor)

    def sql_stream(self, sql: str, *, params: Mapping[str, Any] | None = None,
                   as_of: Mapping[str, int] | None = None, max_rows: int | None = None,
                   engine: str | None = None, actor: Actor | None = None) -> pa.RecordBatchReader:
        import pyarrow as pa

        schema, batches = self.export_batches(sql, params=params, as_of=as_of, max_rows=max_rows, engine=engine,
                                              actor=actor)
        return pa.RecordBatchReader.from_batches(schema, batches)

    def export_batches(self, sql: str, *, params: Mapping[str, Any] | None = None,
                       as_of: Mapping[str, int] | None = None, max_rows: int | None = None,
                       engine: str | None = None,
                       actor: Actor | None = None) -> tuple[pa.Schema, Generator[pa.RecordBatch, None, None]]:
        import pyarrow as pa

        _no_actor(actor)
        body = {"sql": sql, "params": dict(params) if params else None,
                "as_of": dict(as_of) if as_of else None, "max_rows": max_rows, "engine": engine}
        request = self._http.build_request("POST", "/query/sql", json=body, headers={"Accept": ARROW_STREAM})
        response = self._http.send(request, stream=True)
        try:
            if response.status_code >= 400:
                response.read()
                raise _error(response)
            source = pa.ipc.open_stream(io.BufferedReader(_ResponseFile(response.iter_raw()), 1 << 16))
        except BaseException:
            response.close()
            raise

        def batches() -> Generator[pa.RecordBatch | None, None, None]:
            try:
                yield None  # primed below: closing the generator, even unstarted, closes the response
                while True:
                    try:
                        batch, metadata = source.read_next_batch_with_custom_metadata()
                    except StopIteration:
                        return
                    if metadata is not None and _STREAM_ERROR in metadata:
                        raise _from_body(json.loads(metadata[_STREAM_ERROR]), None)
                    yield batch
            except httpx.HTTPError as exc:
                raise errors.Unavailable(f"The server ended the result stream early: {exc}",
                                         hint="Retry; if it persists, see the server's log.") from None
            finally:
                response.close()

        stream = batches()
        next(stream)
        return source.schema, stream  # type: ignore[return-value]

    # Jobs -------------------------------------------------------------------------------------------
    def list_jobs(self, limit: int = 100, status: str | None = None, actor: Actor | None = None) -> list[JobInfo]:
        return [JobInfo.model_validate(j) for j in self._items("/jobs", actor, limit=limit, status=status)]

    def get_job(self, job_id: str, actor: Actor | None = None) -> JobInfo:
        return JobInfo.model_validate(self._json("GET", f"/jobs/{job_id}", actor))

    def wait_job(self, job_id: str, timeout: float | None = None) -> JobInfo:
        """Long polls (``GET /jobs/{id}?wait=``), so the answer comes as the job ends; backs off between
        polls only when the server answered at once (a job another process runs, or an older server)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        pause = 0.05
        while True:
            ask = _LONG_POLL if deadline is None else max(0.0, min(_LONG_POLL, deadline - time.monotonic()))
            asked = time.monotonic()
            job = JobInfo.model_validate(self._json("GET", f"/jobs/{job_id}", params={"wait": round(ask, 3)}))
            if job.ended:
                return job
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError(f"job {job_id} still {job.status} after {timeout} s")
            if time.monotonic() - asked < ask / 2:
                time.sleep(pause)
                pause = min(pause * 2, 0.5)

    def cancel_job(self, job_id: str, actor: Actor | None = None) -> JobInfo:
        return JobInfo.model_validate(self._json("DELETE", f"/jobs/{job_id}", actor))

    # Governance -------------------------------------------------------------------------------------
    def create_token(self, name: str, role: Role | str, *, expires_in_days: float | None = None,
                     profile: str | None = None, actor: Actor | None = None) -> dict[str, Any]:
        body = {"name": name, "role": Role(role).value, "expires_in_days": expires_in_days, "profile": profile}
        return dict(self._json("POST", "/auth/tokens", actor, json=body))

    def list_tokens(self, actor: Actor | None = None) -> list[dict[str, Any]]:
        return self._items("/auth/tokens", actor)

    def revoke_token(self, token_id: str, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("DELETE", f"/auth/tokens/{token_id}", actor))

    def add_grant(self, principal: str, kind: str, name: str, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("POST", "/auth/grants", actor, json={"principal": principal, kind: name}))

    def list_grants(self, principal: str | None = None, actor: Actor | None = None) -> list[dict[str, Any]]:
        return self._items("/auth/grants", actor, principal=principal)

    def remove_grant(self, grant_id: int, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("DELETE", f"/auth/grants/{grant_id}", actor))

    def create_view(self, spec: ViewSpec | Mapping[str, Any], actor: Actor | None = None) -> ViewInfo:
        return self._view(self._json("POST", "/catalog/views", actor, json=_body(spec)))

    def list_views(self, actor: Actor | None = None) -> list[ViewInfo]:
        return [self._view(v) for v in self._items("/catalog/views", actor)]

    def get_view(self, name: str, actor: Actor | None = None) -> ViewInfo:
        return self._view(self._json("GET", f"/catalog/views/{name}", actor))

    def delete_view(self, name: str, actor: Actor | None = None, *, force: bool = False) -> ViewInfo:
        body = self._json("DELETE", f"/catalog/views/{name}", actor, params={"force": force})
        body.pop("deleted", None)
        return self._view(body)

    @staticmethod
    def _view(data: dict[str, Any]) -> ViewInfo:
        from lakehouse.governance.views import ViewInfo

        return ViewInfo.model_validate(data)

    def tombstone(self, dataset: str, row_key_column: str, row_key_values: Sequence[object], reason: str = "",
                  *, note: str | None = None, actor: Actor | None = None) -> dict[str, Any]:
        body = {"row_key_column": row_key_column, "row_key_values": list(row_key_values), "reason": reason,
                "actor": note}
        return dict(self._json("POST", f"/catalog/datasets/by-name/{dataset}/tombstone", actor, json=body))

    def list_tombstones(self, dataset: str, actor: Actor | None = None) -> list[dict[str, Any]]:
        return self._items(f"/catalog/datasets/by-name/{dataset}/tombstone", actor)

    def restore_tombstone(self, dataset: str, tombstone_id: int, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("DELETE", f"/catalog/datasets/by-name/{dataset}/tombstone/{tombstone_id}", actor))

    def purge(self, dataset: str, *, wait: bool = True, actor: Actor | None = None) -> JobInfo:
        response = self._call("POST", f"/catalog/datasets/by-name/{dataset}/purge", actor,
                              params={"wait": _flag(wait)})
        return self._job(response, wait)

    def certificates(self, dataset: str, actor: Actor | None = None) -> list[dict[str, Any]]:
        return self._items(f"/catalog/datasets/by-name/{dataset}/purge", actor)

    def erase_person(self, value: str, kind: str, reason: str = "erasure request",
                     actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("POST", "/governance/erase", actor,
                               json={"value": value, "kind": kind, "reason": reason}))

    def audit_events(self, actor: Actor | None = None, **filters: Any) -> list[dict[str, Any]]:
        names = {"principal": "actor", "request": "request_id", "object_name": "object"}
        params = {names.get(k, k): (v.isoformat() if isinstance(v, datetime) else v) for k, v in filters.items()}
        return self._items("/audit", actor, **params)

    def journal_events(self, actor: Actor | None = None, **filters: Any) -> list[dict[str, Any]]:
        names = {"type_": "type", "actor_name": "actor"}
        params = {names.get(k, k): (v.isoformat() if isinstance(v, datetime) else v) for k, v in filters.items()}
        return self._items("/journal/events", actor, **params)

    # Vector search ----------------------------------------------------------------------------------
    def create_vector_index(self, spec: IndexSpec | Mapping[str, Any], *, wait: bool = True,
                            actor: Actor | None = None) -> JobInfo:
        response = self._call("POST", "/vectors/index", actor, params={"wait": _flag(wait)}, json=_body(spec))
        return self._job(response, wait)

    def list_vector_indexes(self, actor: Actor | None = None) -> list[IndexManifest]:
        return [self._index(m) for m in self._items("/vectors/indexes", actor)]

    def get_vector_index(self, name: str, actor: Actor | None = None) -> IndexManifest:
        return self._index(self._json("GET", f"/vectors/indexes/{name}", actor))

    def patch_vector_index(self, name: str, patch: IndexSettingsPatch | Mapping[str, Any],
                           actor: Actor | None = None) -> IndexManifest:
        return self._index(self._json("PATCH", f"/vectors/indexes/{name}", actor, json=_body(patch)))

    def agent_status(self, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("GET", "/vectors/agent", actor))

    def agent_index_status(self, index: str, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("GET", f"/vectors/agent/{index}", actor))

    def agent_enqueue(self, index: str, reason: str = "requested", actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("POST", f"/vectors/agent/enqueue/{index}", actor, params={"reason": reason}))

    def delete_vector_index(self, name: str, actor: Actor | None = None) -> IndexManifest:
        return self._index(self._json("DELETE", f"/vectors/indexes/{name}", actor))

    @staticmethod
    def _index(data: dict[str, Any]) -> IndexManifest:
        from lakehouse.vectors.spec import IndexManifest

        return IndexManifest.model_validate(data)

    def vector_search(self, index: str, query: str | None = None, *, vector: Sequence[float] | None = None,
                      k: int = 10, filter: str | None = None, per_chunk: bool = False,
                      actor: Actor | None = None) -> SearchResult:
        body = {"query": query, "vector": list(vector) if vector is not None else None, "k": k, "filter": filter,
                "per_chunk": per_chunk}
        return self.search_vectors(index, {k_: v for k_, v in body.items() if v is not None}, actor=actor)

    def search_vectors(self, index: str, request: SearchRequest | Mapping[str, Any],
                       actor: Actor | None = None) -> SearchResult:
        from lakehouse.vectors.spec import SearchResult

        return SearchResult.model_validate(self._json("POST", f"/vectors/search/{index}", actor,
                                                      json=_body(request)))

    def refresh_vectors(self, dataset: str, *, wait: bool = True, force: bool = False,
                        actor: Actor | None = None) -> JobInfo:
        params = {"wait": _flag(wait), "force": _flag(force)}
        return self._job(self._call("POST", f"/vectors/refresh/{dataset}", actor, params=params), wait)

    def stale_vector_indexes(self, actor: Actor | None = None) -> list[dict[str, Any]]:
        return self._items("/vectors/stale", actor)

    def evaluate_vector_index(self, index: str, request: EvalRequest | Mapping[str, Any] | None = None,
                              actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("POST", f"/vectors/eval/{index}", actor, json=_body(request)))

    def vector_trials(self, index: str, limit: int = 1000, actor: Actor | None = None) -> list[dict[str, Any]]:
        return self._items(f"/vectors/trials/{index}", actor, limit=limit)

    def autotune_vector_index(self, index: str, request: AutotuneRequest | Mapping[str, Any] | None = None, *,
                              wait: bool = True, actor: Actor | None = None) -> JobInfo:
        response = self._call("POST", f"/vectors/autotune/{index}", actor, params={"wait": _flag(wait)},
                              json=_body(request))
        return self._job(response, wait)

    def vector_champion(self, index: str, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("GET", f"/vectors/champion/{index}", actor))

    def set_vector_champion(self, index: str, request: ChampionRequest | Mapping[str, Any],
                            actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("POST", f"/vectors/champion/{index}", actor, json=_body(request)))

    def get_vector_document(self, index: str, doc_id: str, *, vectors: bool = False,
                            actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("GET", f"/vectors/indexes/{index}/docs/{doc_id}", actor,
                               params={"vectors": _flag(vectors)}))

    def append_vectors(self, index: str, request: AppendRequest | Mapping[str, Any],
                       actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("POST", f"/vectors/indexes/{index}/append", actor, json=_body(request)))

    def vector_index_stats(self, index: str, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("GET", f"/vectors/indexes/{index}/stats", actor))

    def optimize_vector_index(self, index: str, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("POST", f"/vectors/indexes/{index}/optimize", actor))

    def rebuild_vector_ann(self, index: str, request: AnnRequest | Mapping[str, Any] | None = None, *,
                           wait: bool = True, actor: Actor | None = None) -> JobInfo:
        response = self._call("POST", f"/vectors/indexes/{index}/ann", actor, params={"wait": _flag(wait)},
                              json=_body(request))
        return self._job(response, wait)

    def migrate_vector_index(self, index: str, backend: str, *, wait: bool = True,
                             actor: Actor | None = None) -> JobInfo:
        response = self._call("POST", f"/vectors/indexes/{index}/migrate", actor, params={"wait": _flag(wait)},
                              json={"backend": backend})
        return self._job(response, wait)

    # Model profiles -------------------------------------------------------------------------------
    def create_profile(self, spec: ProfileSpec | Mapping[str, Any], actor: Actor | None = None) -> ProfileManifest:
        from lakehouse.profiles.spec import ProfileManifest

        return ProfileManifest.model_validate(self._json("POST", "/catalog/profiles", actor, json=_body(spec)))

    def list_profiles(self, actor: Actor | None = None) -> list[ProfileManifest]:
        from lakehouse.profiles.spec import ProfileManifest

        return [ProfileManifest.model_validate(p) for p in self._items("/catalog/profiles", actor)]

    def get_profile(self, profile_id: str, actor: Actor | None = None) -> ProfileManifest:
        from lakehouse.profiles.spec import ProfileManifest

        return ProfileManifest.model_validate(self._json("GET", f"/catalog/profiles/{profile_id}", actor))

    def delete_profile(self, profile_id: str, *, force: bool = False, actor: Actor | None = None) -> ProfileManifest:
        from lakehouse.profiles.spec import ProfileManifest

        body = self._json("DELETE", f"/catalog/profiles/{profile_id}", actor, params={"force": force})
        body.pop("deleted", None)
        return ProfileManifest.model_validate(body)

    def activate_profile(self, profile_id: str, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("POST", f"/vectors/profile/{profile_id}/activate", actor))

    def deactivate_profile(self, profile_id: str, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("POST", f"/vectors/profile/{profile_id}/deactivate", actor))

    def active_profile(self, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("GET", "/vectors/profile/active", actor))

    def profile_search(self, profile_id: str, request: ProfileSearchRequest | Mapping[str, Any],
                       actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("POST", f"/vectors/profile/{profile_id}/search", actor, json=_body(request)))

    # The GPU slot (operators) -----------------------------------------------------------------------
    def vram(self, actor: Actor | None = None) -> VramReport:
        return VramReport.model_validate(self._json("GET", "/admin/vram", actor))

    def preload_model(self, name: str, embedding: bool | None = None, actor: Actor | None = None) -> ModelAction:
        params = {} if embedding is None else {"embedding": _flag(embedding)}
        path = f"/admin/models/{quote(name, safe=_NAME_SAFE)}/preload"
        return ModelAction.model_validate(self._json("POST", path, actor, params=params))

    def unload_model(self, name: str, actor: Actor | None = None) -> ModelAction:
        path = f"/admin/models/{quote(name, safe=_NAME_SAFE)}/unload"
        return ModelAction.model_validate(self._json("POST", path, actor))

    # Delta Sharing (the provider's side; recipients use any Delta Sharing client with their profile) ----------
    def create_share(self, name: str, objects: Sequence[str], *, comment: str = "",
                     actor: Actor | None = None) -> dict[str, Any]:
        body = {"name": name, "objects": list(objects), "comment": comment}
        return dict(self._json("POST", "/sharing/shares", actor, json=body))

    def list_shares(self, actor: Actor | None = None) -> list[dict[str, Any]]:
        return self._items("/sharing/shares", actor)

    def get_share(self, name: str, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("GET", f"/sharing/shares/{name}", actor))

    def delete_share(self, name: str, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("DELETE", f"/sharing/shares/{name}", actor))

    def create_recipient(self, name: str, shares: Sequence[str], *, expires_in_days: float | None = None,
                         actor: Actor | None = None) -> dict[str, Any]:
        body = {"name": name, "shares": list(shares), "expires_in_days": expires_in_days}
        return dict(self._json("POST", "/sharing/recipients", actor, json=body))

    def list_recipients(self, actor: Actor | None = None) -> list[dict[str, Any]]:
        return self._items("/sharing/recipients", actor)

    def revoke_recipient(self, name: str, actor: Actor | None = None) -> dict[str, Any]:
        return dict(self._json("DELETE", f"/sharing/recipients/{name}", actor))
