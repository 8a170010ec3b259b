"""CSV/TSV: a fast pyarrow path, and an exact Python path that knows every row's line number.

Why two paths: pyarrow's multi-threaded streaming parser is the fastest reader measured here, but it does
not know line numbers. Every batch is parsed as strings (structure only) and then cast to the inferred
types here, so each check (field size, types) is ours. On the first problem -- a ragged row, an unbalanced
quote, bad UTF-8, an oversize field, a value not fitting its column type, a row larger than a parse
block -- reading continues with the ``csv`` module from the first row not yet handed out. That path
counts physical lines, so errors (``on_error="fail"``) and rejects (``"skip"``) carry exact 1-based line
numbers. Nothing already handed out is read twice.

Types are inferred from a sample (the first ~32k rows / ~4 MB) and then fixed: a later value that does
not fit fails with its line and column (or is rejected with ``on_error="skip"``); it never becomes null.
Empty fields are null. The header is the first physical line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from lakehouse.config import IngestSettings
from lakehouse.errors import LimitExceeded, MalformedFile
from lakehouse.ingest.encoding import encoding_error, find_invalid_utf8
from lakehouse.ingest.normalize import ColumnMapping
from lakehouse.ingest.readers_base import Progress, Reject, check_column_count, clip, field_too_large, sliced

BLOCK_SIZE = 512 << 10  # pyarrow reads 32 blocks ahead: ~16 MB of buffers; larger blocks were not faster
SLOW_BATCH_ROWS = 8192
SAMPLE_ROWS, SAMPLE_BYTES = 32_768, 4 << 20
MAX_HEADER_BYTES = 64 << 20
_CANDIDATES = (
    pa.int64(),
    pa.float64(),
    pa.bool_(),
    pa.date32(),
    pa.timestamp("us"),
    pa.timestamp("us", "UTC"),
)
_SCREEN_ROWS = 64
_CAST_ERRORS = (pa.ArrowInvalid, pa.ArrowNotImplementedError)


@dataclass
class _Chunk:
    batch: pa.RecordBatch  # all columns as strings
    start: int  # index of its first row among the good rows of the file
    lines: list[int] | None  # physical line of each row, when read by the exact path


def sniff_delimiter(first_line: bytes) -> str:
    counts = {d: first_line.count(d.encode()) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def read_header(path: Path, start: int, delimiter: str, limits: IngestSettings) -> tuple[list[str], int]:
    """The header's fields and the byte offset of the first data line; too many columns fails early."""
    delim = delimiter.encode()
    buf = b""
    with open(path, "rb") as f:
        f.seek(start)
        while True:
            chunk = f.read(1 << 20)
            buf += chunk
            end = buf.find(b"\n")
            head = buf if end < 0 else buf[:end]
            if b'"' not in head:  # without quotes the count is exact, so refuse before reading on
                check_column_count(head.count(delim) + 1, limits)
            if end >= 0 or not chunk:
                break
            if len(buf) > MAX_HEADER_BYTES:
                raise LimitExceeded(f"The header line is longer than {MAX_HEADER_BYTES >> 20} MB.")
    text = head.decode("utf-8").rstrip("\r")
    names = next(csv.reader([text], delimiter=delimiter, strict=False), [])
    check_column_count(len(names), limits)
    return names, start + (len(buf) if end < 0 else end + 1)


def _infer(column: pa.ChunkedArray) -> pa.DataType:
    values = column.drop_null()
    if len(values) == 0:
        return pa.string()
    if pc.any(pc.match_substring_regex(values, r"^[+-]?0[0-9]")).as_py():
        return pa.string()  # leading zeros (zip codes, ids) are text, not numbers
    head = values.slice(0, _SCREEN_ROWS)
    for candidate in _CANDIDATES:
        try:
            # A failing cast of the whole sample costs milliseconds even when its first value fails: screen
            # the first values (failing there fails for the sample), which rules out most candidates.
            pc.cast(head, candidate)
            pc.cast(values, candidate)
        except _CAST_ERRORS:
            continue
        return candidate
    return pa.string()


def _bad_rows(col: pa.Array, typ: pa.DataType, lo: int, hi: int) -> list[int]:
    try:
        pc.cast(col.slice(lo, hi - lo), typ)
        return []
    except _CAST_ERRORS:
        if hi - lo == 1:
            return [lo]
    mid = (lo + hi) // 2
    return _bad_rows(col, typ, lo, mid) + _bad_rows(col, typ, mid, hi)


def _raw(row: list[str], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="").writerow(row)
    return clip(out.getvalue())


