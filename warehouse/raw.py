"""Raw tables: one per endpoint (`raw.<source>__<endpoint>`), append-only, one snapshot per payload.

Each raw table holds the declared columns of its endpoint plus `_snapshot_sha256` (the payload),
`_first_seen_at` (the snapshot's date) and `_row` (position in the payload). Tables are created from
the declared schema; a column added to a declaration is added to the table (never dropped), so old
snapshots keep their rows with NULL in the new column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import polars as pl

from sources.spec import Endpoint

_DUCKDB_TYPES = {
    pl.Float64: "DOUBLE",
    pl.Int64: "BIGINT",
    pl.String: "VARCHAR",
    pl.Boolean: "BOOLEAN",
    pl.Date: "DATE",
}


def duckdb_type(dtype) -> str:
    if isinstance(dtype, pl.Datetime) or dtype == pl.Datetime:
        return "TIMESTAMP"
    if isinstance(dtype, pl.List):
        return f"{duckdb_type(dtype.inner)}[]"
    for polars_type, sql_type in _DUCKDB_TYPES.items():
        if dtype == polars_type:
            return sql_type
    raise TypeError(f"no DuckDB type declared for polars {dtype}")


def ensure_raw_table(con: duckdb.DuckDBPyConnection, endpoint: Endpoint) -> None:
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {endpoint.raw_table} "
        "(_snapshot_sha256 VARCHAR NOT NULL, _first_seen_at TIMESTAMP NOT NULL, _row INTEGER NOT NULL)"
    )
    for column in endpoint.columns:
        con.execute(
            f'ALTER TABLE {endpoint.raw_table} ADD COLUMN IF NOT EXISTS "{column.name}" '
            f"{duckdb_type(column.dtype)}"
        )


@dataclass(frozen=True)
class Snapshot:
    """A distinct payload of one endpoint, dated by the first time it was seen."""

    endpoint: Endpoint
    sha256: str
    first_seen_at: dt.datetime
    url: str


def load_snapshot(
    con: duckdb.DuckDBPyConnection, snapshot: Snapshot, frame: pl.DataFrame, observed_fields: set[str]
) -> int:
    """Replace this snapshot's rows in its raw table and record it, in one transaction."""
    endpoint = snapshot.endpoint
    rows = frame.with_row_index("_row").with_columns(
        pl.lit(snapshot.sha256).alias("_snapshot_sha256"),
        pl.lit(snapshot.first_seen_at).cast(pl.Datetime("us")).alias("_first_seen_at"),
    )
    ensure_raw_table(con, endpoint)
    con.register("_incoming_snapshot", rows.to_arrow())
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM {endpoint.raw_table} WHERE _snapshot_sha256 = ?", [snapshot.sha256])
        con.execute(f"INSERT INTO {endpoint.raw_table} BY NAME SELECT * FROM _incoming_snapshot")
        key = [endpoint.key, snapshot.sha256]
        con.execute("DELETE FROM raw.payloads WHERE endpoint = ? AND sha256 = ?", key)
        con.execute("DELETE FROM raw.payload_rejections WHERE endpoint = ? AND sha256 = ?", key)
        con.execute(
            "INSERT INTO raw.payloads VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP)",
            [
                *key,
                endpoint.source,
                endpoint.raw_table,
                snapshot.first_seen_at,
                snapshot.url,
                frame.height,
                sorted(observed_fields),
            ],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_incoming_snapshot")
    return frame.height


def record_rejection(con: duckdb.DuckDBPyConnection, snapshot: Snapshot, field: str, error: str) -> None:
    key = [snapshot.endpoint.key, snapshot.sha256]
    con.execute("DELETE FROM raw.payload_rejections WHERE endpoint = ? AND sha256 = ?", key)
    con.execute(
        "INSERT INTO raw.payload_rejections VALUES (?, ?, ?, ?, ?, ?, now()::TIMESTAMP)",
        [*key, snapshot.endpoint.source, snapshot.url, field, error],
    )


def loaded_snapshots(con: duckdb.DuckDBPyConnection, endpoint: Endpoint) -> set[str]:
    rows = con.execute("SELECT sha256 FROM raw.payloads WHERE endpoint = ?", [endpoint.key]).fetchall()
    return {sha for (sha,) in rows}
