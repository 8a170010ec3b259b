"""A streamed response that can fail after it started: the status line is gone, so it ends without its final
chunk (clients see an incomplete body, never a short result that looks whole) and logs one line."""

from __future__ import annotations

import logging

from starlette.responses import StreamingResponse
from starlette.types import Send

from lakehouse.query.export import StreamFailed

log = logging.getLogger(__name__)


class AbortableStreamingResponse(StreamingResponse):
    async def stream_response(self, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        try:
            async for chunk in self.body_iterator:  # a sync iterator was wrapped for the thread pool already
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        except StreamFailed as failed:
            log.warning("result stream ended early: %s: %s", failed.error.code, failed.error.message)
            return
        await send({"type": "http.response.body", "body": b"", "more_body": False})
