"""Where the warehouse and the raw archive live. Every path comes from `FRONTIER_HOME` (default ./data)."""

from __future__ import annotations

import os
from pathlib import Path


def frontier_home() -> Path:
    return Path(os.environ.get("FRONTIER_HOME") or "data").resolve()


def warehouse_path() -> Path:
    """The DuckDB file; `FRONTIER_WAREHOUSE` overrides it (e.g. a path on a bigger disk)."""
    override = os.environ.get("FRONTIER_WAREHOUSE")
    return Path(override).resolve() if override else frontier_home() / "frontier.duckdb"


def archive_root() -> Path:
    return frontier_home() / "archive"
