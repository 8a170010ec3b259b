"""delta-rs runs streaming writes on a runtime whose threads pull batches from Python (they need the GIL); a
call that holds the GIL while it waits on that runtime deadlocks the process. This happened: concurrent S3
appends through one server hung every request (``DeltaTable.is_deltatable`` holds the GIL; so does
``DeltaTable.history``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lakehouse.storage.buckets import Bucket, BucketSpec

pytestmark = pytest.mark.s3

SCENARIO = """
import json, sys, threading, time
import pyarrow as pa
from deltalake import write_deltalake
from lakehouse.storage import delta

uri, options, writers = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
write_deltalake(uri + "/probe", pa.table({"a": [1]}), storage_options=options)
schema = pa.schema([("a", pa.int64())])

def batches():
    yield pa.record_batch([pa.array([1])], schema=schema)
    time.sleep(1.0)  # the runtime thread pulling this stream waits here, then needs the GIL back
    yield pa.record_batch([pa.array([2])], schema=schema)

def write(i):
    write_deltalake(f"{uri}/stream{i}", pa.RecordBatchReader.from_batches(schema, batches()), storage_options=options)

threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
for thread in threads:
    thread.start()
time.sleep(0.3)  # every runtime thread is now inside a Python stream
assert delta.table_version(uri + "/probe", options) == 0
assert delta.table_version(uri + "/missing", options) is None
assert [entry["version"] for entry in delta.history(uri + "/probe", options)] == [0]
for thread in threads:
    thread.join()
print("ok")
"""


def test_opening_a_table_while_streaming_writes_wait_on_python_does_not_deadlock(
        s3_bucket_spec: BucketSpec, tmp_path: Path) -> None:
    bucket = Bucket(s3_bucket_spec)
    bucket.ensure_root()
    script = tmp_path / "scenario.py"
    script.write_text(SCENARIO)
    writers = max(2, os.cpu_count() or 2)  # delta-rs's runtime has a thread per core: occupy them all
    try:
        done = subprocess.run([sys.executable, str(script), bucket.table_uri("gil"),
                               json.dumps(bucket.storage_options()), str(writers)],
                              capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("opening a table deadlocked beside streaming writes (a delta-rs call held the GIL)")
    assert done.returncode == 0 and "ok" in done.stdout, done.stderr[-2000:]
