"""Copy the archive's fetch log into `raw.fetch_log`, so fetches can be queried beside the data."""

from __future__ import annotations

from dataclasses import asdict

import duckdb
import polars as pl

from sources.archive import FetchLogEntry
from warehouse.db import row_count

_COLUMNS = {
    "fetch_id": pl.String,
    "source": pl.String,
    "endpoint": pl.String,
    "url": pl.String,
    "fetched_at": pl.Datetime("us"),
    "origin": pl.String,
    "status": pl.Int32,
    "bytes": pl.Int64,
    "sha256": pl.String,
    "error": pl.String,
    "etag": pl.String,
    "last_modified": pl.String,
}


def sync_fetch_log(con: duckdb.DuckDBPyConnection, entries: list[FetchLogEntry]) -> int:
    """Insert log lines not yet in the warehouse; return how many were new."""
    if not entries:
        return 0
    rows = [{**asdict(e), "fetch_id": e.fetch_id, "fetched_at": e.fetched_at_dt} for e in entries]
    frame = pl.DataFrame(rows, schema=_COLUMNS)
    before = row_count(con, "raw.fetch_log")
    con.register("_incoming_fetch_log", frame.to_arrow())
    try:
        con.execute("INSERT OR IGNORE INTO raw.fetch_log BY NAME SELECT * FROM _incoming_fetch_log")
    finally:
        con.unregister("_incoming_fetch_log")
    return row_count(con, "raw.fetch_log") - before
