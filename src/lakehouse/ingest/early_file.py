"""Start reading a local file before the lakehouse is open: the CLI's ``ingest file`` overlaps the file's
header and type inference, its SHA-256 and the parsing of its rows with its own start-up (imports, catalog
open), which hold the interpreter lock while pyarrow's parser and the hash do not.

The read is speculative and read-only: ``IngestService.ingest_file`` still runs every check in its order and
adopts the read only when the file and the read options are the same; a read nobody adopts, or one that
failed, is closed and the normal path opens the file itself (so every error is the one the normal path
reports, at the same point). Memory stays bounded by ``ingest.readahead_mb`` of parsed batches.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lakehouse.config import IngestSettings
    from lakehouse.ingest.readers import SourceReader


@dataclass(frozen=True)
class ReadKey:
    """What decides how a file is read: the same key reads the same batches."""

    path: Path
    format: str | None
    encoding: str | None
    delimiter: str | None
    on_error: str
    limits: Any  # IngestSettings (compared by value)


@dataclass
class StartedFile:
    reader: SourceReader  # already reading ahead on its own thread
    sha256: str

    def close(self) -> None:
        self.reader.close()


class EarlyFile:
    """Runs on a background thread from construction; ``take`` hands the started read over (once)."""

    def __init__(self, key: ReadKey, limits: IngestSettings):
        self._key, self._limits = key, limits
        self._started: StartedFile | None = None
        self._lock = threading.Lock()
        self._taken = False
        self.adopted = False  # whether an ingest took the read (tests and the curious)
        self._thread = threading.Thread(target=self._run, name="lakehouse-early-file", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from lakehouse.ingest.readers import open_source
        from lakehouse.ingest.seen import content_hash

        key = self._key
        reader: SourceReader | None = None
        try:
            reader = open_source(key.path, format=key.format, encoding=key.encoding, delimiter=key.delimiter,
                                 on_error=key.on_error, limits=self._limits)  # type: ignore[arg-type]
            reader.read_ahead(self._limits.readahead_mb << 20)
            with open(key.path, "rb") as handle:  # the ingest's own hash of the same bytes
                sha256 = content_hash(handle)
            started = StartedFile(reader, sha256)
        except BaseException:  # noqa: BLE001 - the normal path repeats the step and reports its own error
            if reader is not None:
                reader.close()
            return
        with self._lock:
            if self._taken:  # abandoned while starting
                started.close()
                return
            self._started = started

    def take(self, key: ReadKey) -> StartedFile | None:
        """The started read for exactly this file and these options, or None (the caller opens its own)."""
        self._thread.join()
        with self._lock:
            started, self._started, self._taken = self._started, None, True
        if started is None:
            return None
        if key != self._key:
            started.close()
            return None
        self.adopted = True
        return started

    def close(self) -> None:
        """Drop a read that was not taken (the command failed before it got there)."""
        with self._lock:
            started, self._started, self._taken = self._started, None, True
        if started is not None:
            with contextlib.suppress(Exception):
                started.close()


def read_key(path: Path, format: str | None, encoding: str | None, delimiter: str | None, on_error: str,
             limits: IngestSettings) -> ReadKey:
    return ReadKey(path.resolve(), format, encoding, delimiter, on_error, limits)
