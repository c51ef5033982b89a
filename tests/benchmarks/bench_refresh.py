"""Full offline refresh from an empty FRONTIER_HOME, then a no-change re-run.

Run: `.venv/bin/python -m tests.benchmarks.bench_refresh`
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.measure import run_measured


def main() -> None:
    frontier = str(Path(sys.executable).with_name("frontier"))
    home = Path(tempfile.mkdtemp(prefix="frontier-bench-"))
    env = {"FRONTIER_HOME": str(home), "DAGSTER_HOME": str(home / "dagster"), "FRONTIER_MIRROR": ""}
    try:
        print(run_measured("offline refresh, empty FRONTIER_HOME", [frontier, "refresh", "--offline"], env))
        print(run_measured("offline refresh, nothing changed", [frontier, "refresh", "--offline"], env))
        size = (home / "frontier.duckdb").stat().st_size / 1e6
        print(f"{'warehouse file':<48} {size:8.1f} MB")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
