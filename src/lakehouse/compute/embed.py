"""Embedding on the Ray cluster with Ray Data: the texts a build or refresh must embed become a dataset of
blocks of ``compute.ray_batch_size`` texts, and ``map_batches`` hands the blocks to a pool of embedder
actors (one per worker, ``compute.ray_actors`` of them, ``compute.ray_actor_cpus`` CPUs each).

Each actor loads the embedder the index names once, through the same registry and provider classes as this
process (the packaged local model offline, or the Ollama/OpenAI-compatible server with this process's
network policy), and refuses to embed when that embedder serves another model than the index's. The
vectors come back in batches as they finish, with each text's position, so the caller checkpoints them
exactly like the local path does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pyarrow as pa

from lakehouse.catalog.sampling import Cancelled
from lakehouse.compute.cluster import RayCluster
from lakehouse.compute.errors import CarriedError
from lakehouse.config import EmbeddingsSettings
from lakehouse.embeddings import Embedder, EmbedderError, EmbedderRegistry
from lakehouse.errors import LakehouseError
from lakehouse.network import NetworkPolicy


class EmbedActor:
    """Ray Data's class-based UDF: constructed once per actor, called per batch of ``{"i", "text"}``."""

    def __init__(self, settings: EmbeddingsSettings, network: NetworkPolicy, name: str, model: str):
        # A failure here is raised by the first call instead: Ray reports an actor that died in its
        # constructor as text only, a call's error as itself (the coordinator then answers our error).
        self.embedder: Embedder | None = None
        self.failure: CarriedError | None = None
        try:
            embedder = EmbedderRegistry(settings, network=network).get(name)
            if embedder.model != model:
                raise EmbedderError(f"Embedder '{name}' on the Ray worker serves model '{embedder.model}', "
                                    f"not '{model}' as in the coordinator.",
                                    hint="Install the same lakehouse version and configuration on every node.")
            self.embedder = embedder
        except LakehouseError as exc:
            self.failure = CarriedError.of(exc)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        if self.failure is not None:
            raise self.failure
        assert self.embedder is not None
        try:
            vectors = self.embedder.embed([str(t) for t in batch["text"]])
        except LakehouseError as exc:
            raise CarriedError.of(exc) from None
        return {"i": batch["i"], "vector": vectors}


class RayEmbedding:
    """``parts`` for ``vectors.build.embed_rows``: the same (positions, vectors) pieces the local path makes."""

    def __init__(self, cluster: RayCluster, embeddings: EmbeddingsSettings, network: NetworkPolicy):
        self.cluster, self.network = cluster, network
        cpus = cluster.settings.ray_actor_cpus
        # torch threads per actor = the CPUs it reserved (the default, every core, would oversubscribe a node)
        self.embeddings = embeddings.model_copy(update={"local_bulk_threads": max(1, int(cpus))})

    def actors(self, ray: Any, blocks: int) -> int:
        settings = self.cluster.settings
        fits = max(1, int(self.cluster.cpus(ray) // settings.ray_actor_cpus))
        wanted = settings.ray_actors or fits
        return max(1, min(wanted, fits, blocks))

    def parts(self, embedder: Embedder, texts: list[str], order: list[int], cancelled: Callable[[], bool]
              ) -> Iterator[tuple[list[int], np.ndarray]]:
        if not order:
            return
        ray = self.cluster.connect()
        size = self.cluster.settings.ray_batch_size
        table = pa.table({"i": pa.array(order, pa.int64()), "text": pa.array([texts[i] for i in order], pa.string())})
        blocks = [table.slice(start, size) for start in range(0, table.num_rows, size)]
        pool = ray.data.ActorPoolStrategy(size=self.actors(ray, len(blocks)))  # one embedder actor per worker
        dataset = ray.data.from_arrow(blocks).map_batches(
            EmbedActor, fn_constructor_args=(self.embeddings, self.network, embedder.name, embedder.model),
            batch_size=size, batch_format="numpy", compute=pool, num_cpus=self.cluster.settings.ray_actor_cpus)
        what = f"Embedding {len(order)} chunks with '{embedder.name}'"
        batches = dataset.iter_batches(batch_format="numpy", batch_size=None)
        try:
            for batch in batches:
                if cancelled():
                    raise Cancelled("Build cancelled; finished batches are kept and the next build resumes.")
                yield [int(i) for i in batch["i"]], np.asarray(batch["vector"], dtype=np.float32)
        except Cancelled:
            raise
        except Exception as exc:  # noqa: BLE001 - Ray's wrappers become our errors
            raise self.cluster.failure(exc, what) from None
        finally:
            close = getattr(batches, "close", None)
            if close is not None:
                close()
