"""A real two-node Ray cluster on loopback for the compute tests (``ray_cluster`` fixture, session-scoped).

Each node is one ``ray start --block`` process with 1 CPU and a small object store, started in a session
of its own (``start_new_session``) with every port chosen free here and its session files in a temp dir.
Stopping never runs ``ray stop`` (it kills every Ray process on the machine, other users' included):
only the processes of the sessions started here are signalled, by id. With ``CI`` set, a cluster that
cannot start fails the tests that need it; otherwise they skip.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.services import service_missing

OBJECT_STORE_BYTES = 96 * 1024 * 1024
START_TIMEOUT = 90.0


_handed_out: set[int] = set()


def free_port() -> int:
    """A free loopback port not handed out before in this process: a cluster takes sixteen, one after another,
    and the kernel may offer a port it just offered (Ray then fails to start: "port ... used by other
    components")."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port not in _handed_out:
            _handed_out.add(port)
            return port


def _ray_binary() -> str:
    return str(Path(sys.executable).parent / "ray")


@dataclass
class RayTestCluster:
    address: str
    temp_dir: Path
    client_port: int  # the head's Ray Client server (started when grpcio is installed): a free port, not 10001
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def _pids(self) -> list[int]:
        sessions = {p.pid for p in self.processes}
        found = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    if os.getsid(int(entry)) in sessions:
                        found.append(int(entry))
                except OSError:
                    pass
        return found

    def stop(self) -> None:
        """SIGTERM each node's ``ray start`` (it stops its own processes), then SIGKILL what is left of the
        sessions started here: workers and actors keep the node's session id."""
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            for process in self.processes:
                process.poll()  # reaps an exited ray start (a zombie would still count as ours)
            if not self._pids():
                break
            time.sleep(0.2)
        for pid in self._pids():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        for process in self.processes:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
        shutil.rmtree(self.temp_dir, ignore_errors=True)


def _node_args(temp_dir: Path) -> list[str]:
    ports = ("--node-manager-port", "--object-manager-port", "--metrics-export-port", "--dashboard-agent-listen-port",
             "--dashboard-agent-grpc-port", "--runtime-env-agent-port")
    args = ["--block", "--node-ip-address", "127.0.0.1", "--num-cpus", "1", "--object-store-memory",
            str(OBJECT_STORE_BYTES), "--temp-dir", str(temp_dir), "--disable-usage-stats",
            "--min-worker-port", "0", "--max-worker-port", "0"]
    for flag in ports:
        args += [flag, str(free_port())]
    return args


def _start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "HF_HUB_OFFLINE": "1"}
    with open(log, "wb") as out:
        return subprocess.Popen([_ray_binary(), "start", *args], env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)


def _wait_started(process: subprocess.Popen[bytes], log: Path) -> None:
    """Until ``ray start`` says its node runs (it then blocks, watching the node's processes)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"ray start exited with {process.returncode}: {log.read_text()[-2000:]}")
        if b"Ray runtime started" in log.read_bytes():
            return
        time.sleep(0.3)
    raise RuntimeError(f"ray start did not start its node in {START_TIMEOUT:g} s: {log.read_text()[-2000:]}")


def _wait_for_nodes(address: str, count: int) -> None:
    """Until the head lists ``count`` alive nodes (asked in a child process: this test process's own Ray
    connection is made later, by the code under test)."""
    probe = ("import ray, sys, time\n"
             "ray.init(address=sys.argv[1], logging_level='ERROR', log_to_driver=False)\n"
             "for _ in range(200):\n"
             "    if sum(1 for n in ray.nodes() if n['Alive']) >= int(sys.argv[2]): sys.exit(0)\n"
             "    time.sleep(0.3)\n"
             "sys.exit(1)\n")
    result = subprocess.run([sys.executable, "-c", probe, address, str(count)], capture_output=True, text=True,
                            timeout=START_TIMEOUT, env={**os.environ, "RAY_USAGE_STATS_ENABLED": "0"})
    if result.returncode != 0:
        raise RuntimeError(f"the Ray cluster at {address} did not list {count} nodes: {result.stderr[-2000:]}")


def start_cluster() -> RayTestCluster:
    temp_dir = Path(tempfile.mkdtemp(prefix="lh-ray-", dir="/tmp"))  # short: Ray's socket paths have a limit
    port = free_port()
    cluster = RayTestCluster(f"127.0.0.1:{port}", temp_dir, free_port())
    logs = [temp_dir / "head.log", temp_dir / "node2.log"]
    try:
        cluster.processes.append(_start(["--head", "--port", str(port), "--include-dashboard", "false",
                                         "--dashboard-port", str(free_port()), "--ray-client-server-port",
                                         str(cluster.client_port), *_node_args(temp_dir)], logs[0]))
        _wait_started(cluster.processes[0], logs[0])
        cluster.processes.append(_start(["--address", cluster.address, *_node_args(temp_dir)], logs[1]))
        _wait_started(cluster.processes[1], logs[1])
        _wait_for_nodes(cluster.address, 2)
    except BaseException:
        cluster.stop()
        raise
    return cluster


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[RayTestCluster]:
    try:
        import ray  # noqa: F401
    except ImportError:
        service_missing("Ray", "the 'ray' package is not installed (pip install 'lakehouse[ray]')")
    try:
        cluster = start_cluster()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        service_missing("Ray", f"a local cluster could not start: {exc}")
        raise
    try:
        yield cluster
    finally:
        try:
            import ray

            if ray.is_initialized():
                ray.shutdown()
        finally:
            cluster.stop()
