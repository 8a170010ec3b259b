"""One entry point, :func:`open_source`, that streams CSV/TSV, JSON lines or Parquet in bounded memory.

Every reader yields Arrow record batches of at most ``limits.batch_rows`` rows with normalised column
names (see :mod:`lakehouse.ingest.normalize`), and fails with a 422 error (``MalformedFile``,
``LimitExceeded`` or ``InvalidInput``) whose message says what to fix, with a 1-based line number where
there is one. With ``on_error="skip"`` bad rows are left out and listed in ``SourceReader.rejects``
(available once the batches are consumed); limits and encoding errors always fail.

Inputs: a path, or a binary stream. A stream (an upload, possibly not seekable) is first spooled to a
temp file, because every reader needs a second look at the file (CSV line numbers, Parquet footer).
Text is UTF-8 by default (a BOM is dropped); with ``encoding=`` the file is transcoded to a UTF-8 temp
file chunk by chunk first. A gzip, bzip2, xz or zstd file is decompressed to a temp file first
(:mod:`lakehouse.ingest.compressed`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal, Protocol

import pyarrow as pa

from lakehouse.config import IngestSettings
from lakehouse.errors import InvalidInput, LimitExceeded, MalformedFile
from lakehouse.ingest.compressed import compression_of, decompress, inner_name
from lakehouse.ingest.encoding import BOM, check_utf8_sample, transcode_to_utf8
from lakehouse.ingest.normalize import ColumnMapping
from lakehouse.ingest.readers_base import Progress, Reject

if TYPE_CHECKING:
    from lakehouse.ingest.prefetch import ReadAhead

__all__ = ["FORMATS", "Reject", "SourceReader", "open_source"]

FORMATS = ("csv", "tsv", "jsonl", "parquet")
_SUFFIXES = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".parquet": "parquet", ".pq": "parquet",
}  # fmt: skip
_SAMPLE_BYTES = 1 << 20


class _Source(Protocol):
    mapping: ColumnMapping
    schema: pa.Schema

    def batches(self) -> Iterator[pa.RecordBatch]: ...

    def close(self) -> None: ...


class SourceReader:
    """A file being read: its format, column mapping, schema and batches, with progress counters."""

    def __init__(self, fmt: str, source: _Source, progress: Progress, total_bytes: int | None,
                 temp_files: list[Path]) -> None:  # fmt: skip
        self.format = fmt
        self.mapping = source.mapping
        self.schema = source.schema
        self.total_bytes = total_bytes
        self._source, self._progress, self._temp_files = source, progress, temp_files
        self._started = False
        self._ahead: ReadAhead | None = None

    @property
    def rows_read(self) -> int:
        return self._progress.rows_read

    @property
    def bytes_read(self) -> int:
        return self._progress.bytes_read

    @property
    def rejects(self) -> list[Reject]:
        return self._progress.rejects

    def batches(self) -> Iterator[pa.RecordBatch]:
        """The file's rows, once; raises the file's first problem when ``on_error="fail"``."""
        if self._started:
            raise RuntimeError("SourceReader.batches() can be consumed only once.")
        self._started = True
        yield from self._source.batches()
        if self.total_bytes is not None:
            self._progress.bytes_read = self.total_bytes

    def to_reader(self) -> pa.RecordBatchReader:
        if self._ahead is not None:
            return self._ahead.reader()
        return pa.RecordBatchReader.from_batches(self.schema, self.batches())

    def read_ahead(self, max_bytes: int) -> None:
        """Parse on a background thread from now on, holding up to ``max_bytes`` of batches until
        ``to_reader()`` is read (see ingest.early_file)."""
        from lakehouse.ingest.prefetch import ReadAhead

        self._ahead = ReadAhead(pa.RecordBatchReader.from_batches(self.schema, self.batches()), max_bytes)

    def close(self) -> None:
        # a parser thread still inside the file keeps it: closing the generator under it would raise
        if self._ahead is None or self._ahead.close(wait=30.0):
            self._source.close()
        for path in self._temp_files:
            path.unlink(missing_ok=True)
        self._temp_files = []

    def __enter__(self) -> SourceReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _spool(stream: BinaryIO, limits: IngestSettings) -> Path:
    out = tempfile.NamedTemporaryFile(prefix="lakehouse-upload-", delete=False)  # noqa: SIM115
    size = 0
    try:
        with out:
            while chunk := stream.read(1 << 20):
                size += len(chunk)
                if size > limits.max_upload_bytes:
                    raise LimitExceeded(
                        f"The upload is larger than {limits.max_upload_bytes:,} bytes.",
                        hint="Raise ingest.max_upload_bytes or ingest the file from a bucket path.",
                        details={"setting": "ingest.max_upload_bytes"},
                    )
                out.write(chunk)
    except BaseException:
        Path(out.name).unlink(missing_ok=True)
        raise
    return Path(out.name)


def _detect_format(name: str | None, sample: bytes) -> str:
    if name:
        suffixes = [s.lower() for s in Path(name).suffixes]
        if suffixes and suffixes[-1] in _SUFFIXES:
            return _SUFFIXES[suffixes[-1]]
    if sample.startswith(b"PAR1"):
        return "parquet"
    if sample.lstrip(BOM + b" \t\r\n").startswith(b"{"):
        return "jsonl"
    return "csv"


def open_source(
    source: str | Path | BinaryIO,
    *,
    format: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    on_error: Literal["fail", "skip"] = "fail",
    limits: IngestSettings,
    name: str | None = None,
) -> SourceReader:
    """Open ``source`` for streaming. ``format`` is inferred from the file name (``name`` when the
    source's own name says nothing, e.g. a staged upload or a stream), then the content."""
    if format is not None and format.lower() not in FORMATS:
        raise InvalidInput(f"Unknown format {format!r}.", hint=f"Use one of: {', '.join(FORMATS)}.")
    if on_error not in ("fail", "skip"):
        raise InvalidInput(f"on_error must be 'fail' or 'skip', not {on_error!r}.")
    if delimiter is not None and len(delimiter) != 1:
        raise InvalidInput(f"The delimiter must be one character, not {delimiter!r}.")
    temp_files: list[Path] = []
    hint = name
    try:
        if isinstance(source, str | Path):
            path, name = Path(source), str(source)
            if not path.is_file():
                raise InvalidInput(f"No such file: {path}.")
        else:
            given = getattr(source, "name", None)
            name = given if isinstance(given, str) else None
            path = _spool(source, limits)
            temp_files.append(path)
        with open(path, "rb") as f:
            sample = f.read(_SAMPLE_BYTES)
        codec = compression_of(sample)
        if codec is not None:  # people.csv.gz: read as the CSV inside
            path = decompress(path, codec, limits.max_upload_bytes)
            temp_files.append(path)
            hint, name = inner_name(hint), inner_name(name)
            with open(path, "rb") as f:
                sample = f.read(_SAMPLE_BYTES)
        total = path.stat().st_size
        fmt = format.lower() if format else _detect_format(hint or name, sample)
        reader = _open(path, fmt, sample, encoding, delimiter, on_error, limits, temp_files)
        return SourceReader(fmt, reader[0], reader[1], total, temp_files)
    except BaseException:
        for p in temp_files:
            p.unlink(missing_ok=True)
        raise


def _open(
    path: Path, fmt: str, sample: bytes, encoding: str | None, delimiter: str | None, on_error: str,
    limits: IngestSettings, temp_files: list[Path],
) -> tuple[_Source, Progress]:  # fmt: skip
    progress = Progress()
    if fmt == "parquet":
        from lakehouse.ingest.readers_parquet import ParquetSource

        return ParquetSource(path, limits, progress), progress
    if encoding is not None and encoding.replace("_", "-").lower() not in ("utf-8", "utf8", "utf-8-sig"):
        path = transcode_to_utf8(path, encoding)
        temp_files.append(path)
        with open(path, "rb") as f:
            sample = f.read(_SAMPLE_BYTES)
    start = len(BOM) if sample.startswith(BOM) else 0
    if not sample[start:].strip():
        raise MalformedFile("The file is empty.", hint="Upload a file with a header and data rows.")
    check_utf8_sample(path, sample, start)
    if fmt == "jsonl":
        from lakehouse.ingest.readers_json import JsonLinesSource

        return JsonLinesSource(path, start, limits, on_error, progress), progress
    from lakehouse.ingest.readers_csv import CsvSource, sniff_delimiter

    if delimiter is None:
        delimiter = "\t" if fmt == "tsv" else sniff_delimiter(sample[start:].split(b"\n", 1)[0])
    return CsvSource(path, start, delimiter, limits, on_error, progress), progress
