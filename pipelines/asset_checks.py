"""Table checks: Great Expectations suites (blocking: a failing suite stops downstream tables) and SQL
checks over whole tables (coverage, unmatched names)."""

from dagster import AssetCheckExecutionContext, AssetChecksDefinition, AssetCheckSeverity, asset_check
from dagster_duckdb import DuckDBResource

from checks.gx import validate
from checks.suites import all_suites
from checks.table_checks import TABLE_CHECKS, TableCheck
from pipelines.assets.sql_models import table_key
from pipelines.checks import check_result
from pipelines.resources import open_warehouse


def expectations_check(table: str, build_suite) -> AssetChecksDefinition:
    suite = build_suite()
    listed = "\n".join(f"- {e.why}" for e in suite.expectations)

    @asset_check(
        asset=table_key(table),
        name="expectations",
        blocking=True,
        description=f"Great Expectations suite `{suite.name}`:\n{listed}",
    )
    def _expectations(context: AssetCheckExecutionContext, warehouse: DuckDBResource):
        with open_warehouse(warehouse) as con:
            frame = con.sql(suite.sql).df()
        return check_result(validate(build_suite(), frame))

    return _expectations


def table_check(check: TableCheck) -> AssetChecksDefinition:
    @asset_check(
        asset=table_key(check.table),
        name=check.name,
        blocking=check.blocking,
        description=check.description,
        additional_deps=[table_key(t) for t in check.reads],
    )
    def _check(context: AssetCheckExecutionContext, warehouse: DuckDBResource):
        with open_warehouse(warehouse) as con:
            outcome = check.run(con)
        severity = AssetCheckSeverity.ERROR if check.blocking else AssetCheckSeverity.WARN
        return check_result(outcome, severity=severity)

    return _check


def all_checks() -> list[AssetChecksDefinition]:
    return [expectations_check(table, build) for table, build in all_suites().items()] + [
        table_check(check) for check in TABLE_CHECKS
    ]
