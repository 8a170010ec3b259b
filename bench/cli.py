"""CLI start-up: each command as a whole process from the shell, cold, as a user runs it.

    python bench/cli.py [--runs 10] [--baseline OTHER_CHECKOUT/src]

For each command: the median wall time of ``--runs`` fresh processes, the runs of every command interleaved
(so a load spike hits them all alike), beside ``python -c pass`` (the interpreter's own start, the floor).
Prints each median against its target (issue 11: ``--help`` <= 0.35 s, ``datasets list`` <= 0.6 s,
``sql "select 1"`` <= 0.9 s) as a ratio (<= 1.00 meets it) and the machine's load average.
``--baseline`` times another checkout's ``lakehouse`` (e.g. ``git worktree add --detach /tmp/base main``, then
``--baseline /tmp/base/src``; run with this interpreter, its ``src`` first on the path) in the same loop on the
same data dir, so a change is measured side by side under the same load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data" / "cli"
CLI = str(Path(sys.executable).with_name("lakehouse"))


def build() -> Path:
    """A data dir with three small datasets (so ``datasets list`` has rows to render)."""
    data_dir = DATA / "lh"
    if (data_dir / ".complete").exists():
        return data_dir
    import pyarrow as pa

    import lakehouse

    shutil.rmtree(data_dir, ignore_errors=True)
    with lakehouse.connect(data_dir) as lh:
        for name in ("orders", "customers", "events"):
            lh.write_table(name, pa.table({"id": list(range(1000)), "label": [f"{name}-{i}" for i in range(1000)]}))
    (data_dir / ".complete").touch()
    return data_dir


Command = tuple[str, list[str], float | None]
# what the console script runs, for a checkout that is not the installed one
SCRIPT = "import sys; from lakehouse.cli.main import run; sys.argv[0] = 'lakehouse'; sys.exit(run())"


def commands(data_dir: Path, baseline: str | None = None) -> list[Command]:
    dd = ["--data-dir", str(data_dir)]
    cli, tag = ([sys.executable, "-c", SCRIPT, f"--pythonpath={baseline}"], " [baseline]") if baseline else (
        [CLI], "")
    return [
        (f"lakehouse --help{tag}", [*cli, "--help"], 0.35),
        (f"lakehouse datasets list{tag}", [*cli, *dd, "datasets", "list"], 0.6),
        (f'lakehouse sql "select 1"{tag}', [*cli, *dd, "sql", "select 1"], 0.9),
        (f"lakehouse sql (a dataset){tag}", [*cli, *dd, "sql", "select count(*) from orders"], None),
    ]


def once(argv: list[str]) -> float:
    extra = [a for a in argv if a.startswith("--pythonpath=")]
    argv = [a for a in argv if a not in extra]
    # A user's install has bytecode (pip compiles it; a source checkout writes it on first run), so the
    # unmeasured first run writes it here too even where PYTHONDONTWRITEBYTECODE is set for this shell.
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAKEHOUSE_") and k != "PYTHONDONTWRITEBYTECODE"}
    if extra:
        env["PYTHONPATH"] = extra[0].split("=", 1)[1]
    started = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--baseline", help="another installation's lakehouse executable, timed alongside")
    args = parser.parse_args()
    data_dir = build()
    cmds: list[Command] = [("python -c pass (floor)", [sys.executable, "-c", "pass"], None), *commands(data_dir)]
    if args.baseline:
        cmds += commands(data_dir, args.baseline)
    for _, argv, _ in cmds:  # one unmeasured run each: .pyc files written, the data dir's caches settled
        once(argv)
    times: dict[str, list[float]] = {name: [] for name, _, _ in cmds}
    for _ in range(args.runs):
        for name, argv, _ in cmds:
            times[name].append(once(argv))
    floor = statistics.median(times[cmds[0][0]])
    print(f"median of {args.runs} cold runs each, interleaved; load average after: {os.getloadavg()[0]:.2f} "
          f"(1 min), {os.cpu_count()} cores")
    print(f"{'command':<39} {'median':>8} {'min':>7} {'max':>7} {'-floor':>7} {'target':>7} {'ratio':>6}")
    for name, _, target in cmds:
        median = statistics.median(times[name])
        ratio = f"{median / target:.2f}" if target else ""
        verdict = ("ok" if median <= target else "MISS") if target else ""
        print(f"{name:<39} {median:8.3f} {min(times[name]):7.3f} {max(times[name]):7.3f} "
              f"{median - floor:7.3f} {target or '':>7} {ratio:>6} {verdict}")


if __name__ == "__main__":
    main()
