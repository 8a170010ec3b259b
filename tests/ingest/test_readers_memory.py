"""Bounded memory: a ~50 MB CSV is streamed with Arrow allocations far below the file's size."""

import gc
import subprocess
import sys
import textwrap

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest


@pytest.mark.slow
def test_csv_streams_in_bounded_memory(tmp_path):
    n = 1_200_000
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
    assert size > 80e6
    # measured in a fresh process: RSS growth inside a long test session includes other tests' leftovers
    probe = textwrap.dedent(f"""
        import resource, pyarrow as pa
        from pathlib import Path
        from lakehouse.config import IngestSettings
        from lakehouse.ingest.readers import open_source

        def rss():
            with open("/proc/self/statm") as f:
                return int(f.read().split()[1]) * resource.getpagesize()

        big = Path({str(path)!r})
        small = big.with_name("warm.csv")  # first use loads kernels and thread pools; not the stream's cost
        with open(big) as src, open(small, "w") as dst:
            dst.writelines(line for _, line in zip(range(5000), src))
        with open_source(small, limits=IngestSettings()) as reader:
            for _ in reader.batches():
                pass
        base_arrow, base_rss = pa.total_allocated_bytes(), rss()
        peak_arrow = peak_rss = rows = 0
        with open_source(big, limits=IngestSettings()) as reader:
            for batch in reader.batches():
                rows += batch.num_rows
                peak_arrow = max(peak_arrow, pa.total_allocated_bytes() - base_arrow)
                peak_rss = max(peak_rss, rss() - base_rss)
        print(rows, peak_arrow, peak_rss)
    """)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    rows, peak_arrow, peak_rss = (int(x) for x in out.stdout.split())
    assert rows == n
    assert peak_arrow < size / 2, (peak_arrow, size)
    assert peak_rss < size, (peak_rss, size)
    print(f"file {size >> 20} MB, arrow peak {peak_arrow >> 20} MB, rss growth {peak_rss >> 20} MB")
