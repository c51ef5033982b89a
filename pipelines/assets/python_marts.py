"""Marts computed in Python (`warehouse/marts/*.py`): one asset per `PythonMart`.

Dagster only wires: it reads the declared input tables, calls the mart's pure `build`, writes the
result in one transaction, and attaches row count, preview, column schema and the mart's chart.
"""

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset
from dagster_duckdb import DuckDBResource

from pipelines.assets.sql_models import table_key
from pipelines.metadata import table_metadata
from pipelines.resources import open_warehouse
from warehouse.marts import PythonMart, build_mart, python_marts


def python_mart_asset(mart: PythonMart):
    @asset(
        key=table_key(mart.table),
        group_name=mart.layer,
        description=f"{mart.description}\n\nGrain: {mart.grain}.",
        deps=[table_key(t) for t in mart.reads],
        kinds={"duckdb", "python"},
        metadata={"grain": mart.grain},
    )
    def _mart(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
        from pipelines.report.charts import drawn_charts  # matplotlib loads when a mart runs, not at start-up

        with open_warehouse(warehouse) as con:
            build_mart(con, mart)
            metadata = table_metadata(con, mart.table)
            for title, uri in drawn_charts(con, mart.table).items():  # the report's charts, in the UI
                metadata[f"chart: {title}"] = MetadataValue.md(f"![{title}]({uri})")
            return MaterializeResult(metadata=metadata)

    return _mart


def python_mart_assets():
    return [python_mart_asset(m) for m in python_marts()]
