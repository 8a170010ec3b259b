"""Run every benchmark (or the ones named): ``./dev.sh bench [ingest_csv tpch http_overhead ...]``.

Each prints its figures beside a named peer measured in the same run, as ratios. Benchmarks are not
tests: nothing here asserts a time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = {"__main__"}


def main() -> None:
    available = sorted(p.stem for p in HERE.glob("*.py") if p.stem not in SKIP and not p.stem.startswith("_"))
    wanted = sys.argv[1:] or available
    unknown = [w for w in wanted if w not in available]
    if unknown:
        sys.exit(f"unknown benchmark(s) {unknown}; available: {available}")
    failed = []
    for name in wanted:
        print(f"\n=== {name} ===", flush=True)
        if subprocess.run([sys.executable, str(HERE / f"{name}.py")], check=False).returncode != 0:
            failed.append(name)
    if failed:
        sys.exit(f"failed: {failed}")


if __name__ == "__main__":
    main()
