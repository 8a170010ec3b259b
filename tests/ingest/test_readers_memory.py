"""Bounded memory: a ~50 MB CSV is streamed with Arrow allocations far below the file's size."""

import gc
import resource

import pyarrow as pa
import pyarrow.csv as pacsv

from lakehouse.config import IngestSettings
from lakehouse.ingest.readers import open_source


def _rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()


def test_csv_streams_in_bounded_memory(tmp_path):
    n = 600_000
    table = pa.table({
        "id": pa.array(range(n)),
        "name": pa.array([f"person number {i} with a longer text field" for i in range(n)]),
        "score": pa.array([i / 7 for i in range(n)]),
        "day": pa.array([f"2024-05-{1 + i % 28:02d}" for i in range(n)]),
    })  # fmt: skip
    path = tmp_path / "big.csv"
    pacsv.write_csv(table, path)
    del table
    gc.collect()
    size = path.stat().st_size
    assert size > 40e6
    base_arrow, base_rss = pa.total_allocated_bytes(), _rss_bytes()
    peak_arrow = peak_rss = rows = 0
    with open_source(path, limits=IngestSettings()) as reader:
        for batch in reader.batches():
            rows += batch.num_rows
            peak_arrow = max(peak_arrow, pa.total_allocated_bytes() - base_arrow)
            peak_rss = max(peak_rss, _rss_bytes() - base_rss)
    assert rows == n
    assert peak_arrow < size / 2, (peak_arrow, size)
    assert peak_rss < size, (peak_rss, size)
    print(f"file {size >> 20} MB, arrow peak {peak_arrow >> 20} MB, rss growth {peak_rss >> 20} MB")
