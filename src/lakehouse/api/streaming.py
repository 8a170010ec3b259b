"""A streamed response driven chunk by chunk from a generator that is always closed — when the stream ends,
fails, or the client goes away — so the query worker behind it is freed at once (uvicorn's ``send`` turns
silent after a disconnect, and a generator dropped mid-iteration waits for the garbage collector).

A failure after the status line went out cannot change the status: the body then ends without its final
chunk (clients see an incomplete body, never a short result that looks whole) and one line is logged."""

from __future__ import annotations

import logging
from collections.abc import Generator
from typing import Any

import anyio
from starlette.responses import StreamingResponse
from starlette.types import Send

from lakehouse.query.export import StreamFailed

log = logging.getLogger(__name__)
_END = object()


def _next(chunks: Generator[bytes, None, None]) -> Any:
    return next(chunks, _END)


class AbortableStreamingResponse(StreamingResponse):
    def __init__(self, chunks: Generator[bytes, None, None], media_type: str, headers: dict[str, str]):
        super().__init__(iter(()), media_type=media_type, headers=headers)
        self._chunks = chunks

    async def stream_response(self, send: Send) -> None:
        try:
            await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
            while True:
                # not abandoned on cancellation: a disconnect waits for the chunk being made, then stops
                chunk = await anyio.to_thread.run_sync(_next, self._chunks)
                if chunk is _END:
                    break
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        except StreamFailed as failed:
            log.warning("result stream ended early: %s: %s", failed.error.code, failed.error.message)
            return
        finally:
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(self._chunks.close)
        await send({"type": "http.response.body", "body": b"", "more_body": False})
