"""Small DuckDB helpers shared by every warehouse module."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence | None = None):
    """The single value a query returns. Fetches all rows: DuckDB 2 refuses new work on a
    connection while a result is only partly fetched (as `fetchone()` leaves it)."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0][0] if rows else None


def row_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(scalar(con, f"SELECT count(*) FROM {table}"))
