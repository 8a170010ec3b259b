"""Every error the lakehouse raises on purpose.

Each subclass carries a stable machine-readable ``code``, the HTTP status the API answers with, and a
``hint`` that tells the user what to do. One handler in ``api/`` renders them all in one shape.
"""

from __future__ import annotations

import errno
from typing import Any


class LakehouseError(Exception):
    code = "lakehouse_error"
    http_status = 500
    default_hint: str | None = None

    def __init__(self, message: str, *, hint: str | None = None, details: dict[str, Any] | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint if hint is not None else self.default_hint
        self.details = details or {}

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.code, "message": self.message, "hint": self.hint}
        if self.details:
            body["details"] = self.details
        return body


class BadRequest(LakehouseError):
    code = "bad_request"
    http_status = 400


class QueryError(BadRequest):
    """The SQL engine refused or failed the statement; the message is the engine's."""

    code = "query_error"


class QueryRefused(BadRequest):
    """The statement is outside the sandbox (DDL, DML, file or network access, ...)."""

    code = "query_refused"
    default_hint = "Only read-only SELECT queries over catalog datasets are allowed."


class QueryTooComplex(BadRequest):
    """The statement is longer or nests deeper than the parser and planner are allowed to go."""

    code = "query_too_complex"


class QueryTimeout(LakehouseError):
    code = "query_timeout"
    http_status = 408
    default_hint = "Narrow the query (filters, LIMIT) or raise query.time_limit_seconds."


class Unauthorized(LakehouseError):
    code = "unauthorized"
    http_status = 401
    default_hint = "Pass 'Authorization: Bearer <token>'; create one with 'lakehouse tokens create'."


class Forbidden(LakehouseError):
    code = "forbidden"
    http_status = 403


class PathNotAllowed(Forbidden):
    """A local directory outside the roots the configuration allows (``storage.allowed_roots``)."""

    code = "path_not_allowed"
    default_hint = ("Add a parent directory to storage.allowed_roots in lakehouse.toml "
                    "(or LAKEHOUSE_STORAGE__ALLOWED_ROOTS) and restart.")


class NetworkRefused(Forbidden):
    """An outbound request to a host ``network.allowed_hosts`` does not allow, or never may."""

    code = "network_refused"
    default_hint = "Add the host to network.allowed_hosts in lakehouse.toml (or LAKEHOUSE_NETWORK__ALLOWED_HOSTS)."


class NotFound(LakehouseError):
    code = "not_found"
    http_status = 404


class Conflict(LakehouseError):
    code = "conflict"
    http_status = 409


class SchemaConflict(Conflict):
    code = "schema_conflict"


class Locked(Conflict):
    code = "locked"
    default_hint = "Another writer holds this dataset; retry when it finishes."


class RateLimited(LakehouseError):
    """A caller sent more calls than its per-token rate allows (the MCP server's ``mcp.rate_limit_per_minute``)."""

    code = "rate_limited"
    http_status = 429
    default_hint = "Wait a few seconds and retry; an admin can raise mcp.rate_limit_per_minute."


class PayloadTooLarge(LakehouseError):
    code = "payload_too_large"
    http_status = 413


class InvalidInput(LakehouseError):
    """Well-formed request whose content cannot be accepted (bad names, bad files, limits)."""

    code = "invalid_input"
    http_status = 422


class InvalidName(InvalidInput):
    code = "invalid_name"


class LimitExceeded(InvalidInput):
    code = "limit_exceeded"


class MalformedFile(InvalidInput):
    code = "malformed_file"


class NotInstalled(LakehouseError):
    code = "not_installed"
    http_status = 501

    def __init__(self, feature: str, package: str):
        super().__init__(
            f"{feature} needs the optional package '{package}', which is not installed.",
            hint=f"pip install '{package}'",
        )


class StorageError(LakehouseError):
    code = "storage_error"
    http_status = 502


class StorageFull(StorageError):
    """The volume under a bucket or the catalog ran out of space (or quota); nothing was committed."""

    code = "storage_full"
    http_status = 507
    default_hint = ("Free space on the volume holding the data directory or the catalog database (or raise its "
                    "quota), then retry: the previous version is intact.")


class StorageIOError(StorageError):
    """The disk answered an I/O error (EIO) while writing; nothing was committed."""

    code = "storage_io_error"
    default_hint = "Check the disk (dmesg, SMART) and retry: the previous version is intact."


