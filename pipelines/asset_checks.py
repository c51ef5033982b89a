"""Great Expectations suites as blocking asset checks: a failing suite stops downstream tables."""


from dagster import AssetCheckExecutionContext, AssetChecksDefinition, asset_check
from dagster_duckdb import DuckDBResource

from checks.gx import validate
from checks.suites import all_suites
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
            frame = con.sql(f"SELECT * FROM {table}").df()
        return check_result(validate(build_suite(), frame))

    return _expectations


def expectation_checks() -> list[AssetChecksDefinition]:
    return [expectations_check(table, build) for table, build in all_suites().items()]
