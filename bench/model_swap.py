"""GPU slot swap time against the Ollama-compatible test server (tests/ollama_server.py) on loopback.

    python bench/model_swap.py [--n 200]

A swap from profile A (llama3 + nomic-embed-text) to profile B (qwen2 + the same embedder) and back: /api/ps,
unload the old generation model, preload the new one, /api/ps to verify — the lakehouse's own overhead per
swap, not a model's load time (the test server loads instantly). Peer: the same four HTTP round trips sent
with bare httpx on a kept-alive connection. Swaps and peer runs interleave; medians are compared.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from tests.ollama_server import GIB, OllamaServer

    from lakehouse.models import ModelServer, ModelSlot, SlotTarget

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()

    server = OllamaServer()
    server.add("llama3", 4 * GIB)
    server.add("qwen2", 5 * GIB)
    server.add("nomic-embed-text", 300 * 1024**2, embedding=True)
    server.start()
    slot = ModelSlot(ModelServer(server.url), vram_check=False)
    targets = [SlotTarget(model="llama3", embed_model="nomic-embed-text", owner="a"),
               SlotTarget(model="qwen2", embed_model="nomic-embed-text", owner="b")]
    slot.swap(targets[0])
    bare = httpx.Client(base_url=server.url, trust_env=False)
    names = ["llama3:latest", "qwen2:latest"]
    swaps, peers = [], []

    def bare_swap(old: str, new: str) -> None:
        bare.get("/api/ps").json()
        bare.post("/api/generate", json={"model": old, "keep_alive": 0}).json()
        bare.post("/api/generate", json={"model": new, "keep_alive": -1}).json()
        bare.get("/api/ps").json()

    try:
        for _ in range(args.n):
            for index in (1, 0):  # A -> B, then B -> A
                started = time.perf_counter()
                state = slot.swap(targets[index])
                swaps.append((time.perf_counter() - started) * 1000)
                assert len(state.steps) == 2, state.steps  # unload + preload; the shared embedder is kept
            for index in (1, 0):
                started = time.perf_counter()
                bare_swap(names[1 - index], names[index])
                peers.append((time.perf_counter() - started) * 1000)
    finally:
        bare.close()
        slot.close()
        server.stop()
    p50, p50_peer = statistics.median(swaps), statistics.median(peers)
    p95 = sorted(swaps)[int(0.95 * (len(swaps) - 1))]
    print(f"swap (ps, unload, preload, ps) x{2 * args.n}: p50 {p50:.2f} ms, p95 {p95:.2f} ms")
    print(f"bare httpx, same 4 round trips:  p50 {p50_peer:.2f} ms")
    print(f"ratio swap / bare: {p50 / p50_peer:.2f}x")


if __name__ == "__main__":
    main()
