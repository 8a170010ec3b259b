"""JSON lines: pyarrow.json over chunks of whole lines, so every error can name its line.

The schema is inferred from the first chunk (~4 MB) and then fixed. A later line that does not fit
(bad JSON, not an object, a new field, a value of another type) fails with its line number, or is
rejected with ``on_error="skip"``: a failing chunk is re-read line by line.
"""

from __future__ import annotations

import io
import json
from collections.abc import Generator, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.json as pajson

from lakehouse.config import IngestSettings
from lakehouse.errors import MalformedFile
from lakehouse.ingest.encoding import encoding_error
from lakehouse.ingest.normalize import ColumnMapping
from lakehouse.ingest.readers_base import (
    Progress,
    Reject,
    check_column_count,
    clip,
    conform,
    field_too_large,
    sliced,
    storable_schema,
)

CHUNK_BYTES = 4 << 20


class JsonLinesSource:
    def __init__(
        self, path: Path, start: int, limits: IngestSettings, on_error: str, progress: Progress
    ) -> None:
        self.path, self.start, self.limits = path, start, limits
        self.on_error, self.progress = on_error, progress
        self._chunks = self._line_chunks()
        first = next(self._chunks, None)
        while first is not None and not first[1].strip():
            first = next(self._chunks, None)
        if first is None:
            raise MalformedFile("The file has no JSON lines.", hint="Put one JSON object per line.")
        self._first = first
        try:
            table = pajson.read_json(io.BytesIO(first[1]))
            raw_schema = table.schema
        except pa.ArrowInvalid:
            raw_schema = self._schema_line_by_line(first)
        check_column_count(len(raw_schema), limits, "first JSON object")
        self.raw_schema = raw_schema
        self.mapping = ColumnMapping.from_names(raw_schema.names)
        self.schema = storable_schema(raw_schema, self.mapping)

    def _line_chunks(self) -> Generator[tuple[int, bytes], None, None]:
        """(1-based line of the chunk's first line, bytes of whole lines)."""
        line, rest = 1, b""
        with open(self.path, "rb") as f:
            f.seek(self.start)
            while True:
                data = f.read(CHUNK_BYTES)
                buf = rest + data
                cut = buf.rfind(b"\n") + 1 if data else len(buf)
                if len(buf) - cut > self.limits.max_field_bytes:
                    raise field_too_large(
                        line + buf.count(b"\n", 0, cut), "(a JSON line)", len(buf) - cut, self.limits
                    )
                chunk, rest = buf[:cut], buf[cut:]
                if chunk:
                    self.progress.bytes_read = f.tell() - len(rest)
                    yield line, chunk
                    line += chunk.count(b"\n")
                if not data:
                    return

    def _schema_line_by_line(self, first: tuple[int, bytes]) -> pa.Schema:
        good = [ln for _, ln, problem in self._check_lines(first, None) if problem is None]
        if not good:
            _, _, problem = next(iter(self._check_lines(first, None)))
            raise MalformedFile(str(problem), hint="Put one JSON object per line.")
        lo, hi = 1, len(good)  # the longest prefix of good lines that agrees on one schema
        while lo < hi:
            mid = (lo + hi + 1) // 2
            try:
                pajson.read_json(io.BytesIO(b"\n".join(good[:mid])))
                lo = mid
            except pa.ArrowInvalid:
                hi = mid - 1
        return pajson.read_json(io.BytesIO(b"\n".join(good[:lo]))).schema

    def _check_lines(
        self, chunk: tuple[int, bytes], schema: pa.Schema | None
    ) -> Iterator[tuple[int, bytes, str | None]]:
        opts = (
            pajson.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error") if schema else None
        )
        first, data = chunk
        for n, raw in enumerate(data.split(b"\n")):
            if not raw.strip():
                continue
            line = first + n
            try:
                value = json.loads(raw)
            except UnicodeDecodeError:
                raise encoding_error(self.path, line, self.start) from None
            except ValueError as exc:
                yield line, raw, f"line {line}: invalid JSON: {exc}"
                continue
            except RecursionError:
                yield line, raw, f"line {line}: the JSON value nests too deeply"
                continue
            if not isinstance(value, dict):
                yield line, raw, f"line {line}: expected a JSON object, found {type(value).__name__}"
                continue
            try:
                pajson.read_json(io.BytesIO(raw), parse_options=opts)
            except pa.ArrowInvalid as exc:
                yield line, raw, f"line {line}: {exc} (schema from the first {CHUNK_BYTES >> 20} MB)"
                continue
            yield line, raw, None

    def _read(self, chunk: tuple[int, bytes]) -> list[pa.Table]:
        """The chunk's rows; a failing chunk is halved until the bad lines are found (few parses)."""
        first, data = chunk
        if not data.strip():
            return []
        opts = pajson.ParseOptions(explicit_schema=self.raw_schema, unexpected_field_behavior="error")
        try:
            return [pajson.read_json(io.BytesIO(data), parse_options=opts)]
        except pa.ArrowInvalid:
            pass
        parts = data.split(b"\n")
        if sum(1 for p in parts if p.strip()) > 1:
            mid = len(parts) // 2
            left = (first, b"\n".join(parts[:mid]) + b"\n")
            return self._read(left) + self._read((first + mid, b"\n".join(parts[mid:])))
        for line, raw, problem in self._check_lines(chunk, self.raw_schema):
            problem = problem or f"line {line}: could not be read with the inferred schema"
            if self.on_error == "fail":
                raise MalformedFile(
                    problem,
                    hint="Fix the line, or pass --on-error skip to reject such lines.",
                    details={"line": line},
                )
            self.progress.rejects.append(Reject(line, problem, clip(raw.decode("utf-8", "replace"))))
        return []

    def batches(self) -> Iterator[pa.RecordBatch]:
        first, self._first = self._first, (0, b"")
        for chunk in _chain(first, self._chunks):
            if not chunk[1].strip():
                continue
            for table in self._read(chunk):
                for batch in table.to_batches(max_chunksize=self.limits.batch_rows):
                    out = conform(batch, self.schema, self.mapping)
                    self.progress.rows_read += out.num_rows
                    yield from sliced(out, self.limits.batch_rows)

    def close(self) -> None:
        self._chunks.close()


def _chain(first: tuple[int, bytes], rest: Iterator[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
    if first[1]:
        yield first
    yield from rest
