"""Embedding on a local two-node Ray cluster (1 CPU each) vs the local engine on the same 2 cores.

    flock /tmp/lakehouse-bench.lock .venv/bin/python bench/ray_embed.py [--docs 600] [--chunk-size 400]

The same index (the packaged all-MiniLM-L6-v2 over demo resumes) is built by three lakehouses, each a
fresh process-side object from its first call: ``compute.engine = "local"`` (torch on both cores), and
``"ray"`` with one and with two embedder actors. Figures are whole jobs (``create_index`` until its job
succeeded: read, chunk, embed, write, HNSW), cold for the model: each job loads it (the local engine in
this process; every Ray actor in its worker). The cluster itself is started before the clock runs, and
its start is reported apart. Per-worker throughput is the one-actor job's embedding rate net of its
fixed cost (actor start and model load, measured as the job time minus chunks / steady rate).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def build(lh: Any, chunk_size: int) -> tuple[float, dict[str, Any]]:
    from lakehouse.vectors.spec import IndexSpec

    spec = IndexSpec(index_name="idx", dataset="resumes", id_column="candidate_id", text_column="resume_text",
                     embedder="local", chunk_size=chunk_size, overlap=0)
    started = time.perf_counter()
    job = lh.vectors.create_index(lh.actor, spec, wait=True)
    seconds = time.perf_counter() - started
    if job.status != "succeeded":
        raise SystemExit(f"build failed: {job.error}")
    return seconds, job.result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--chunk-size", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=128, help="compute.ray_batch_size")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from tests.ray_cluster import start_cluster

    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings
    from lakehouse.demo.data import candidates
    from lakehouse.demo.resumes import resumes

    data = resumes(candidates(args.docs, seed=3)).select(["candidate_id", "resume_text"])
    root = Path(tempfile.mkdtemp(prefix="lh-bench-ray-"))
    started = time.perf_counter()
    cluster = start_cluster()
    cluster_seconds = time.perf_counter() - started
    print(f"cluster: 2 nodes x 1 CPU on 127.0.0.1, started in {cluster_seconds:.1f} s (not in the figures below)")
    rows = []
    try:
        for label, compute in [("local engine (torch, 2 threads)", {"engine": "local"}),
                               ("ray, 1 actor (1 worker)", {"engine": "ray", "ray_address": cluster.address,
                                                            "ray_actors": 1, "ray_batch_size": args.batch_size}),
                               ("ray, 2 actors (2 workers)", {"engine": "ray", "ray_address": cluster.address,
                                                              "ray_actors": 2, "ray_batch_size": args.batch_size})]:
            lh = Lakehouse(load_settings(None, data_dir=root / label.split()[0] / str(len(rows)), compute=compute,
                                         query={"workers": 1}))
            try:
                lh.write_table("resumes", data)
                seconds, result = build(lh, args.chunk_size)
            finally:
                lh.close()
            rows.append((label, seconds, result["vectors"]))
            print(f"{label:34s} {seconds:7.1f} s  {result['vectors']} chunks  "
                  f"{result['vectors'] / seconds:6.1f} chunks/s (whole job, cold model)", flush=True)
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)
    local_s, ray1_s, ray2_s = rows[0][1], rows[1][1], rows[2][1]
    chunks = rows[0][2]
    print(f"\nRay (2 workers) / local engine, same 2 cores: {ray2_s / local_s:.2f}x  (target <= 1.25x)")
    # one actor: T1 = fixed + chunks / r; two: T2 = fixed + chunks / (2 r)  ->  r and fixed from the two runs
    per_worker = chunks / (2 * max(ray1_s - ray2_s, 1e-9))
    fixed = max(ray1_s - chunks / per_worker, 0.0)
    print(f"per worker: {per_worker:.1f} chunks/s (1 CPU each), fixed cost per job {fixed:.1f} s "
          "(actor start + model load + Ray Data start + write/HNSW)")
    for workers in (2, 4, 8, 16):
        print(f"  expected with {workers:2d} workers: {fixed + chunks / (workers * per_worker):6.1f} s for "
              f"{chunks} chunks; {chunks * 100 / (workers * per_worker) / 60:6.1f} min per 100x this corpus")


if __name__ == "__main__":
    main()
