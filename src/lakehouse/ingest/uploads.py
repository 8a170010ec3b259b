"""An upload, staged to a file of its own before it is ingested (the HTTP API's and the console's forms)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import BinaryIO

from lakehouse.errors import LimitExceeded

CHUNK = 1024 * 1024


def stage_upload(stream: BinaryIO, staging: Path, limit: int) -> Path:
    """Copy ``stream`` to a new file under ``staging``; more than ``limit`` bytes is refused and leaves nothing."""
    target = staging / f"upload-{uuid.uuid4().hex}"
    written = 0
    with open(target, "wb") as out:
        while chunk := stream.read(CHUNK):
            written += len(chunk)
            if written > limit:
                out.close()
                target.unlink(missing_ok=True)
                raise LimitExceeded(f"The upload exceeds ingest.max_upload_bytes ({limit} bytes).",
                                    hint="Put the file in a bucket and ingest it by path, or raise the limit.")
            out.write(chunk)
    return target
