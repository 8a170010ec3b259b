"""Read ahead on a background thread so parsing overlaps with Parquet encoding.

CSV parsing (pyarrow) and the Delta writer (delta-rs) both release the GIL, so on two cores the
pipeline runs at the speed of its slower half instead of the sum of both (measured: 1.3 s instead of
1.8 s for a 1M-row, 15-column CSV). Memory stays bounded by ``depth`` batches in flight.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

import pyarrow as pa

_END = object()


class _Failure:
    def __init__(self, error: BaseException):
        self.error = error


def prefetch(reader: pa.RecordBatchReader, depth: int = 4) -> pa.RecordBatchReader:
    buffer: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                buffer.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for batch in reader:
                if not put(batch):
                    return
        except BaseException as exc:  # handed to the consumer, which re-raises it in its own thread
            put(_Failure(exc))
            return
        put(_END)

    def consume() -> Iterator[pa.RecordBatch]:
        thread = threading.Thread(target=produce, name="lakehouse-prefetch", daemon=True)
        thread.start()
        try:
            while True:
                item = buffer.get()
                if item is _END:
                    return
                if isinstance(item, _Failure):
                    raise item.error
                assert isinstance(item, pa.RecordBatch)
                yield item
        finally:
            stop.set()  # the writer stopped early (error, cancel): let the producer go
            thread.join(timeout=5)

    return pa.RecordBatchReader.from_batches(reader.schema, consume())


class ReadAhead:
    """Drain ``reader`` on a background thread from now on, buffering up to ``max_bytes`` (at least one
    batch) until a consumer starts: a source read that starts before its consumer is ready (the CLI opening
    the catalog) keeps going instead of stalling on a full pipe. Once ``reader()`` is being read, the
    buffer drains and then holds one batch ahead (memory as an ordinary stream). ``close()`` stops the
    thread and drops what it holds."""

    def __init__(self, reader: pa.RecordBatchReader, max_bytes: int):
        self.schema = reader.schema
        self._reader = reader
        self._max_bytes = max_bytes
        self._items: list[object] = []
        self._held = 0
        self._cond = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._produce, name="lakehouse-readahead", daemon=True)
        self._thread.start()

    def _produce(self) -> None:
        try:
            for batch in self._reader:
                with self._cond:
                    while self._held and self._held + batch.nbytes > self._max_bytes and not self._closed:
                        self._cond.wait()
                    if self._closed:
                        return
                    self._items.append(batch)
                    self._held += batch.nbytes
                    self._cond.notify_all()
            item: object = _END
        except BaseException as exc:  # handed to the consumer, which re-raises it in its own thread
            item = _Failure(exc)
        with self._cond:
            self._items.append(item)
            self._cond.notify_all()

    def _consume(self) -> Iterator[pa.RecordBatch]:
        with self._cond:  # the consumer is here: from now on hold one batch ahead, not max_bytes
            self._max_bytes = 0
            self._cond.notify_all()
        try:
            while True:
                with self._cond:
                    while not self._items:
                        self._cond.wait()
                    item = self._items.pop(0)
                    if isinstance(item, pa.RecordBatch):
                        self._held -= item.nbytes
                    self._cond.notify_all()
                if item is _END:
                    return
                if isinstance(item, _Failure):
                    raise item.error
                assert isinstance(item, pa.RecordBatch)
                yield item
        finally:
            self.close(wait=30.0)  # whoever closes the source next must find the thread out of it

    def reader(self) -> pa.RecordBatchReader:
        return pa.RecordBatchReader.from_batches(self.schema, self._consume())

    def close(self, wait: float = 0.0) -> bool:
        """Stop the thread and drop what it holds; with ``wait``, wait up to that long for the thread to leave
        the source (True when it has). The source must not be closed while the thread may still be reading
        it: closing a driver connection under a running fetch crashes the process (seen with ADBC)."""
        with self._cond:
            self._closed = True
            self._items.clear()
            self._held = 0
            self._cond.notify_all()
        if wait and self._thread is not threading.current_thread():
            self._thread.join(timeout=wait)
        return not self._thread.is_alive()
