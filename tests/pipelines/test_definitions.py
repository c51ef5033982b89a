"""The Dagster code location: it loads, it is wired as designed, and the UI has what it needs."""

from __future__ import annotations

import subprocess
import sys

from dagster import AssetKey, DefaultScheduleStatus

from pipelines.definitions import defs
from warehouse.marts import python_marts
from warehouse.models import sql_models


def _graph():
    return defs.resolve_asset_graph()


def test_every_table_is_an_asset_with_a_description():
    keys = set(_graph().get_all_asset_keys())
    tables = [m.table for m in sql_models()] + [m.table for m in python_marts()]
    for table in tables:
        assert AssetKey(table.split(".")) in keys, table
    for key in keys:
        node = _graph().get(key)
        assert node.description and "Grain" in node.description, key


def test_staging_reads_raw_and_core_reads_staging():
    parents = _graph().get(AssetKey(["core", "metr_horizon_revisions"])).parent_keys
    assert AssetKey(["staging", "stg_metr__horizons"]) in parents
    raw = _graph().get(AssetKey(["staging", "stg_metr__runs"])).parent_keys
    assert AssetKey(["raw", "metr__runs_1_1"]) in raw and AssetKey(["raw", "metr__all_runs"]) in raw


def test_nightly_schedule_runs_by_default_at_three_utc():
    schedule = defs.resolve_schedule_def("nightly_refresh_schedule")
    assert schedule.cron_schedule == "0 3 * * *"
    assert schedule.execution_timezone == "UTC"
    assert schedule.default_status == DefaultScheduleStatus.RUNNING
    assert schedule.job_name == "nightly_refresh"


def test_duckdb_writers_never_run_in_parallel():
    assert defs.resolve_job_def("nightly_refresh").executor_def.name == "in_process"


def test_fetch_assets_retry_and_staging_checks_block():
    raw = defs.resolve_assets_def(AssetKey(["raw", "metr__runs_1_1"]))
    assert raw.op.retry_policy and raw.op.retry_policy.max_retries >= 1
    graph = defs.resolve_asset_graph()
    staging_checks = [k for k in graph.asset_check_keys if k.asset_key.path[0] == "staging"]
    assert staging_checks
    for key in staging_checks:
        assert graph.get_check_spec(key).blocking, key


def test_dagster_definitions_validate():
    result = subprocess.run(
        [sys.executable, "-m", "dagster", "definitions", "validate", "-m", "pipelines.definitions"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
