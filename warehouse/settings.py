"""Where the warehouse and the raw archive live. Every path comes from `FRONTIER_HOME` (default ./data)."""

from __future__ import annotations

import os
from pathlib import Path

# DuckDB connection strings that are not local files: MotherDuck ("md:frontier") and DuckLake
# ("ducklake:metadata.ducklake"); DuckDB loads the extension they need when it connects.
REMOTE_PREFIXES = ("md:", "motherduck:", "ducklake:")


def frontier_home() -> Path:
    return Path(os.environ.get("FRONTIER_HOME") or "data").resolve()


def warehouse_target() -> str:
    """What DuckDB connects to: `FRONTIER_WAREHOUSE` (a path or a remote connection string), else
    FRONTIER_HOME/frontier.duckdb."""
    override = os.environ.get("FRONTIER_WAREHOUSE")
    if override and override.startswith(REMOTE_PREFIXES):
        return override
    return str(Path(override).resolve() if override else frontier_home() / "frontier.duckdb")


def local_warehouse() -> Path | None:
    """The warehouse file, or None when the warehouse is remote."""
    target = warehouse_target()
    return None if target.startswith(REMOTE_PREFIXES) else Path(target)


def archive_root() -> Path:
    return frontier_home() / "archive"
