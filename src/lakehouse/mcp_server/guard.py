"""Per-call guards: the per-token rate limit, the per-call time limit, and errors as MCP errors carrying the
API's code, message and hint (never a traceback, never a secret)."""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from mcp.shared.exceptions import MCPError
from mcp_types import INTERNAL_ERROR, INVALID_PARAMS

from lakehouse.errors import LakehouseError, RateLimited

log = logging.getLogger(__name__)
T = TypeVar("T")

# JSON-RPC leaves -32000..-32099 to the server: one code per kind of refusal, the API's code and hint in data.
UNAUTHORIZED, FORBIDDEN_OR_MISSING, TIMED_OUT, RATE_LIMITED, SERVER_ERROR = -32001, -32002, -32003, -32004, -32000


def mcp_error(exc: LakehouseError) -> MCPError:
    status = exc.http_status
    code = (UNAUTHORIZED if status == 401 else FORBIDDEN_OR_MISSING if status in (403, 404) else
            TIMED_OUT if status == 408 else RATE_LIMITED if status == 429 else
            INVALID_PARAMS if 400 <= status < 500 else SERVER_ERROR)
    return MCPError(code, exc.message, {"code": exc.code, "hint": exc.hint, "http_status": status})


def internal_error(answer_id: str | None) -> MCPError:
    return MCPError(INTERNAL_ERROR, "Internal error: the call failed unexpectedly; it is logged on the server.",
                    {"code": "internal_error", "hint": "Retry; if it persists, report the request id.",
                     "http_status": 500, "request_id": answer_id})


class RateLimiter:
    """A sliding one-minute window per token (``key``), shared by every session of this process."""

    def __init__(self, per_minute: int):
        self._per_minute = per_minute
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, principal: str, key: str | None = None) -> None:
        now = time.monotonic()
        with self._lock:
            calls = self._calls.setdefault(key or principal, deque())
            while calls and now - calls[0] >= 60.0:
                calls.popleft()
            if len(calls) >= self._per_minute:
                wait = 60.0 - (now - calls[0])
                raise RateLimited(f"More than {self._per_minute} tool calls in a minute with this token of "
                                  f"'{principal}'.",
                                  hint=f"Retry in {wait:.0f} s; an admin can raise mcp.rate_limit_per_minute.")
            calls.append(now)


async def run_limited(fn: Callable[[], T], seconds: float) -> T:
    """Run a blocking library call in a worker thread; past ``seconds`` the agent gets a timeout error at once
    (the call's own limits, e.g. query.time_limit_seconds, end the work behind it)."""
    try:
        with anyio.fail_after(seconds):
            return await anyio.to_thread.run_sync(fn, abandon_on_cancel=True)
    except TimeoutError:
        raise MCPError(TIMED_OUT, f"The call ran longer than {seconds:g} s and was abandoned.",
                       {"code": "call_timeout", "hint": "Narrow the call (filters, LIMIT, smaller k); an admin "
                        "can raise mcp.call_time_limit_seconds.", "http_status": 408}) from None


def error_for(exc: BaseException, answer_id: str | None = None) -> MCPError:
    if isinstance(exc, MCPError):
        return exc
    if isinstance(exc, LakehouseError):
        return mcp_error(exc)
    log.error("MCP call %s failed", answer_id, exc_info=exc)
    return internal_error(answer_id)


def schema_error(tool: str, schema: dict[str, Any] | None, problems: list[dict[str, Any]]) -> MCPError:
    """Arguments that do not fit the tool's schema: which fields and why (not the values), and the schema."""
    fields = ", ".join(sorted({p["field"] for p in problems})) or "(arguments)"
    return MCPError(INVALID_PARAMS, f"Invalid arguments for tool '{tool}': {fields}.",
                    {"code": "invalid_arguments", "hint": "Send arguments that match input_schema.",
                     "http_status": 422, "errors": problems, "input_schema": schema})
