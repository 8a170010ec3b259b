"""Whole results out of the lakehouse in bounded memory: an Arrow stream in, Arrow IPC / CSV chunks or a
file out (one batch in memory at a time)."""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pyarrow as pa

from lakehouse.errors import InvalidInput, LakehouseError
from lakehouse.query.results import csv_header, csv_rows

ERROR_KEY = b"lakehouse.error"
"""An IPC stream that fails after it started ends with an empty batch carrying this metadata key (the error
as JSON: code, message, hint) and no end-of-stream marker; ``RemoteLakehouse`` raises it as the error."""

FORMATS = {".parquet": "parquet", ".csv": "csv", ".arrow": "arrow", ".arrows": "arrows", ".feather": "arrow"}


class StreamFailed(Exception):
    """A stream failed after its first bytes were sent: the response must end without completing."""

    def __init__(self, error: LakehouseError):
        super().__init__(error.message)
        self.error = error


def after_first(first: pa.RecordBatch | None, rest: Generator[pa.RecordBatch, None, None]
                ) -> Generator[pa.RecordBatch, None, None]:
    """The first batch (computed before a response starts, so early errors keep their status), then the rest;
    the rest is closed however the stream ends, which frees its query worker."""
    try:
        if first is not None:
            yield first
            yield from rest
    finally:
        rest.close()


def ipc_chunks(schema: pa.Schema, batches: Iterator[pa.RecordBatch]) -> Generator[bytes, None, None]:
    """The Arrow IPC stream format, one chunk per batch (the schema first, the end marker last). Closing it
    closes ``batches`` (a generator)."""
    sink = io.BytesIO()
    writer = pa.ipc.new_stream(sink, schema)
    try:
        yield _drain(sink)
        for batch in batches:
            writer.write_batch(batch)
            yield _drain(sink)
    except LakehouseError as exc:
        body = {"code": exc.code, "message": exc.message, "hint": exc.hint}
        writer.write_batch(pa.RecordBatch.from_pylist([], schema=schema),
                           custom_metadata={ERROR_KEY: json.dumps(body).encode()})
        yield _drain(sink)
        raise StreamFailed(exc) from None
    finally:
        _close(batches)
    writer.close()
    yield _drain(sink)


def csv_chunks(schema: pa.Schema, batches: Iterator[pa.RecordBatch]) -> Generator[bytes, None, None]:
    try:
        yield csv_header(schema.names)
        for batch in batches:
            yield csv_rows(batch)
    except LakehouseError as exc:
        raise StreamFailed(exc) from None
    finally:
        _close(batches)


def parquet_chunks(schema: pa.Schema, batches: Iterator[pa.RecordBatch]) -> Generator[bytes, None, None]:
    """A Parquet file, one row group per batch, sent as it is written (the footer comes last)."""
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    writer = pq.ParquetWriter(sink, schema)
    try:
        for batch in batches:
            writer.write_batch(batch)
            yield _drain(sink)
    except LakehouseError as exc:
        raise StreamFailed(exc) from None
    finally:
        _close(batches)
    writer.close()
    yield _drain(sink)


def _close(batches: Iterator[pa.RecordBatch]) -> None:
    close = getattr(batches, "close", None)
    if close is not None:
        close()


def export_format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InvalidInput(f"Cannot tell the export format of '{path.name}' from its suffix.",
                           hint="Name the file .parquet, .csv, .arrow (Arrow IPC file) or .arrows (IPC stream).")
    return fmt


def write_file(reader: pa.RecordBatchReader, path: Path,
               progress: Callable[[int], None] | None = None) -> int:
    """Write every batch to ``path`` (format by suffix) and return the row count. The file appears only
    when complete: rows go to a hidden temporary file beside it, renamed into place at the end."""
    fmt = export_format(path)
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    rows = 0
    try:
        with _writer(fmt, partial, reader.schema) as write:
            for batch in reader:
                write(batch)
                rows += batch.num_rows
                if progress is not None:
                    progress(rows)
        os.replace(partial, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return rows


@contextlib.contextmanager
def _writer(fmt: str, path: Path, schema: pa.Schema) -> Iterator[Callable[[pa.RecordBatch], None]]:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        with pq.ParquetWriter(path, schema) as pw:
            yield pw.write_batch
    elif fmt == "csv":
        with open(path, "wb") as f:
            f.write(csv_header(schema.names))

            def write_csv(batch: pa.RecordBatch) -> None:
                f.write(csv_rows(batch))

            yield write_csv
    else:
        opener = pa.ipc.new_file if fmt == "arrow" else pa.ipc.new_stream
        with pa.OSFile(str(path), "wb") as sink, opener(sink, schema) as ipc:
            yield ipc.write_batch


def _drain(sink: io.BytesIO) -> bytes:
    data = sink.getvalue()
    sink.seek(0)
    sink.truncate()
    return data
