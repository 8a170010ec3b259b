"""One file of a many-file ingest on a compute worker: read and normalise it as any ingest does, conform
its rows to the job's table schema, drop tombstoned keys, and write them as one Parquet part file into the
table's folder. Nothing refers to the file until the coordinator commits every part in one Delta commit;
until then it is an unreferenced file that settling the write's intent sweeps.

Runs in a Ray task (pickled by reference: every node needs this package installed) or in this process.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from lakehouse.compute.errors import CarriedError
from lakehouse.config import IngestSettings
from lakehouse.errors import InvalidInput, LakehouseError
from lakehouse.ingest.readers import Reject, open_source
from lakehouse.ingest.seen import content_hash
from lakehouse.ingest.writer import PartsTarget
from lakehouse.storage import delta
from lakehouse.storage.buckets import filesystem_for
from lakehouse.storage.file_stats import FileStats


@dataclass(frozen=True)
class PartSource:
    """A file to read: ``location`` is a local path or a bucket file's URI (``s3://...``), already checked
    against the bucket's root by the coordinator; ``label`` is what lineage and errors call it."""

    label: str
    location: str
    storage_options: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PartOptions:
    format: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    on_error: Literal["fail", "skip"] = "fail"


@dataclass
class PartResult:
    index: int
    file: delta.AddedFile | None  # None: no rows left (the file is not kept)
    rows: int
    bytes: int
    filtered: int
    sample: pa.Table
    rejects: list[Reject]
    format: str
    sha256: str
    mapping: dict[str, Any]


def open_part(source: PartSource) -> Any:
    fs, path = filesystem_for(source.location, source.storage_options)
    return fs.open_input_file(path)


def write_part(index: int, source: PartSource, options: PartOptions, limits: IngestSettings, target: PartsTarget,
               sample_rows: int) -> PartResult:
    """Read ``source`` into one part file of ``target``'s table; a bad file raises its error, naming it."""
    try:
        return _write(index, source, options, limits, target, sample_rows)
    except LakehouseError as exc:
        raise CarriedError.of(exc, source.label) from None
    except OSError as exc:  # the file went away or cannot be read on this worker
        raise CarriedError.of(InvalidInput(f"cannot be read ({exc.strerror or exc})."), source.label) from None


def _write(index: int, source: PartSource, options: PartOptions, limits: IngestSettings, target: PartsTarget,
           sample_rows: int) -> PartResult:
    with open_part(source) as handle:
        sha256 = content_hash(handle)
    fs, root = filesystem_for(target.uri, target.storage_options)
    name = f"{target.prefix}-{index:05d}-{uuid.uuid4()}-c000.snappy.parquet"
    stats = FileStats(target.schema)
    sample: list[pa.RecordBatch] = []
    kept = filtered = 0
    with open_part(source) as handle:
        reader = open_source(handle, format=options.format, encoding=options.encoding, delimiter=options.delimiter,
                             on_error=options.on_error, limits=limits, name=source.label)
        try:
            fs.create_dir(root, recursive=True)
            with fs.open_output_stream(f"{root}/{name}") as out, \
                    pq.ParquetWriter(out, target.schema, compression="snappy") as parquet:
                for raw in reader.batches():
                    batch = delta.conform(raw, target.schema)
                    if target.gate is not None:
                        gated = target.gate(batch)
                        filtered += batch.num_rows - gated.num_rows
                        batch = gated
                    if not batch.num_rows:
                        continue
                    parquet.write_batch(batch)
                    stats.add(batch)
                    if kept < sample_rows:
                        sample.append(batch.slice(0, sample_rows - kept))
                    kept += batch.num_rows
            mapping, fmt, rejects, nbytes = reader.mapping.to_dict(), reader.format, reader.rejects, reader.bytes_read
        finally:
            reader.close()
    path = f"{root}/{name}"
    added = None
    if kept:
        size = fs.get_file_info(path).size or 0
        added = delta.AddedFile(name, size, int(time.time() * 1000), stats.to_json())
    else:
        fs.delete_file(path)
    return PartResult(index, added, kept, nbytes, filtered, pa.Table.from_batches(sample, target.schema),
                      rejects, fmt, sha256, mapping)
