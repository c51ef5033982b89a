"""The one Definitions object of the frontier-ledger code location."""

from __future__ import annotations

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    Definitions,
    ScheduleDefinition,
    define_asset_job,
    in_process_executor,
)

from pipelines.asset_checks import all_checks
from pipelines.assets.python_marts import python_mart_assets
from pipelines.assets.raw import raw_source_asset
from pipelines.assets.sql_models import sql_model_assets
from pipelines.resources import Fetcher, Warehouse
from sources.registry import all_sources

nightly_refresh = define_asset_job(
    "nightly_refresh",
    selection=AssetSelection.all(),
    description="Fetch every source, load new snapshots, rebuild staging, core and marts, run all checks.",
)

nightly_schedule = ScheduleDefinition(
    name="nightly_refresh_schedule",
    job=nightly_refresh,
    cron_schedule="0 3 * * *",
    execution_timezone="UTC",
    default_status=DefaultScheduleStatus.RUNNING,
    description="The full refresh, every night at 03:00 UTC.",
)

defs = Definitions(
    assets=[*(raw_source_asset(s) for s in all_sources()), *sql_model_assets(), *python_mart_assets()],
    asset_checks=all_checks(),
    jobs=[nightly_refresh],
    schedules=[nightly_schedule],
    resources={"fetcher": Fetcher(), "warehouse": Warehouse()},
    # DuckDB allows one writer per file: run steps one at a time, in one process.
    executor=in_process_executor,
)
