"""What `frontier status` and `frontier tables` report: sources, tables and checks, read from the
warehouse (fetch ledger, row counts) and the Dagster instance (materializations, check results)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
from dagster import AssetCheckKey, AssetKey, DagsterInstance
from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus

from warehouse.catalog import catalog
from warehouse.db import row_count


@dataclass(frozen=True)
class EndpointStatus:
    endpoint: str
    last_live_fetch: dt.datetime | None
    last_attempt: dt.datetime | None
    last_error: str | None
    snapshots: int


@dataclass(frozen=True)
class TableStatus:
    table: str
    layer: str
    grain: str
    rows: int | None
    last_updated: dt.datetime | None


@dataclass(frozen=True)
class CheckStatus:
    asset: str
    check: str
    passed: bool
    severity: str
    summary: str
    at: dt.datetime


def endpoint_statuses(con: duckdb.DuckDBPyConnection) -> list[EndpointStatus]:
    rows = con.execute(
        """
        SELECT f.endpoint,
               max(fetched_at) FILTER (WHERE origin = 'live' AND error IS NULL AND sha256 IS NOT NULL),
               max(fetched_at) FILTER (WHERE origin = 'live'),
               arg_max(error, fetched_at) FILTER (WHERE origin = 'live'),
               (SELECT count(*) FROM raw.payloads p WHERE p.endpoint = f.endpoint)
        FROM raw.fetch_log f GROUP BY f.endpoint ORDER BY f.endpoint
        """
    ).fetchall()
    return [EndpointStatus(*row) for row in rows]


def table_statuses(con: duckdb.DuckDBPyConnection, instance: DagsterInstance | None) -> list[TableStatus]:
    existing = {
        f"{s}.{t}" for s, t in con.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall()
    }
    entries = catalog()
    latest = (
        instance.get_latest_materialization_events([AssetKey(e.table.split(".")) for e in entries])
        if instance
        else {}
    )
    statuses = []
    for entry in entries:
        event = latest.get(AssetKey(entry.table.split(".")))
        updated = dt.datetime.fromtimestamp(event.timestamp, dt.UTC).replace(tzinfo=None) if event else None
        rows = row_count(con, entry.table) if entry.table in existing else None
        statuses.append(TableStatus(entry.table, entry.layer, entry.grain, rows, updated))
    return statuses


def check_statuses(instance: DagsterInstance, check_keys: list[AssetCheckKey]) -> list[CheckStatus]:
    """The latest evaluation of every check (checks never run are left out)."""
    statuses = []
    for key in check_keys:
        record = instance.get_latest_asset_check_evaluation_record(key)
        if (
            record is None
            or record.event is None
            or record.status
            not in (
                AssetCheckExecutionRecordStatus.SUCCEEDED,
                AssetCheckExecutionRecordStatus.FAILED,
            )
        ):
            continue
        evaluation = record.event.dagster_event.event_specific_data
        summary = evaluation.metadata.get("summary")
        statuses.append(
            CheckStatus(
                key.asset_key.to_user_string(),
                key.name,
                evaluation.passed,
                evaluation.severity.value,
                summary.value if summary else "",
                dt.datetime.fromtimestamp(record.create_timestamp, dt.UTC).replace(tzinfo=None),
            )
        )
    return statuses
