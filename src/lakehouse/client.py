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

    def _job(self, response: httpx.Response, wait: bool) -> JobInfo:
        body = response.json()
        return JobInfo.model_validate(body) if wait else self.get_job(body["job_id"])

    # Database ingest (admin) ------------------------------------------------------------------
    def ingest_postgres(self, dsn: str, dataset: str, *, wait: bool = True, **fields: Any) -> JobInfo:
        body = {"dsn": dsn, "dataset": dataset, **{k: v for k, v in fields.items() if v is not None}}
        return self._job(self._call("POST", "/ingest/db", params={"wait": str(wait).lower()}, json=body), wait)

    def ingest_mysql(self, dsn: str, dataset: str, *, wait: bool = True, **fields: Any) -> JobInfo:
        body = {"dsn": dsn, "dataset": dataset, **{k: v for k, v in fields.items() if v is not None}}
        return self._job(self._call("POST", "/ingest/mysql", params={"wait": str(wait).lower()}, json=body), wait)

    # Governance ---------------------------------------------------------------------------------
    def create_token(self, name: str, role: str, *, expires_in_days: float | None = None) -> dict[str, Any]:
        body = {"name": name, "role": role, "expires_in_days": expires_in_days}
        return dict(self._call("POST", "/auth/tokens", json=body).json())

    def list_tokens(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/auth/tokens").json()["items"])

    def revoke_token(self, token_id: str) -> dict[str, Any]:
        return dict(self._call("DELETE", f"/auth/tokens/{token_id}").json())

    def add_grant(self, principal: str, kind: str, name: str) -> dict[str, Any]:
        return dict(self._call("POST", "/auth/grants", json={"principal": principal, kind: name}).json())

    def list_grants(self, principal: str | None = None) -> list[dict[str, Any]]:
        params = {"principal": principal} if principal else {}
        return list(self._call("GET", "/auth/grants", params=params).json()["items"])

    def remove_grant(self, grant_id: int) -> dict[str, Any]:
        return dict(self._call("DELETE", f"/auth/grants/{grant_id}").json())

    def create_view(self, spec: Mapping[str, Any]) -> dict[str, Any]:
        return dict(self._call("POST", "/catalog/views", json=dict(spec)).json())

    def list_views(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/catalog/views").json()["items"])

    def get_view(self, name: str) -> dict[str, Any]:
        return dict(self._call("GET", f"/catalog/views/{name}").json())

    def delete_view(self, name: str) -> dict[str, Any]:
        return dict(self._call("DELETE", f"/catalog/views/{name}").json())

    def tombstone(self, dataset: str, row_key_column: str, row_key_values: list[Any],
                  reason: str = "") -> dict[str, Any]:
        body = {"row_key_column": row_key_column, "row_key_values": row_key_values, "reason": reason}
        return dict(self._call("POST", f"/catalog/datasets/by-name/{dataset}/tombstone", json=body).json())

    def list_tombstones(self, dataset: str) -> list[dict[str, Any]]:
        return list(self._call("GET", f"/catalog/datasets/by-name/{dataset}/tombstone").json()["items"])

    def restore_tombstone(self, dataset: str, tombstone_id: int) -> dict[str, Any]:
        return dict(self._call("DELETE", f"/catalog/datasets/by-name/{dataset}/tombstone/{tombstone_id}").json())

    def purge(self, dataset: str, *, wait: bool = True) -> JobInfo:
        response = self._call("POST", f"/catalog/datasets/by-name/{dataset}/purge", params={"wait": str(wait).lower()})
        return self._job(response, wait)

    def certificates(self, dataset: str) -> list[dict[str, Any]]:
        return list(self._call("GET", f"/catalog/datasets/by-name/{dataset}/purge").json()["items"])

    def erase_person(self, value: str, kind: str, reason: str = "erasure request") -> dict[str, Any]:
        body = {"value": value, "kind": kind, "reason": reason}
        return dict(self._call("POST", "/governance/erase", json=body).json())

    def audit_events(self, **filters: Any) -> list[dict[str, Any]]:
        return list(self._call("GET", "/audit", params=filters).json()["items"])

    def journal_events(self, **filters: Any) -> list[dict[str, Any]]:
        return list(self._call("GET", "/journal/events", params=filters).json()["items"])

    # Vector search ------------------------------------------------------------------------------
    def create_vector_index(self, spec: Mapping[str, Any], *, wait: bool = True) -> JobInfo:
        response = self._call("POST", "/vectors/index", params={"wait": str(wait).lower()}, json=dict(spec))
        return self._job(response, wait)

    def list_vector_indexes(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/vectors/indexes").json()["items"])

    def get_vector_index(self, name: str) -> dict[str, Any]:
        return dict(self._call("GET", f"/vectors/indexes/{name}").json())

    def delete_vector_index(self, name: str) -> dict[str, Any]:
        return dict(self._call("DELETE", f"/vectors/indexes/{name}").json())

    def vector_search(self, index: str, query: str | None = None, *, vector: list[float] | None = None,
                      k: int = 10, filter: str | None = None, per_chunk: bool = False) -> dict[str, Any]:
        body = {"query": query, "vector": vector, "k": k, "filter": filter, "per_chunk": per_chunk}
        return dict(self._call("POST", f"/vectors/search/{index}",
                               json={k_: v for k_, v in body.items() if v is not None}).json())

    def refresh_vectors(self, dataset: str, *, wait: bool = True, force: bool = False) -> JobInfo:
        params = {"wait": str(wait).lower(), "force": str(force).lower()}
        return self._job(self._call("POST", f"/vectors/refresh/{dataset}", params=params), wait)

    def stale_vector_indexes(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/vectors/stale").json()["items"])

    def evaluate_vector_index(self, index: str, request: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return dict(self._call("POST", f"/vectors/eval/{index}", json=dict(request or {})).json())

    def vector_trials(self, index: str) -> list[dict[str, Any]]:
        return list(self._call("GET", f"/vectors/trials/{index}").json()["items"])

    def autotune_vector_index(self, index: str, request: Mapping[str, Any] | None = None, *,
                              wait: bool = True) -> JobInfo:
        response = self._call("POST", f"/vectors/autotune/{index}", params={"wait": str(wait).lower()},
                              json=dict(request or {}))
        return self._job(response, wait)

    def vector_champion(self, index: str) -> dict[str, Any]:
        return dict(self._call("GET", f"/vectors/champion/{index}").json())

    def set_vector_champion(self, index: str, request: Mapping[str, Any]) -> dict[str, Any]:
        return dict(self._call("POST", f"/vectors/champion/{index}", json=dict(request)).json())

