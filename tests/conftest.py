"""Shared fixtures. Tests never touch the network: live URLs go to respx mocks or to a local
HTTP server standing in as `FRONTIER_MIRROR`."""

from __future__ import annotations

import datetime as dt
import http.server
import tempfile
import threading
from pathlib import Path

import duckdb
import pytest

from sources.archive import Archive
from sources.http import HttpClient
from sources.registry import all_sources
from sources.spec import Source
from warehouse.prepare import prepare


def seed_bytes(source: Source, file: str) -> bytes:
    """A recorded real payload shipped with a source."""
    return source.seed_path(next(s for e in source.endpoints for s in e.seeds if s.file == file)).read_bytes()


@pytest.fixture
def frontier_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("FRONTIER_HOME", str(home))
    monkeypatch.delenv("FRONTIER_WAREHOUSE", raising=False)
    monkeypatch.delenv("FRONTIER_MIRROR", raising=False)
    monkeypatch.setenv("DAGSTER_HOME", str(home / "dagster"))
    return home


@pytest.fixture
def con():
    """An in-memory warehouse with migrations applied and every raw table declared."""
    connection = duckdb.connect(":memory:")
    prepare(connection, all_sources())
    yield connection
    connection.close()


@pytest.fixture
def archive(tmp_path) -> Archive:
    return Archive(tmp_path / "archive")


@pytest.fixture
def no_sleep_client() -> HttpClient:
    """The real client with backoff sleeps recorded instead of slept."""
    slept: list[float] = []
    client = HttpClient(attempts=3, backoff_s=0.5, sleep=slept.append)
    client.slept = slept  # type: ignore[attr-defined]
    return client


class Mirror:
    """A local HTTP server laid out as `$FRONTIER_MIRROR/HOST/PATH`."""

    def __init__(self, root: Path, base: str):
        self.root = root
        self.base = base

    def put(self, url: str, payload: bytes) -> None:
        path = self.root / url.partition("://")[2]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(payload)


@pytest.fixture
def mirror(tmp_path, monkeypatch):
    root = tmp_path / "mirror"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setenv("FRONTIER_MIRROR", base)
    yield Mirror(root, base)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def metr_con():
    """A session-wide in-memory warehouse with the bundled METR payloads loaded and its SQL models
    built (raw -> staging -> core), for tests that need the real METR tables. Read it, don't write."""
    from sources.registry import source
    from warehouse.ingest import ingest_source
    from warehouse.models import build, sql_models

    metr = source("metr")
    connection = duckdb.connect(":memory:")
    prepare(connection, all_sources())
    with tempfile.TemporaryDirectory() as root:
        ingest_source(connection, metr, Archive(Path(root)), HttpClient(), offline=True)
    for model in sql_models():
        if model.name.startswith(("stg_metr__", "metr_")):
            build(connection, model)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def refreshed_home(tmp_path_factory):
    """One `frontier refresh --offline` into a fresh FRONTIER_HOME, shared by the CLI tests:
    (home, the CLI result). The slowest fixture of the suite: build it once."""
    from typer.testing import CliRunner

    from pipelines.cli import app

    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FRONTIER_HOME", str(home))
        patch.setenv("DAGSTER_HOME", str(home / "dagster"))
        patch.delenv("FRONTIER_MIRROR", raising=False)
        patch.delenv("FRONTIER_WAREHOUSE", raising=False)
        result = CliRunner().invoke(app, ["refresh", "--offline"])
    return home, result


def load_payload(con, endpoint, payload: bytes, seen_on: dt.date) -> None:
    """Load one payload into its endpoint's raw table as a snapshot first seen on `seen_on`."""
    from sources.archive import sha256
    from sources.schema import observed_fields
    from warehouse.raw import Snapshot, load_snapshot

    records = endpoint.extract(payload)
    snapshot = Snapshot(endpoint, sha256(payload), dt.datetime.combine(seen_on, dt.time()), endpoint.url)
    load_snapshot(con, snapshot, endpoint.parse_records(records), observed_fields(records))


def build_tables(con, *tables: str) -> None:
    from warehouse.models import build, sql_model

    for table in tables:
        build(con, sql_model(table))
