"""Bring a warehouse file up to date before anything reads or writes it."""

from __future__ import annotations

import duckdb

from sources.spec import Source
from warehouse.migrate import migrate
from warehouse.raw import ensure_raw_table


def prepare(con: duckdb.DuckDBPyConnection, sources: tuple[Source, ...]) -> None:
    """Apply migrations and create every declared raw table, so staging SQL can always run."""
    migrate(con)
    for source in sources:
        for endpoint in source.endpoints:
            ensure_raw_table(con, endpoint)
