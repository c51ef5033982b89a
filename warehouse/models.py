"""SQL models: one `.sql` file per table under `sql/<layer>/`, built as `CREATE OR REPLACE TABLE`.

Each file starts with `-- description:` and `-- grain:` lines (the table catalog is read from them);
the tables a model reads are found in its SQL, so lineage needs no second declaration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import duckdb

from warehouse.db import row_count

LAYERS = ("staging", "core", "marts")
_REFERENCE = re.compile(r"\b((?:raw|staging|core|marts)\.[a-z0-9_]+)\b")
_HEADER = re.compile(r"^--\s*(description|grain):\s*(.+)$")


@dataclass(frozen=True)
class SqlModel:
    layer: str
    name: str
    sql: str
    description: str
    grain: str

    @property
    def table(self) -> str:
        return f"{self.layer}.{self.name}"

    @property
    def reads(self) -> tuple[str, ...]:
        """Tables this model selects from, in order of first mention."""
        found = dict.fromkeys(m for m in _REFERENCE.findall(self.sql) if m != self.table)
        return tuple(found)


def parse_model(layer: str, name: str, sql: str) -> SqlModel:
    header = {}
    for line in sql.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            break
        header[match.group(1)] = match.group(2).strip()
    missing = {"description", "grain"} - header.keys()
    if missing:
        raise ValueError(f"sql/{layer}/{name}.sql lacks a header line for: {', '.join(sorted(missing))}")
    return SqlModel(layer, name, sql, header["description"], header["grain"])


@cache
def sql_models() -> tuple[SqlModel, ...]:
    models = []
    for layer in LAYERS:
        folder = resources.files("warehouse").joinpath("sql", layer)
        if not folder.is_dir():  # a layer with no SQL models (marts are all Python today)
            continue
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".sql"):
                models.append(parse_model(layer, entry.name[:-4], entry.read_text(encoding="utf-8")))
    return tuple(models)


def sql_model(table: str) -> SqlModel:
    for model in sql_models():
        if model.table == table:
            return model
    raise KeyError(f"no SQL model builds {table}")


def build(con: duckdb.DuckDBPyConnection, model: SqlModel) -> int:
    """(Re)build the model's table in one transaction; return its row count."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"CREATE OR REPLACE TABLE {model.table} AS\n{model.sql}")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return row_count(con, model.table)
