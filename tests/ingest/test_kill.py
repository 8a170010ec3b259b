"""A process killed with SIGKILL in the middle of an ingest loses nothing that was committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pyarrow as pa

WRITER = textwrap.dedent("""
    import sys, time
    import pyarrow as pa
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings

    lh = Lakehouse(load_settings(None, data_dir=sys.argv[1]))
    schema = pa.schema([("id", pa.int64()), ("email", pa.string())])

    def batches():
        for i in range(3):
            yield pa.record_batch([pa.array(range(i * 1000, (i + 1) * 1000)),
                                   pa.array([f"u{j}@example.com" for j in range(1000)])], schema=schema)
        (lh.staging_dir / "upload-inflight").write_bytes(b"partial")
        print("midway", flush=True)
        time.sleep(60)
        yield from ()

    lh.write_table("people", pa.RecordBatchReader.from_batches(schema, batches()))
""")


def test_sigkill_mid_ingest_keeps_the_previous_version(make_settings) -> None:  # type: ignore[no-untyped-def]
    from lakehouse.app import Lakehouse

    settings = make_settings()
    with Lakehouse(settings) as lh:
        lh.write_table("people", pa.table({"id": [1, 2], "email": ["a@example.com", "b@example.com"]}))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(settings.data_dir)], stdout=subprocess.PIPE,
                            env=env, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "midway"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    with Lakehouse(settings) as lh:
        assert lh.get_dataset("people").version == 0
        assert lh.sql("SELECT count(*) AS n FROM people").table.column("n").to_pylist() == [2]
        assert lh.startup_report.staging_files_removed == 1
        assert lh.catalog.pending_intents() == []
        lh.write_table("people", pa.table({"id": [3], "email": ["c@example.com"]}))  # lock was taken over
        assert lh.sql("SELECT count(*) AS n FROM people").table.column("n").to_pylist() == [3]
