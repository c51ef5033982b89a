"""`frontier export DIR`: every mart as Parquet and CSV, versioned, with a JSON data dictionary."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import polars as pl

from warehouse.catalog import catalog


def _csv_ready(frame: pl.DataFrame) -> pl.DataFrame:
    """CSV has no nested values: list and struct columns are written as JSON text."""
    nested = [c for c, t in frame.schema.items() if isinstance(t, pl.List | pl.Struct | pl.Array)]
    return frame.with_columns(
        pl.col(c).map_elements(
            lambda v: json.dumps(v.to_list() if hasattr(v, "to_list") else v, default=str),
            return_dtype=pl.String,
        )
        for c in nested
    )


def export_marts(con: duckdb.DuckDBPyConnection, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    comments = {
        (f"{s}.{t}", c): d
        for s, t, c, d in con.execute(
            "SELECT schema_name, table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'marts'"
        ).fetchall()
    }
    existing = {
        f"marts.{t}"
        for (t,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts'"
        ).fetchall()
    }
    dictionary, written = {}, []
    for entry in catalog():
        if entry.layer != "marts" or entry.table not in existing:
            continue
        frame = con.sql(f"SELECT * FROM {entry.table}").pl()
        stem = f"{entry.table.split('.', 1)[1]}-v{entry.version}"
        frame.write_parquet(directory / f"{stem}.parquet")
        _csv_ready(frame).write_csv(directory / f"{stem}.csv")
        written += [directory / f"{stem}.parquet", directory / f"{stem}.csv"]
        dictionary[entry.table] = {
            "files": [f"{stem}.parquet", f"{stem}.csv"],
            "version": entry.version,
            "grain": entry.grain,
            "description": entry.description,
            "sources": list(entry.sources),
            "rows": frame.height,
            "columns": [
                {"name": name, "type": str(dtype), "description": comments.get((entry.table, name))}
                for name, dtype in frame.schema.items()
            ],
        }
    path = directory / "data_dictionary.json"
    path.write_text(json.dumps(dictionary, indent=2, default=str), encoding="utf-8")
    return [*written, path]
