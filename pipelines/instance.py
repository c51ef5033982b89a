"""A persistent Dagster instance under FRONTIER_HOME, so CLI runs show up in the UI's run history."""

from __future__ import annotations

import os
from pathlib import Path

from warehouse import settings

_DAGSTER_YAML = """\
# Written by frontier-ledger. Runs, schedules and sensors are stored in this folder.
telemetry:
  enabled: false
"""


def dagster_home() -> Path:
    """`DAGSTER_HOME` if set, else `FRONTIER_HOME/dagster` (created with telemetry off)."""
    home = Path(os.environ.get("DAGSTER_HOME") or settings.frontier_home() / "dagster").resolve()
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(_DAGSTER_YAML, encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(home)
    return home
