"""Resources: the fetcher (live HTTP or archive only) and the DuckDB warehouse."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource
from dagster_duckdb import DuckDBResource
from pydantic import Field, PrivateAttr

from sources.archive import Archive
from sources.http import HttpClient
from sources.registry import all_sources
from warehouse import settings
from warehouse.prepare import prepare


class Fetcher(ConfigurableResource):
    """Fetches every source over HTTP and archives each payload under `FRONTIER_HOME/archive`.

    With `offline`, nothing touches the network: every endpoint is served from the archive.
    """

    offline: bool = Field(default=False, description="serve every endpoint from the archive")
    archive_dir: str | None = Field(
        default=None, description="default: FRONTIER_HOME/archive, read at run time"
    )
    timeout_s: float = Field(default=30.0, description="per-request timeout")
    attempts: int = Field(default=4, description="tries per URL on 429/5xx/transport errors")

    _client: HttpClient | None = PrivateAttr(default=None)

    def archive(self) -> Archive:
        return Archive(self.archive_dir or settings.archive_root())

    def client(self) -> HttpClient:
        """One client per run, so a host found unreachable is not retried by every source."""
        if self._client is None:
            self._client = HttpClient(timeout_s=self.timeout_s, attempts=self.attempts)
        return self._client


class Warehouse(DuckDBResource):
    """The DuckDB warehouse. With `database` empty it is FRONTIER_WAREHOUSE (a file, or MotherDuck /
    DuckLake), else FRONTIER_HOME/frontier.duckdb, resolved when a step runs (not when definitions load)."""

    database: str = Field(default="", description="path of the DuckDB file; empty = from the settings")

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        target = self.database or settings.warehouse_target()
        if not target.startswith(settings.REMOTE_PREFIXES):
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        with DuckDBResource(
            database=target, connection_config=self.connection_config
        ).get_connection() as con:
            yield con


@contextmanager
def open_warehouse(warehouse: DuckDBResource) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a warehouse whose migrations and raw tables are in place."""
    with warehouse.get_connection() as con:
        prepare(con, all_sources())
        yield con
