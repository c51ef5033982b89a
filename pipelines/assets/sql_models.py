"""Staging and core assets: one per SQL model in `warehouse/sql/<layer>/<name>.sql`.

The asset key is the table name (`staging/stg_metr__runs`), its description and grain come from the
SQL file's header, and its upstream assets from the tables the SQL reads.
"""

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, asset
from dagster_duckdb import DuckDBResource

from pipelines.metadata import table_metadata
from pipelines.resources import open_warehouse
from warehouse.models import SqlModel, build, sql_models

# Ledger tables every raw asset writes; lineage runs through the raw tables themselves.
_LEDGER = {"raw.fetch_log", "raw.payloads", "raw.payload_rejections"}


def table_key(table: str) -> AssetKey:
    return AssetKey(table.split("."))


def sql_model_asset(model: SqlModel):
    @asset(
        key=table_key(model.table),
        group_name=model.layer,
        description=f"{model.description}\n\nGrain: {model.grain}.",
        deps=[table_key(t) for t in model.reads if t not in _LEDGER],
        kinds={"duckdb", "sql"},
        metadata={"grain": model.grain, "sql": f"warehouse/sql/{model.layer}/{model.name}.sql"},
    )
    def _table(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
        with open_warehouse(warehouse) as con:
            build(con, model)
            return MaterializeResult(metadata=table_metadata(con, model.table))

    return _table


def sql_model_assets():
    return [sql_model_asset(m) for m in sql_models()]
