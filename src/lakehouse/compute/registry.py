"""Compute engines by name (``compute.engine``), each loaded on first use: ``local`` runs jobs in this
process (no cluster object); ``ray`` loads the Ray cluster client, whose ``ray`` import happens on the first
job (``NotInstalled`` naming ``lakehouse[ray]`` when the extra is missing)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from lakehouse.config import Settings
from lakehouse.errors import InvalidInput

if TYPE_CHECKING:
    from lakehouse.compute.cluster import RayCluster
    from lakehouse.network import NetworkPolicy

Loader = Callable[[Settings, "NetworkPolicy"], "RayCluster | None"]


def _local(settings: Settings, network: NetworkPolicy) -> RayCluster | None:
    return None


def _ray(settings: Settings, network: NetworkPolicy) -> RayCluster | None:
    from lakehouse.compute.cluster import RayCluster

    return RayCluster(settings.compute, network)


ENGINES: dict[str, Loader] = {"local": _local, "ray": _ray}


def cluster_for(settings: Settings, network: NetworkPolicy) -> RayCluster | None:
    """The cluster jobs run on, or None for this process."""
    loader = ENGINES.get(settings.compute.engine)
    if loader is None:
        raise InvalidInput(f"Unknown compute.engine '{settings.compute.engine}'.",
                           hint=f"Use one of: {', '.join(ENGINES)}.")
    return loader(settings, network)