_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
# How Rust (delta-rs, object_store) and SQLite spell the same conditions in their messages.
_FULL_TEXT = ("(os error 28)", "(os error 122)", "no space left on device", "disk quota exceeded",
              "database or disk is full")
_EIO_TEXT = ("(os error 5)", "input/output error", "disk i/o error")


def storage_failure(exc: BaseException, where: str) -> StorageError | None:
    """``StorageFull`` / ``StorageIOError`` for an out-of-space or I/O failure anywhere in ``exc``'s chain."""
    seen: BaseException | None = exc
    while seen is not None:
        number = getattr(seen, "errno", None)
        text = str(seen).lower()
        if number in _FULL_ERRNOS or any(t in text for t in _FULL_TEXT):
            return StorageFull(f"Out of space writing {where}.")
        if number == errno.EIO or any(t in text for t in _EIO_TEXT):
            return StorageIOError(f"I/O error writing {where}.")
        seen = seen.__cause__ or seen.__context__
    return None


class SecretMismatch(LakehouseError):
    """This process's governance secret is not the one the catalog's HMACs (purged keys, hash masks) use."""

    code = "secret_mismatch"
    http_status = 500
    default_hint = ("Give every server and CLI on this catalog the same governance.secret (an env: reference, "
                    "e.g. LAKEHOUSE_GOVERNANCE__SECRET=env:LAKEHOUSE_SECRET_GOVERNANCE), the one it was first used "
                    "with: with another, purged keys could be written again and masks would not match.")


class Unavailable(LakehouseError):
    code = "unavailable"
    http_status = 503


class ComputeUnavailable(Unavailable):
    """The compute cluster (``compute.ray_address``) cannot be reached, or lost a worker mid-job."""

    code = "compute_unavailable"
    default_hint = ("Start the Ray cluster (ray start --head ...) or fix compute.ray_address, then run the job "
                    "again: nothing was committed.")


class ComputeTaskFailed(LakehouseError):
    """A task on the compute cluster failed for a reason other than its input (a worker died, a Ray error)."""

    code = "compute_task_failed"
    http_status = 502


class SourceError(LakehouseError):
    """A source database refused or broke off a request (bad credentials, dropped connection, ...)."""

    code = "source_error"
    http_status = 502


class ModelServerUnavailable(Unavailable):
    """The model server (Ollama) cannot be reached: nothing listens at its URL, or the connection broke."""

    code = "model_server_unavailable"
    default_hint = "Start the model server (ollama serve) or point models.url (LAKEHOUSE_MODELS__URL) at it."


class ModelServerTimeout(LakehouseError):
    """The model server took longer than the configured time to answer."""

    code = "model_server_timeout"
    http_status = 504
    default_hint = "Loading a large model can take minutes: raise models.timeout_seconds, or check the server's log."


class ModelServerError(LakehouseError):
    """The model server answered, but not as its API says (an error status, a body that is not its JSON)."""

    code = "model_server_error"
    http_status = 502


class ModelNotFound(NotFound):
    code = "model_not_found"
    default_hint = "Pull the model on the model server first (ollama pull NAME); GET /admin/vram lists what is loaded."


class VramInsufficient(Conflict):
    """Preloading would need more free GPU memory than there is; nothing was unloaded or loaded."""

    code = "vram_insufficient"


class RecipientUnauthorized(Unauthorized):
    """A Delta Sharing request whose bearer token is missing, unknown, revoked or expired."""

    code = "recipient_unauthorized"
    default_hint = ("Send the bearerToken of the profile file the share's owner gave you; a revoked or expired "
                    "recipient needs a new profile ('lakehouse shares recipients add').")


class SignedUrlInvalid(Forbidden):
    """A shared file URL that was not signed by this server, was altered, or has expired."""

    code = "signed_url_invalid"
    default_hint = ("File URLs live sharing.url_expiry_seconds; query the table again "
                    "(POST /delta-sharing/shares/{share}/schemas/{schema}/tables/{table}/query) for fresh ones.")


class HistoryNotShared(BadRequest):
    """A Delta Sharing request for an older version, a timestamp or changes: shares serve the current snapshot only."""

    code = "history_not_shared"
    default_hint = ("Shares serve the current snapshot only: leave out version, timestamp and startingVersion "
                    "(or ask for the version GET .../version returns).")
