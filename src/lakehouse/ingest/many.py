"""Many files into one dataset in one commit (``ingest_files``): the files are read as if appended one after
the other (the first one replaces the rows with ``mode=overwrite``), and either all their rows become one
new version or none do.

Checked before the job is queued: every file opens and its schema fits (each file in turn against the
table and the files before it). The job then reads them here, as one stream into one Delta commit
(``compute.engine = "local"``), or on the Ray cluster, one task per file writing a Parquet part that the
coordinator commits with the others in one Delta commit (``"ray"``; ingest/fanout.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from lakehouse.compute.errors import CarriedError
from lakehouse.errors import InvalidInput, LakehouseError
from lakehouse.ingest.parts import PartOptions, PartResult, PartSource, open_part
from lakehouse.ingest.readers import open_source
from lakehouse.ingest.seen import content_hash
from lakehouse.storage import delta
from lakehouse.storage.schema import check_append_schema, to_delta_schema

MAX_FILES = 10_000


def check_count(sources: list[PartSource]) -> None:
    if not sources:
        raise InvalidInput("Name at least one file to ingest.")
    if len(sources) > MAX_FILES:
        raise InvalidInput(f"{len(sources)} files exceed the {MAX_FILES} one ingest takes.",
                           hint="Split them over several ingests.")


def read_schema(source: PartSource, options: PartOptions, limits: Any) -> pa.Schema:
    """The normalised schema of ``source`` (its header, or its Parquet footer): the file opens and parses."""
    try:
        with open_part(source) as handle:
            reader = open_source(handle, format=options.format, encoding=options.encoding,
                                 delimiter=options.delimiter, on_error=options.on_error, limits=limits,
                                 name=source.label)
            try:
                return reader.schema
            finally:
                reader.close()
    except LakehouseError as exc:
        raise CarriedError.of(exc, source.label) from None
    except OSError as exc:
        raise InvalidInput(f"{source.label}: cannot be read ({exc.strerror or exc}).") from None


def union_schema(first: pa.Schema, sources: list[PartSource], schemas: list[pa.Schema]) -> pa.Schema:
    """``first`` (the table's schema after the first file) widened by each file in turn, as successive
    appends would; a file that does not fit fails naming it."""
    merged = to_delta_schema(first)
    for source, schema in zip(sources, schemas, strict=True):
        try:
            merged = check_append_schema(merged, schema)
        except LakehouseError as exc:
            raise CarriedError.of(exc, source.label) from None
    return merged


@dataclass
class LocalFiles:
    """The files read here, one after the other, as one stream of batches shaped like ``schema``."""

    sources: list[PartSource]
    options: PartOptions
    limits: Any
    schema: pa.Schema
    record: Callable[[PartResult], None]

    def reader(self) -> pa.RecordBatchReader:
        return pa.RecordBatchReader.from_batches(self.schema, self._batches())

    def _batches(self) -> Iterator[pa.RecordBatch]:
        for index, source in enumerate(self.sources):
            try:
                yield from self._file(index, source)
            except LakehouseError as exc:
                raise CarriedError.of(exc, source.label) from None
            except OSError as exc:
                raise InvalidInput(f"{source.label}: cannot be read ({exc.strerror or exc}).") from None

    def _file(self, index: int, source: PartSource) -> Iterator[pa.RecordBatch]:
        with open_part(source) as handle:
            sha256 = content_hash(handle)
        rows = 0
        with open_part(source) as handle:
            reader = open_source(handle, format=self.options.format, encoding=self.options.encoding,
                                 delimiter=self.options.delimiter, on_error=self.options.on_error,
                                 limits=self.limits, name=source.label)
            try:
                for batch in reader.batches():
                    rows += batch.num_rows
                    yield delta.conform(batch, self.schema)
                self.record(PartResult(index, None, rows, reader.bytes_read, 0, self.schema.empty_table(),
                                               reader.rejects, reader.format, sha256, reader.mapping.to_dict()))
            finally:
                reader.close()


def file_summary(source: PartSource, result: PartResult) -> dict[str, Any]:
    """One file's facts for the job result and the lineage."""
    return {"source": source.label, "rows": result.rows, "format": result.format, "content_sha256": result.sha256,
            "rejected_rows": len(result.rejects)}


def rejects_lines(sources: list[PartSource], results: list[PartResult]) -> str:
    return "".join(json.dumps({"file": sources[r.index].label, "line": j.line, "reason": j.reason, "raw": j.raw})
                   + "\n" for r in results for j in r.rejects)
