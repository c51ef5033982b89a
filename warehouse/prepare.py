"""Bring a warehouse file up to date before anything reads or writes it."""

from __future__ import annotations

import hashlib

import duckdb

from sources.spec import Source
from warehouse.migrate import migrate, migration_files
from warehouse.raw import duckdb_type, ensure_raw_table


def schema_fingerprint(sources: tuple[Source, ...]) -> str:
    """A hash of every migration and every declared raw column: when it matches the one recorded in
    the file, the warehouse is already prepared (every step of a run opens it; most need no DDL)."""
    digest = hashlib.sha256()
    for version, name, sql in migration_files():
        digest.update(f"{version}:{name}:{sql}".encode())
    for source in sources:
        for endpoint in source.endpoints:
            digest.update(endpoint.raw_table.encode())
            for column in endpoint.columns:
                digest.update(f"{column.name}:{duckdb_type(column.dtype)}".encode())
    return digest.hexdigest()


def prepare(con: duckdb.DuckDBPyConnection, sources: tuple[Source, ...]) -> None:
    """Apply migrations and create every declared raw table, so staging SQL can always run."""
    fingerprint = schema_fingerprint(sources)
    con.execute("CREATE SCHEMA IF NOT EXISTS meta")
    con.execute("CREATE TABLE IF NOT EXISTS meta.prepared (fingerprint VARCHAR PRIMARY KEY)")
    if con.execute("SELECT 1 FROM meta.prepared WHERE fingerprint = ?", [fingerprint]).fetchall():
        return
    migrate(con)
    for source in sources:
        for endpoint in source.endpoints:
            ensure_raw_table(con, endpoint)
    con.execute("DELETE FROM meta.prepared")
    con.execute("INSERT INTO meta.prepared VALUES (?)", [fingerprint])
