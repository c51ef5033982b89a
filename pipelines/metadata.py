"""Asset metadata shared by every layer: row counts, previews and column schemas."""

from __future__ import annotations

import duckdb
from dagster import MetadataValue, TableColumn, TableSchema

from checks.outcome import markdown_table
from warehouse.db import row_count

PREVIEW_ROWS = 8


def preview(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> MetadataValue:
    cursor = con.execute(f"{sql} LIMIT {PREVIEW_ROWS}", params or [])
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return MetadataValue.md(markdown_table(rows))


def column_schema(con: duckdb.DuckDBPyConnection, table: str) -> TableSchema:
    schema, name = table.split(".")
    rows = con.execute(
        "SELECT column_name, data_type, comment FROM duckdb_columns() "
        "WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
        [schema, name],
    ).fetchall()
    return TableSchema(columns=[TableColumn(n, t, description=c) for n, t, c in rows])


def table_metadata(con: duckdb.DuckDBPyConnection, table: str) -> dict:
    return {
        "dagster/row_count": row_count(con, table),
        "dagster/column_schema": column_schema(con, table),
        "table": MetadataValue.text(table),
        "preview": preview(con, f"SELECT * FROM {table}"),
    }