class CsvSource:
    def __init__(
        self, path: Path, start: int, delimiter: str, limits: IngestSettings, on_error: str,
        progress: Progress,
    ) -> None:  # fmt: skip
        self.path, self.delimiter, self.limits, self.on_error = path, delimiter, limits, on_error
        self.progress = progress
        names, self.data_start = read_header(path, start, delimiter, limits)
        self.ncols = len(names)
        self.mapping = ColumnMapping.from_names(names)
        self._restart_at: int | None = None
        self._typed_from: int | None = None
        self._chunks = self._string_chunks()
        self._sample: list[_Chunk] = []
        rows = size = 0
        while rows < SAMPLE_ROWS and size < SAMPLE_BYTES:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._sample.append(chunk)
            rows += chunk.batch.num_rows
            size += chunk.batch.nbytes
        if rows == 0:
            what = "no valid data rows" if progress.rejects else "a header but no data rows"
            raise MalformedFile(
                f"The file has {what}.", hint="Add data rows below the header, or check the delimiter."
            )
        types = [
            _infer(pa.chunked_array([c.batch.column(i) for c in self._sample])) for i in range(self.ncols)
        ]
        self.schema = pa.schema([pa.field(n, t) for n, t in zip(self.mapping.normalized, types, strict=True)])
        self._sample_rows = rows
        if all(c.lines is None for c in self._sample) and not _blank_line_within(path, self.data_start, rows):
            self._typed_from = rows  # past the sample, parse straight into the inferred types

    # -- string batches ---------------------------------------------------------------------------------
    def _string_chunks(self) -> Generator[_Chunk, None, None]:
        return self._fast_chunks(0, typed=False)

    def _fast_chunks(self, start: int, *, typed: bool) -> Generator[_Chunk, None, None]:
        """pyarrow's multi-threaded reader from data row ``start``: all columns as text for the inference
        sample, then (``typed``) straight into the inferred types, with no string copies or casts.

        ``skip_rows_after_names`` counts blank lines too, so the typed hand-over only happens when the
        sample's part of the file has none. A malformed row or a value that does not fit its type falls
        back to the exact path from the last row handed out, which names the line."""
        names = [f"f{i}" for i in range(self.ncols)]
        types = [f.type for f in self.schema] if typed else [pa.string()] * self.ncols
        source = pa.OSFile(str(self.path))
        source.seek(self.data_start)
        hand_over = False
        try:
            reader = pacsv.open_csv(
                source,
                read_options=pacsv.ReadOptions(
                    block_size=BLOCK_SIZE, use_threads=True, column_names=names, skip_rows_after_names=start
                ),
                parse_options=pacsv.ParseOptions(delimiter=self.delimiter, newlines_in_values=True),
                convert_options=pacsv.ConvertOptions(
                    column_types=dict(zip(names, types, strict=True)),
                    null_values=[""],
                    strings_can_be_null=True,
                    quoted_strings_can_be_null=True,
                ),
            )
            with reader:
                for batch in reader:
                    if self._oversize(batch):
                        break
                    self.progress.bytes_read = source.tell()
                    yield _Chunk(batch, start, None)
                    start += batch.num_rows
                    if self._restart_at is not None:
                        start, self._restart_at = self._restart_at, None
                        break
                    if not typed and self._typed_from is not None and start == self._typed_from:
                        hand_over = True
                        break
                else:
                    return
        except pa.ArrowInvalid:
            pass  # the exact path below names the line and the problem
        finally:
            source.close()
        if hand_over:
            yield from self._fast_chunks(start, typed=True)
            return
        yield from self._exact_chunks(start)

    def _oversize(self, batch: pa.RecordBatch) -> bool:
        limit = self.limits.max_field_bytes
        if batch.nbytes <= limit:
            return False
        return any((pc.max(pc.binary_length(col)).as_py() or 0) > limit for col in batch.columns
                   if pa.types.is_string(col.type) or pa.types.is_binary(col.type))

    def _exact_chunks(self, skip_rows: int) -> Iterator[_Chunk]:
        limit = self.limits.max_field_bytes
        csv.field_size_limit(max(csv.field_size_limit(), limit + 1))
        header_lines = 1
        good = 0
        rows: list[list[str]] = []
        lines: list[int] = []
        with open(self.path, "rb") as raw:
            raw.seek(self.data_start)
            text = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
            reader = csv.reader(text, delimiter=self.delimiter, strict=False)
            prev = 0
            while True:
                first = header_lines + prev + 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except UnicodeDecodeError:
                    bad = find_invalid_utf8(self.path, self.data_start)
                    line, offset = bad if bad else (None, self.data_start)
                    raise encoding_error(
                        self.path, None if line is None else line + header_lines, offset
                    ) from None
                except csv.Error as exc:
                    if reader.line_num - prev > 1:
                        raise self._unbalanced(first) from None
                    raise field_too_large(first, "?", limit + 1, self.limits) from exc
                last, prev = header_lines + reader.line_num, reader.line_num
                if not row:
                    continue
                if len(row) != self.ncols:
                    if last > first and any("\n" in v for v in row):
                        problem = f"unbalanced quote starting at line {first}"
                    else:
                        problem = f"line {first}: expected {self.ncols} fields, found {len(row)}"
                    if self.on_error == "fail":
                        raise MalformedFile(problem, hint=self._hint(), details={"line": first})
                    self.progress.rejects.append(Reject(first, problem, _raw(row, self.delimiter)))
                    continue
                for i, value in enumerate(row):
                    if len(value) * 4 > limit and len(value.encode()) > limit:
                        raise field_too_large(
                            first, self.mapping.originals[i], len(value.encode()), self.limits
                        )
                if good < skip_rows:
                    good += 1
                    continue
                rows.append(row)
                lines.append(first)
                if len(rows) >= SLOW_BATCH_ROWS:
                    yield self._to_chunk(rows, lines, good)
                    good += len(rows)
                    rows, lines = [], []
                self.progress.bytes_read = raw.tell()
            if rows:
                yield self._to_chunk(rows, lines, good)

    def _to_chunk(self, rows: list[list[str]], lines: list[int], start: int) -> _Chunk:
        columns = [pa.array([r[i] or None for r in rows], pa.string()) for i in range(self.ncols)]
        return _Chunk(
            pa.RecordBatch.from_arrays(columns, names=[f"f{i}" for i in range(self.ncols)]), start, lines
        )

    def _unbalanced(self, line: int) -> MalformedFile:
        return MalformedFile(
            f"unbalanced quote starting at line {line}", hint=self._hint(), details={"line": line}
        )

    def _hint(self) -> str:
        return 'Fix the row, or pass --on-error skip (API: "on_error": "skip") to keep the good rows.'

    # -- typed batches ----------------------------------------------------------------------------------
    def _typed(self, chunk: _Chunk) -> pa.RecordBatch | None:
        arrays: list[pa.Array] = []
        for i, f in enumerate(self.schema):
            col = chunk.batch.column(i)
            if f.type != pa.string():
                try:
                    col = pc.cast(col, f.type)
                except _CAST_ERRORS:
                    if chunk.lines is None:
                        return None
                    return self._typed(self._drop_bad(chunk))
            arrays.append(col)
        return pa.RecordBatch.from_arrays(arrays, schema=self.schema)

    def _drop_bad(self, chunk: _Chunk) -> _Chunk:
        assert chunk.lines is not None
        bad: dict[int, str] = {}
        n = chunk.batch.num_rows
        for i, f in enumerate(self.schema):
            if f.type == pa.string():
                continue
            col = chunk.batch.column(i)
            for row in _bad_rows(col, f.type, 0, n):
                if row not in bad:
                    line = chunk.lines[row]
                    bad[row] = (
                        f"line {line}, column '{self.mapping.originals[i]}': value {col[row].as_py()!r} "
                        f"is not {f.type} (the type inferred from the first {self._sample_rows:,} rows)"
                    )
        first = min(bad)
        if self.on_error == "fail":
            raise MalformedFile(
                bad[first],
                hint='Fix the value, or pass --on-error skip (API: "on_error": "skip") to reject such rows.',
                details={"line": chunk.lines[first]},
            )
        for row in sorted(bad):
            values = [chunk.batch.column(c)[row].as_py() or "" for c in range(self.ncols)]
            self.progress.rejects.append(Reject(chunk.lines[row], bad[row], _raw(values, self.delimiter)))
        keep = [r for r in range(n) if r not in bad]
        return _Chunk(
            chunk.batch.take(pa.array(keep, pa.int64())), chunk.start, [chunk.lines[r] for r in keep]
        )

    def batches(self) -> Iterator[pa.RecordBatch]:
        sample, self._sample = self._sample, []
        for chunk in _chain(sample, self._chunks):
            typed = self._typed(chunk)
            if typed is None:
                self._restart_at = chunk.start  # the exact path re-reads this chunk with line numbers
                continue
            self.progress.rows_read += typed.num_rows
            yield from sliced(typed, self.limits.batch_rows)

    def close(self) -> None:
        self._chunks.close()


def _chain(first: list[_Chunk], rest: Iterator[_Chunk]) -> Iterator[_Chunk]:
    yield from first
    yield from rest


def _blank_line_within(path: Path, start: int, records: int) -> bool:
    """Whether a blank line appears before the first ``records`` data records (conservatively: a
    quoted value holding an empty line counts too, which only costs the faster path)."""
    seen, previous = 0, b"\n"
    with open(path, "rb") as handle:
        handle.seek(start)
        while seen <= records:
            block = handle.read(1 << 20)
            if not block:
                return False
            text = previous + block
            if b"\n\n" in text or b"\n\r\n" in text:
                return True
            seen += block.count(b"\n")
            previous = block[-2:]
    return False

