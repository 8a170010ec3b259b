"""Embedding on a local two-node Ray cluster (1 CPU each) vs the local engine on the same 2 cores.

    flock /tmp/lakehouse-bench.lock .venv/bin/python bench/ray_embed.py [--docs 500] [--chunk-size 400]

The same index (the packaged all-MiniLM-L6-v2 over demo resumes) is built by fresh lakehouses with
``compute.engine = "local"`` (torch on 2 threads, and on 1) and ``"ray"`` with one and with two embedder
actors. Figures are whole ``create_index`` jobs (read, chunk, embed, write, HNSW) until the job succeeded,
each loading the model cold (the local engine in this process, every Ray actor in a new worker). The
cluster is started before the clock, and a one-document build on each side warms the page cache first;
the Ray one gives a Ray job's fixed cost, and per-worker throughput is the one-actor job net of it. The Ray
rows set ``compute.ray_min_chunks = 0`` (every job on the cluster); the last row keeps the default rule (a job
below it embeds in the lakehouse process), and the size from which Ray pays off is printed from the figures.
Where the fixed cost goes: bench/ray_fixed_cost.py.
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
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--chunk-size", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=128, help="compute.ray_batch_size")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from tests.ray_cluster import start_cluster

    from lakehouse.app import Lakehouse
    from lakehouse.config import ComputeSettings, load_settings
    from lakehouse.demo.data import candidates
    from lakehouse.demo.resumes import resumes

    data = resumes(candidates(args.docs, seed=3)).select(["candidate_id", "resume_text"])
    root = Path(tempfile.mkdtemp(prefix="lh-bench-ray-"))
    started = time.perf_counter()
    cluster = start_cluster()
    print(f"cluster: 2 nodes x 1 CPU on 127.0.0.1, started in {time.perf_counter() - started:.1f} s "
          "(before the clock: not in the figures below)")

    def ray(actors: int, **rule: Any) -> dict[str, Any]:
        return {"engine": "ray", "ray_address": cluster.address, "ray_actors": actors,
                "ray_batch_size": args.batch_size, "ray_min_chunks": 0, **rule}

    def job(label: str, compute: dict[str, Any], table: Any, threads: int = 0) -> tuple[float, int]:
        lh = Lakehouse(load_settings(None, data_dir=root / str(len(list(root.iterdir()))), compute=compute,
                                     embeddings={"local_bulk_threads": threads}, query={"workers": 1}))
        try:
            lh.write_table("resumes", table)
            seconds, result = build(lh, args.chunk_size)
        finally:
            lh.close()
        print(f"{label:40s} {seconds:7.1f} s  {result['vectors']:5d} chunks  "
              f"{result['vectors'] / seconds:6.1f} chunks/s", flush=True)
        return seconds, int(result["vectors"])

    try:
        print("warm-up (untimed for the ratio: loads the libraries into the page cache on both sides):")
        job("  local engine, 1 document", {"engine": "local"}, data.slice(0, 1))
        fixed, _ = job("  ray, 1 document (a Ray job's fixed cost)", ray(1), data.slice(0, 1))
        print(f"whole create_index jobs, {args.docs} resumes, the model loaded cold by each job:")
        local2, chunks = job("local engine, torch on 2 threads", {"engine": "local"}, data, threads=2)
        local1, _ = job("local engine, torch on 1 thread", {"engine": "local"}, data, threads=1)
        ray1, _ = job("ray, 1 embedder actor (1 worker)", ray(1), data)
        ray2, _ = job("ray, 2 embedder actors (2 workers)", ray(2), data)
        default = ComputeSettings().ray_min_chunks
        small = data.slice(0, max(1, args.docs // 5))
        print(f"a small job, {small.num_rows} resumes, and the default rule (compute.ray_min_chunks = {default}):")
        small_local, small_chunks = job("local engine, torch on 2 threads", {"engine": "local"}, small, threads=2)
        small_ray, _ = job("ray, 2 embedder actors (2 workers)", ray(2), small)
        small_ruled, _ = job("ray, 2 actors, the default rule", ray(2, ray_min_chunks=default), small)
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)
    best = min(local1, local2)
    print(f"\nRay (2 workers) / best local engine on the same 2 cores: {ray2 / best:.2f}x  (target <= 1.25x); "
          f"/ local on 2 threads: {ray2 / local2:.2f}x")
    per_worker = chunks / max(ray1 - fixed, 1e-9)
    print(f"per worker: {per_worker:.1f} chunks/s (1 CPU, 1 torch thread), net of a {fixed:.1f} s fixed cost per "
          f"job (Ray Data start, actor start and model load, write, index); 2 workers: "
          f"{chunks / max(ray2 - fixed, 1e-9) / per_worker:.2f}x one worker's rate")
    local_rate = chunks / best
    where = "on Ray" if small_chunks >= default else "in the lakehouse process"
    print(f"small job ({small_chunks} chunks): Ray {small_ray / small_local:.2f}x the local engine; with the default "
          f"rule ({where}) {small_ruled / small_local:.2f}x; the {chunks}-chunk job is "
          f"{'on Ray' if chunks >= default else 'in the lakehouse process'} by the rule")
    for workers in (2, 4, 8, 16):
        rate = workers * per_worker
        pays = f"{fixed * local_rate * rate / (rate - local_rate):7.0f}" if rate > local_rate else "  never"
        print(f"  expected with {workers:2d} workers: {fixed + chunks / rate:6.1f} s for "
              f"{chunks} chunks; {(fixed + 100 * chunks / rate) / 60:6.1f} min for 100x; faster than the local "
              f"engine ({local_rate:.0f} chunks/s) from {pays} chunks")


if __name__ == "__main__":
    main()
