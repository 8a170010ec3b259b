"""Errors that cross from a compute worker back to the coordinator.

Ray pickles a task's exception and raises it wrapped on the caller's side. A ``LakehouseError`` pickles
as its class called with the message alone, which loses the hint and fails for subclasses with another
signature; ``CarriedError`` keeps the code, HTTP status, message, hint and details, optionally prefixed
with what the task worked on (the file of an ingest)."""

from __future__ import annotations

from typing import Any

from lakehouse.errors import LakehouseError


class CarriedError(LakehouseError):
    @classmethod
    def of(cls, error: LakehouseError, label: str | None = None) -> CarriedError:
        if isinstance(error, CarriedError) and label is None:
            return error
        message = f"{label}: {error.message}" if label else error.message
        return cls._make(error.code, error.http_status, message, error.hint, error.details)

    @classmethod
    def _make(cls, code: str, status: int, message: str, hint: str | None, details: dict[str, Any]) -> CarriedError:
        carried = cls(message, hint=hint, details=details)
        carried.code, carried.http_status = code, status
        return carried

    def __reduce__(self) -> tuple[Any, ...]:
        return CarriedError._make, (self.code, self.http_status, self.message, self.hint, self.details)


def lakehouse_cause(error: BaseException | None, seen: set[int] | None = None) -> LakehouseError | None:
    """The innermost ``LakehouseError`` in ``error``'s chain, through Ray's task-error wrappers (``cause``;
    Ray also makes the wrapper an instance of the cause's class, whose message is Ray's traceback)."""
    seen = set() if seen is None else seen
    if not isinstance(error, BaseException) or id(error) in seen:
        return None
    seen.add(id(error))
    for inner in (getattr(error, "cause", None), error.__cause__, error.__context__):
        found = lakehouse_cause(inner, seen)
        if found is not None:
            return found
    return error if isinstance(error, LakehouseError) else None
