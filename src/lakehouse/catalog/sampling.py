"""Watch a stream of record batches on its way to the table: count it and keep a bounded sample."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import pyarrow as pa


class Cancelled(Exception):
    """Raised inside the stream when the job was cancelled; nothing gets committed."""


class StreamTap:
    """Counts rows/bytes, reports progress, checks cancellation and keeps a sample for PII detection.

    The sample is the first rows plus random slices of later batches, so a column whose first
    thousand rows are blank still gets inspected further down the file.
    """

    def __init__(
        self,
        reader: pa.RecordBatchReader,
        sample_rows: int,
        on_batch: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        seed: int = 0,
        on_end: Callable[[pa.Table], None] | None = None,
    ):
        self.schema = reader.schema
        self._reader = reader
        self._sample_rows = sample_rows
        self._on_batch = on_batch
        self._cancelled = cancelled
        self._on_end = on_end
        self._random = random.Random(seed)
        self._sample: list[pa.RecordBatch] = []
        self._sampled = 0
        self.rows = 0
        self.bytes = 0

    def _batches(self) -> Iterator[pa.RecordBatch]:
        for batch in self._reader:
            if self._cancelled is not None and self._cancelled():
                raise Cancelled("The job was cancelled; nothing was committed.")
            self._keep(batch)
            self.rows += batch.num_rows
            self.bytes += batch.nbytes
            if self._on_batch is not None:
                self._on_batch(self.rows, self.bytes)
            yield batch
        if self._on_end is not None:
            self._on_end(self.sample())  # the source is exhausted; the writer is still flushing

    def _keep(self, batch: pa.RecordBatch) -> None:
        if batch.num_rows == 0:
            return
        head = self._sample_rows // 2
        if self._sampled < head:
            take = batch.slice(0, head - self._sampled)
        else:
            want = max(1, self._sample_rows // 20)
            if self._sampled >= self._sample_rows * 2:
                return
            start = self._random.randrange(0, max(1, batch.num_rows - want + 1))
            take = batch.slice(start, want)
        # A slice shares its whole batch's buffers: copy the few sampled rows, or ~30 batches stay alive
        # until the commit (~200 MB of a 1M-row DB ingest).
        self._sample.append(pa.concat_batches([take]))
        self._sampled += take.num_rows

    def reader(self) -> pa.RecordBatchReader:
        return pa.RecordBatchReader.from_batches(self.schema, self._batches())

    def sample(self) -> pa.Table:
        if not self._sample:
            return self.schema.empty_table()
        table = pa.Table.from_batches(self._sample, schema=self.schema)
        if table.num_rows > self._sample_rows:
            table = table.slice(0, self._sample_rows)
        return table
