"""Parquet: ``ParquetFile.iter_batches`` (row group by row group), types made storable for Delta."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from lakehouse.config import IngestSettings
from lakehouse.errors import MalformedFile
from lakehouse.ingest.normalize import ColumnMapping
from lakehouse.ingest.readers_base import Progress, check_column_count, conform, storable_schema


class ParquetSource:
    def __init__(self, path: Path, limits: IngestSettings, progress: Progress) -> None:
        self.limits, self.progress = limits, progress
        try:
            self._file = pq.ParquetFile(str(path))
            raw_schema = self._file.schema_arrow
        except (pa.ArrowInvalid, OSError) as exc:
            raise MalformedFile(
                f"Not a readable Parquet file: {exc}", hint="Check the file, or pass the right format."
            ) from None
        check_column_count(len(raw_schema), limits, "Parquet schema")
        self.mapping = ColumnMapping.from_names(raw_schema.names)
        self.schema = storable_schema(raw_schema, self.mapping)
        self._rows_total = self._file.metadata.num_rows
        self._size = path.stat().st_size

    def batches(self) -> Iterator[pa.RecordBatch]:
        try:
            for batch in self._file.iter_batches(batch_size=self.limits.batch_rows):
                out = conform(batch, self.schema, self.mapping)
                self.progress.rows_read += out.num_rows
                if self._rows_total:
                    self.progress.bytes_read = self._size * self.progress.rows_read // self._rows_total
                yield out
        except (pa.ArrowInvalid, OSError) as exc:
            raise MalformedFile(f"Corrupt Parquet data: {exc}", hint="Re-export the file.") from None

    def close(self) -> None:
        self._file.close()
