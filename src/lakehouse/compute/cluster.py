"""The Ray cluster of ``compute.ray_address``, connected on the first job that needs it.

Ray keeps one connection per process (``ray.init``): the first ``RayCluster`` to connect makes it and
later ones reuse it when it is to the same address. Before connecting, the address is checked against
the network policy (``network.allowed_hosts``: the cluster receives the job's data and runs its code) and
asked whether anything answers there, so a head that is down fails the job in seconds, naming the
address, instead of ``ray.init`` waiting for minutes.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from typing import Any

from lakehouse.compute.errors import lakehouse_cause
from lakehouse.config import ComputeSettings
from lakehouse.errors import ComputeTaskFailed, ComputeUnavailable, LakehouseError, NotInstalled
from lakehouse.network import NetworkPolicy

log = logging.getLogger(__name__)
PROBE_SECONDS = 5.0
_lock = threading.Lock()
_connected: dict[str, str] = {}  # mirrors Ray's own per-process connection: {"address": ...}
# Python's error for a module another thread of the process is still importing (ray-project/ray#32435).
# Ray Data runs a UDF on a thread of its own beside the worker's main thread; a task failed so once here
# under load. Run again in the same task, it finds the import finished; a circular import in the code
# itself still fails, after the retries.
IMPORT_RACE = "partially initialized module"
IMPORT_RACE_RETRIES = 2


def load_ray() -> Any:
    """The ``ray`` module with Ray Data, or ``NotInstalled`` naming the extra to install."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise NotInstalled("compute.engine = 'ray'", "lakehouse[ray]") from exc
    return ray


def split_address(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    return host.strip("[]"), int(port)


def join(address: str) -> Any:
    """Make this process a driver of the Ray cluster at ``address`` (once: Ray keeps one connection per
    process), with Ray's logging and Ray Data's progress output kept out of ours. The caller has checked the
    address (``RayCluster.check_reachable``)."""
    ray = load_ray()
    described = f"the Ray cluster at {address} (compute.ray_address)"
    with _lock:
        if ray.is_initialized():
            if _connected.get("address") == address:
                return ray
            raise ComputeUnavailable(
                f"This process is already connected to another Ray cluster "
                f"({_connected.get('address', 'started elsewhere in the process')}), not {address}.",
                hint="One process talks to one Ray cluster: give every lakehouse in it the same "
                     "compute.ray_address.")
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        try:
            ray.init(address=address, namespace="lakehouse", logging_level=logging.WARNING,
                     log_to_driver=False, configure_logging=False)
        except Exception as exc:  # noqa: BLE001 - any failure to join is "cluster unavailable"
            raise ComputeUnavailable(f"Cannot connect to {described}: {type(exc).__name__}: {exc}") from exc
        _connected["address"] = address
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    context.raise_original_map_exception = True  # a UDF's own error (ours, carried), not Ray's wrapper
    context.retried_map_errors = [IMPORT_RACE]  # no other error is retried
    context.max_map_retries = IMPORT_RACE_RETRIES
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    return ray


class RayCluster:
    def __init__(self, settings: ComputeSettings, network: NetworkPolicy):
        assert settings.ray_address is not None  # ComputeSettings refuses engine = "ray" without one
        self.settings = settings
        self.address = settings.ray_address
        self._network = network

    @property
    def described(self) -> str:
        return f"the Ray cluster at {self.address} (compute.ray_address)"

    def connect(self) -> Any:
        """The connected ``ray`` module."""
        ray = load_ray()
        with _lock:  # a process already on another cluster still says first what is wrong with this address
            if not ray.is_initialized() or _connected.get("address") != self.address:
                self.check_reachable()
        return join(self.address)

    def check_reachable(self) -> None:
        """The address is allowed by the network policy and a Ray head answers there (seconds at most)."""
        host, port = split_address(self.address)
        self._network.check_host(host, f"The Ray cluster at {self.address} (compute.ray_address)", port)
        self._probe(host, port)

    def _probe(self, host: str, port: int) -> None:
        """Something must accept a connection there and speak gRPC (Ray's head does; a wrong port does not)."""
        try:
            with socket.create_connection((host, port), timeout=PROBE_SECONDS):
                pass
        except OSError as exc:
            raise ComputeUnavailable(f"{self.described[0].upper()}{self.described[1:]} does not answer: "
                                     f"{exc.strerror or exc}.") from None
        try:
            import grpc
        except ImportError:
            return
        channel = grpc.insecure_channel(f"{host}:{port}")
        try:
            grpc.channel_ready_future(channel).result(timeout=PROBE_SECONDS)
        except grpc.FutureTimeoutError:
            raise ComputeUnavailable(f"{self.described[0].upper()}{self.described[1:]} accepts connections but "
                                     f"does not answer as a Ray head (no gRPC in {PROBE_SECONDS:g} s).",
                                     hint="Check the port: 'ray start --head --port P' listens on P.") from None
        finally:
            channel.close()

    def cpus(self, ray: Any) -> float:
        return float(ray.cluster_resources().get("CPU", 0.0))

    def failure(self, error: BaseException, what: str) -> LakehouseError:
        """What to raise for ``error`` out of a job on the cluster: the task's own error when it raised one of
        ours (a bad file, an embedder that failed), else a lost worker or a Ray error, naming the address."""
        cause = lakehouse_cause(error)
        if cause is not None:
            return cause
        ray = load_ray()
        lost = tuple(getattr(ray.exceptions, name) for name in (
            "RayActorError", "WorkerCrashedError", "NodeDiedError", "ObjectLostError", "RaySystemError",
            "LocalRayletDiedError", "GetTimeoutError") if hasattr(ray.exceptions, name))
        if isinstance(error, lost):
            return ComputeUnavailable(f"{what}: {self.described} lost a worker ({type(error).__name__}).")
        text = (str(error).strip().splitlines() or [""])[-1][:300]
        return ComputeTaskFailed(f"{what} failed on {self.described}: {type(error).__name__}: {text}",
                                 hint="See the Ray logs on the cluster; nothing was committed.")
