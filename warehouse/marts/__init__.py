"""Marts computed in Python: each module here defines `MARTS`, a tuple of `PythonMart`.

A mart declares the tables it reads; its `build` is a pure function from those tables (as polars
frames, keyed by table name) to its own frame. `write_mart` stores the result in one transaction.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

import duckdb
import polars as pl

from warehouse.db import row_count

Columns = dict[str, tuple[pl.DataType, str]]  # a mart's declared columns: name -> (type, description)


def column_schema(columns: Columns) -> dict[str, pl.DataType]:
    return {name: dtype for name, (dtype, _) in columns.items()}


def column_descriptions(columns: Columns) -> dict[str, str]:
    return {name: text for name, (_, text) in columns.items()}


@dataclass(frozen=True)
class PythonMart:
    table: str  # schema-qualified, e.g. "marts.time_horizons"
    description: str
    grain: str
    reads: tuple[str, ...]
    build: Callable[[Mapping[str, pl.DataFrame]], pl.DataFrame]
    columns: Mapping[str, str] = field(default_factory=dict)  # column -> description
    version: int = 1  # bumped when a column is renamed or removed (exports carry it in their file names)

    @property
    def name(self) -> str:
        return self.table.split(".", 1)[1]

    @property
    def layer(self) -> str:
        return self.table.split(".", 1)[0]


@cache
def python_marts() -> tuple[PythonMart, ...]:
    found: list[PythonMart] = []
    for module in pkgutil.iter_modules(__path__):
        found.extend(getattr(importlib.import_module(f"{__name__}.{module.name}"), "MARTS", ()))
    tables = [m.table for m in found]
    if len(tables) != len(set(tables)):
        raise RuntimeError(f"two marts build the same table: {sorted(tables)}")
    return tuple(found)


def read_inputs(con: duckdb.DuckDBPyConnection, mart: PythonMart) -> dict[str, pl.DataFrame]:
    return {table: con.sql(f"SELECT * FROM {table}").pl() for table in mart.reads}


def write_mart(con: duckdb.DuckDBPyConnection, mart: PythonMart, frame: pl.DataFrame) -> int:
    """Replace the mart's table with `frame` (and its column descriptions) in one transaction."""
    con.register("_mart_frame", frame.to_arrow())
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"CREATE OR REPLACE TABLE {mart.table} AS SELECT * FROM _mart_frame")
        for column, text in mart.columns.items():
            if column in frame.columns:
                con.execute(f'COMMENT ON COLUMN {mart.table}."{column}" IS {sql_string(text)}')
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_mart_frame")
    return row_count(con, mart.table)


def sql_string(text: str) -> str:
    """A SQL string literal (COMMENT ON takes no bound parameters)."""
    return "'" + text.replace("'", "''") + "'"


def build_mart(con: duckdb.DuckDBPyConnection, mart: PythonMart) -> int:
    return write_mart(con, mart, mart.build(read_inputs(con, mart)))
