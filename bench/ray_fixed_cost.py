"""Where a Ray embedding job's fixed cost goes, on a local two-node Ray cluster (1 CPU each).

    flock /tmp/lakehouse-bench.lock .venv/bin/python bench/ray_fixed_cost.py [--runs 3]

Runs the Ray Data pipeline of compute/embed.py (``map_batches`` with one embedder actor, the packaged model)
over one text, with the actor timing its own start: its process's start, Ray's worker start-up until the
actor's constructor runs, the ``torch`` and ``sentence_transformers`` imports, the model load and the first
call; the driver times planning and the first batch back. The first run also pays this process's connection
to the cluster. Beside it, the same steps in a fresh Python process (the local engine's peer: it pays them
once per process, a Ray job once per actor per job).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _process_start() -> float:
    """This process's start as a wall-clock time (from /proc: Linux only)."""
    with open(f"/proc/{os.getpid()}/stat") as f:
        ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    return time.time() - (time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK"))


class TimedEmbedActor:
    """compute/embed.py's ``EmbedActor``, with its start-up timed step by step."""

    def __init__(self, *args: Any) -> None:
        marks = {"process": _process_start(), "constructor": time.time()}
        import torch  # noqa: F401

        marks["torch"] = time.time()
        import sentence_transformers  # noqa: F401

        marks["sentence_transformers"] = time.time()
        from lakehouse.compute.embed import EmbedActor

        self.inner = EmbedActor(*args)
        assert self.inner.embedder is not None
        self.inner.embedder.embed(["warm"])  # the model loads on first use
        marks["model"] = time.time()
        self.marks = marks

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        out = self.inner(batch)
        out["marks"] = np.array([json.dumps(self.marks)] * len(batch["i"]))
        return out


def run(address: str) -> dict[str, float]:
    from lakehouse.compute.cluster import RayCluster
    from lakehouse.compute.embed import RayEmbedding
    from lakehouse.config import load_settings
    from lakehouse.network import NetworkPolicy

    settings = load_settings(None, data_dir=Path("/tmp/lh-bench-ray-fixed"), compute={
        "engine": "ray", "ray_address": address, "ray_actors": 1})
    network = NetworkPolicy.from_settings(settings)
    cluster = RayCluster(settings.compute, network)
    started = time.time()
    ray = cluster.connect()
    connected = time.time()
    embedding = RayEmbedding(cluster, settings.embeddings, network)
    table = pa.table({"i": pa.array([0], pa.int64()), "text": ["python engineer with kubernetes"]})
    dataset = ray.data.from_arrow([table]).map_batches(
        TimedEmbedActor, fn_constructor_args=(embedding.embeddings, network, "local", "all-MiniLM-L6-v2"),
        batch_size=1, batch_format="numpy", compute=ray.data.ActorPoolStrategy(size=1), num_cpus=1.0)
    planned = time.time()
    batch = next(iter(dataset.iter_batches(batch_format="numpy", batch_size=None)))
    done = time.time()
    marks = json.loads(batch["marks"][0])
    return {"connect": connected - started, "plan": planned - connected,
            "actor process spawned": marks["process"] - planned,
            "ray worker start-up": marks["constructor"] - marks["process"],
            "import torch": marks["torch"] - marks["constructor"],
            "import sentence_transformers": marks["sentence_transformers"] - marks["torch"],
            "model load + first embed": marks["model"] - marks["sentence_transformers"],
            "first batch back": done - marks["model"], "whole": done - started}


def fresh_process() -> dict[str, float]:
    code = ("import time; t = time.time(); import torch; a = time.time(); import sentence_transformers; "
            "b = time.time(); from lakehouse.config import load_settings; "
            "from lakehouse.embeddings.local import LocalEmbedder; e = LocalEmbedder(load_settings(None).embeddings); "
            "e.embed(['warm']); c = time.time(); print(a - t, b - a, c - b)")
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "HF_HUB_OFFLINE": "1"}).stdout.split()
    torch_s, st_s, model_s = (float(x) for x in out[-3:])
    return {"import torch": torch_s, "import sentence_transformers": st_s, "model load + first embed": model_s,
            "whole": time.time() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from tests.ray_cluster import start_cluster

    cluster = start_cluster()
    try:
        rows = [run(cluster.address) for _ in range(args.runs)]
    finally:
        cluster.stop()
    peer = fresh_process()
    print(f"{'step (s)':32s}" + "".join(f"  ray job {i + 1}" for i in range(len(rows))) + "  fresh python")
    for step in rows[0]:
        print(f"{step:32s}" + "".join(f"  {r[step]:9.2f}" for r in rows)
              + (f"  {peer[step]:12.2f}" if step in peer else ""))
    print("(ray job 1 includes this process's connection to the cluster; every job starts a new actor process)")
    importtime = subprocess.run([sys.executable, "-X", "importtime", "-c", "import torch, sentence_transformers"],
                                capture_output=True, text=True).stderr.splitlines()
    by_module = {line.rsplit("|", 1)[-1].strip(): int(line.split("|")[1]) for line in importtime if "|" in line
                 and line.split("|")[1].strip().isdigit()}
    for name in ("torch", "sentence_transformers", "sklearn", "transformers"):
        if name in by_module:
            print(f"  -X importtime, cumulative: {name:24s} {by_module[name] / 1e6:5.2f} s")


if __name__ == "__main__":
    main()
