"""Many-file ingest on the Ray cluster: one task per file writes that file's rows as a Parquet part file
into the table's folder (ingest/parts.py); the coordinator (TableWriter) then commits every part in one
Delta commit and records it in the catalog.

A task that fails (a file that does not parse, a worker that dies) fails the job: the other tasks are
cancelled and waited for, so that no file is still being written when the write's intent is settled and
the part files are swept. Tasks are not retried: a failure is reported, not hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyarrow as pa

from lakehouse.catalog.sampling import Cancelled
from lakehouse.compute.cluster import RayCluster
from lakehouse.config import IngestSettings
from lakehouse.ingest.parts import PartOptions, PartResult, PartSource, write_part
from lakehouse.ingest.writer import PartsTarget, PartsWritten

CANCEL_WAIT_SECONDS = 60.0


def fan_out(cluster: RayCluster, sources: list[PartSource], options: PartOptions, limits: IngestSettings,
            progress: Callable[[float], None], cancelled: Callable[[], bool], record: Callable[[PartResult], None]
            ) -> Callable[[PartsTarget], PartsWritten]:
    """The ``parts`` step of a ``WriteRequest``; ``record`` receives each file's result, in file order."""

    def run(target: PartsTarget) -> PartsWritten:
        ray = cluster.connect()
        task = ray.remote(write_part).options(num_cpus=cluster.settings.ray_actor_cpus, max_retries=0)
        refs = [task.remote(i, source, options, limits, target, limits.pii_sample_rows)
                for i, source in enumerate(sources)]
        done = _collect(ray, cluster, refs, len(sources), progress, cancelled)
        for result in done:
            record(result)
        sample = pa.concat_tables([r.sample for r in done]).slice(0, limits.pii_sample_rows)
        return PartsWritten(files=[r.file for r in done if r.file is not None], rows=sum(r.rows for r in done),
                            bytes=sum(r.bytes for r in done), filtered=sum(r.filtered for r in done), sample=sample)

    return run


def _collect(ray: Any, cluster: RayCluster, refs: list[Any], count: int, progress: Callable[[float], None],
             cancelled: Callable[[], bool]) -> list[PartResult]:
    found: dict[int, PartResult] = {}
    pending = list(refs)
    try:
        while pending:
            if cancelled():
                raise Cancelled("Ingest cancelled; nothing was committed.")
            ready, pending = ray.wait(pending, num_returns=1, timeout=1.0)
            for ref in ready:
                result = ray.get(ref)
                found[result.index] = result
            progress(len(found) / count)
    except BaseException as exc:
        for ref in pending:
            ray.cancel(ref)
        ray.wait(refs, num_returns=len(refs), timeout=CANCEL_WAIT_SECONDS)  # nothing still writing when swept
        if isinstance(exc, Cancelled | KeyboardInterrupt):
            raise
        raise cluster.failure(exc, f"Ingesting {count} files") from None
    return [found[i] for i in range(count)]
