"""The cost marts built on the bundled data: wall time and peak RSS of each build and write.

Every bundled source is ingested offline into an in-memory warehouse and the tables the cost marts read
are built (SQL models and Python marts, dependencies first); then each cost mart is built and written.

Run: `.venv/bin/python -m tests.benchmarks.bench_costs`
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import duckdb

from tests.benchmarks.measure import peak_rss_mb
from warehouse.marts import PythonMart, build_mart, python_marts, write_mart
from warehouse.marts.costs import MARTS
from warehouse.models import build, sql_models


def bundled_inputs() -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse holding every table the cost marts read."""
    from sources.archive import Archive
    from sources.http import HttpClient
    from sources.registry import all_sources
    from warehouse.ingest import ingest_source
    from warehouse.prepare import prepare

    con = duckdb.connect(":memory:")
    prepare(con, all_sources())
    with tempfile.TemporaryDirectory() as root:
        for source in all_sources():
            ingest_source(con, source, Archive(Path(root)), HttpClient(), offline=True)
    ours = {mart.table for mart in MARTS}
    builders = {m.table: m for m in (*sql_models(), *python_marts()) if m.table not in ours}
    built: set[str] = set()

    def ensure(table: str) -> None:
        if table in built or table.startswith("raw.") or table in ours:
            return
        builder = builders[table]
        for upstream in builder.reads:
            ensure(upstream)
        if isinstance(builder, PythonMart):
            build_mart(con, builder)
        else:
            build(con, builder)
        built.add(table)

    for mart in MARTS:
        for table in mart.reads:
            ensure(table)
    return con


def main() -> None:
    started = time.perf_counter()
    con = bundled_inputs()
    print(
        f"{'inputs (ingest + upstream tables)':<40} {time.perf_counter() - started:8.2f} s   "
        f"peak RSS {peak_rss_mb():8.1f} MB"
    )
    total = time.perf_counter()
    for mart in MARTS:
        begun = time.perf_counter()
        inputs = {table: con.sql(f"SELECT * FROM {table}").pl() for table in mart.reads}
        rows = write_mart(con, mart, mart.build(inputs))
        print(
            f"{mart.table:<40} {time.perf_counter() - begun:8.2f} s   peak RSS {peak_rss_mb():8.1f} MB"
            f"   {rows:>6} rows"
        )
    print(f"{'all cost marts':<40} {time.perf_counter() - total:8.2f} s   peak RSS {peak_rss_mb():8.1f} MB")
    con.close()


if __name__ == "__main__":
    main()
