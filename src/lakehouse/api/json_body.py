"""JSON request bodies are checked before any route parses them: where the text is broken (line and column,
what was expected), and how deep it nests (``server.max_json_depth``). Python's own decoder recurses per
level, so a body 5,000 arrays deep would otherwise fail as a bare 400 with no hint."""

from __future__ import annotations

import json
from typing import Any

import orjson
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lakehouse.api.errors import shaped

HINT = "Send one JSON value (an object for every route here) encoded as UTF-8; see /docs for each body."


def json_problem(body: bytes, max_depth: int) -> str | None:
    """Why ``body`` is not acceptable JSON, or None. orjson parses without recursing (it stops at 1,024
    levels); what it alone refuses (integers beyond 64 bits, NaN) gets a second opinion from the stdlib."""
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        if "recursion limit" in exc.msg:
            return f"The JSON body nests more than {max_depth} levels deep (server.max_json_depth)."
        try:
            value = json.loads(body)
        except RecursionError:
            return f"The JSON body nests more than {max_depth} levels deep (server.max_json_depth)."
        except UnicodeDecodeError as err:
            return f"The body is not UTF-8 text: byte {err.start} cannot be decoded."
        except json.JSONDecodeError as err:
            return f"The body is not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}."
    if body.count(b"[") + body.count(b"{") > max_depth and _deeper_than(value, max_depth):
        return f"The JSON body nests more than {max_depth} levels deep (server.max_json_depth)."
    return None


def _deeper_than(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        children = current.values() if isinstance(current, dict) else current
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > limit:
                    return True
                stack.append((child, depth + 1))
    return False


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers") or ():
        if name == b"content-type":
            media = value.split(b";")[0].strip().lower()
            return media == b"application/json" or (media.startswith(b"application/") and media.endswith(b"+json"))
    return False


class JsonBodyGuard:
    """Reads a JSON body whole (FastAPI would too), checks it, and replays it to the app; a bad one is
    answered 422 in the error shape before any route runs."""

    def __init__(self, app: ASGIApp, max_depth: int):
        self.app = app
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        problem = json_problem(body, self.max_depth) if body else None
        if problem is not None:
            request_id = scope.get("state", {}).get("request_id")
            error = {"code": "invalid_json", "message": problem, "hint": HINT, "request_id": request_id}
            await JSONResponse(shaped(scope.get("path", ""), 422, error), status_code=422)(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)
