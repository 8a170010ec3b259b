"""The process the kill sweep interrupts: ``python -m tests.reliability.child SCENARIO DATA_DIR [KILL_AT]``.

Without KILL_AT it runs the operation to the end and prints how many crash points it passed.
"""

from __future__ import annotations

import sys


def main() -> None:
    scenario_name, data_dir = sys.argv[1], sys.argv[2]
    kill_at = int(sys.argv[3]) if len(sys.argv) > 3 else None
    from tests.reliability.crashpoints import install

    points = install(kill_at)
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings
    from tests.reliability.scenarios import BY_NAME

    settings = load_settings(None, data_dir=data_dir, query={"workers": 1})
    with Lakehouse(settings) as lh:
        points.armed = True
        BY_NAME[scenario_name].run(lh, points)
        points.armed = False
    print(points.report(), flush=True)


if __name__ == "__main__":
    main()
