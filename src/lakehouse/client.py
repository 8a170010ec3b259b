"""RemoteLakehouse: the library API over HTTP (``lakehouse.connect(url=..., token=...)``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx
import pyarrow as pa
import pyarrow.ipc

from lakehouse import errors
from lakehouse.query.spec import QueryResult
from lakehouse.wire import DatasetManifest, JobInfo, MetadataPatch, VersionEntry

ARROW_STREAM = "application/vnd.apache.arrow.stream"
_BY_STATUS: dict[int, type[errors.LakehouseError]] = {
    400: errors.BadRequest, 401: errors.Unauthorized, 403: errors.Forbidden, 404: errors.NotFound,
    408: errors.QueryTimeout, 409: errors.Conflict, 413: errors.PayloadTooLarge, 422: errors.InvalidInput,
    503: errors.Unavailable,
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

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        response = self._http.request(method, path, **kwargs)
        if response.status_code >= 400:
            try:
                body = response.json()["error"]
            except (ValueError, KeyError, TypeError):
                body = {"message": response.text or response.reason_phrase}
            cls = _by_code().get(body.get("code", ""), _BY_STATUS.get(response.status_code, errors.LakehouseError))
            error = cls(body.get("message", ""), hint=body.get("hint"))
            error.code = body.get("code", error.code)
            error.http_status = response.status_code
            raise error
        return response

    # Buckets ----------------------------------------------------------------------------------
    def list_buckets(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/storage/buckets").json()["items"])

    def add_bucket(self, spec: Mapping[str, Any]) -> dict[str, Any]:
        return dict(self._call("POST", "/storage/buckets", json=dict(spec)).json())

    def remove_bucket(self, name: str) -> None:
        self._call("DELETE", f"/storage/buckets/{name}")

    # Datasets ---------------------------------------------------------------------------------
    def list_datasets(self) -> list[DatasetManifest]:
        return [DatasetManifest.model_validate(m) for m in self._call("GET", "/catalog/datasets").json()["items"]]

    def get_dataset(self, name: str) -> DatasetManifest:
        return DatasetManifest.model_validate(self._call("GET", f"/catalog/datasets/by-name/{name}").json())

    def history(self, name: str, limit: int = 100) -> list[VersionEntry]:
        body = self._call("GET", f"/catalog/datasets/by-name/{name}/history", params={"limit": limit}).json()
        return [VersionEntry.model_validate(v) for v in body["items"]]

    def patch_metadata(self, name: str, patch: MetadataPatch | Mapping[str, Any]) -> DatasetManifest:
        data = patch.model_dump(mode="json", exclude_unset=True) if isinstance(patch, MetadataPatch) else dict(patch)
        return DatasetManifest.model_validate(
            self._call("PATCH", f"/catalog/datasets/by-name/{name}/metadata", json=data).json())

    def delete_dataset(self, name: str) -> dict[str, Any]:
        return dict(self._call("DELETE", f"/catalog/datasets/by-name/{name}").json())

    def restore_dataset(self, name: str, version: int) -> DatasetManifest:
        return DatasetManifest.model_validate(
            self._call("POST", f"/catalog/datasets/by-name/{name}/restore", json={"version": version}).json())

    def optimize_dataset(self, name: str, vacuum: bool = True) -> dict[str, Any]:
        return dict(self._call("POST", f"/catalog/datasets/by-name/{name}/optimize", json={"vacuum": vacuum}).json())

    # Ingest -----------------------------------------------------------------------------------
    def ingest_file(self, path: str | Path, dataset: str, *, mode: str = "append", wait: bool = True,
                    **fields: Any) -> JobInfo:
        path = Path(path)
        data = {"dataset": dataset, "mode": mode, **{k: str(v) for k, v in fields.items() if v is not None}}
        with open(path, "rb") as handle:
            response = self._call("POST", "/ingest/file", params={"wait": str(wait).lower()}, data=data,
                                  files={"file": (path.name, handle)})
        body = response.json()
        return JobInfo.model_validate(body) if wait else self.get_job(body["job_id"])

    # Query ------------------------------------------------------------------------------------
    def sql(self, sql: str, *, params: Mapping[str, Any] | None = None, as_of: Mapping[str, int] | None = None,
            max_rows: int | None = None) -> QueryResult:
        body = {"sql": sql, "params": dict(params) if params else None,
                "as_of": dict(as_of) if as_of else None, "max_rows": max_rows}
        response = self._call("POST", "/query/sql", json=body, headers={"Accept": ARROW_STREAM})
        table = pa.ipc.open_stream(response.content).read_all()
        elapsed = float(response.elapsed.total_seconds() * 1000)
        return QueryResult(table=table, truncated=response.headers.get("x-truncated") == "true", elapsed_ms=elapsed)

    # Jobs -------------------------------------------------------------------------------------
    def list_jobs(self, limit: int = 100, status: str | None = None) -> list[JobInfo]:
        params: dict[str, Any] = {"limit": limit, **({"status": status} if status else {})}
        return [JobInfo.model_validate(j) for j in self._call("GET", "/jobs", params=params).json()["items"]]

    def get_job(self, job_id: str) -> JobInfo:
        return JobInfo.model_validate(self._call("GET", f"/jobs/{job_id}").json())

    def cancel_job(self, job_id: str) -> JobInfo:
        return JobInfo.model_validate(self._call("DELETE", f"/jobs/{job_id}").json())
