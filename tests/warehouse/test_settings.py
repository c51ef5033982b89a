"""Settings: FRONTIER_HOME holds everything; FRONTIER_WAREHOUSE may be another file or a remote DuckDB."""

from __future__ import annotations

from pathlib import Path

from warehouse import settings


def test_defaults_live_under_frontier_home(monkeypatch, tmp_path):
    monkeypatch.setenv("FRONTIER_HOME", str(tmp_path))
    monkeypatch.delenv("FRONTIER_WAREHOUSE", raising=False)
    assert settings.warehouse_target() == str(tmp_path / "frontier.duckdb")
    assert settings.local_warehouse() == tmp_path / "frontier.duckdb"
    assert settings.archive_root() == tmp_path / "archive"


def test_frontier_home_defaults_to_data(monkeypatch):
    monkeypatch.delenv("FRONTIER_HOME", raising=False)
    assert settings.frontier_home() == Path("data").resolve()


def test_warehouse_override_file_or_remote(monkeypatch, tmp_path):
    monkeypatch.setenv("FRONTIER_WAREHOUSE", str(tmp_path / "elsewhere.duckdb"))
    assert settings.local_warehouse() == tmp_path / "elsewhere.duckdb"
    for remote in ("md:frontier_ledger", "ducklake:metadata.ducklake"):
        monkeypatch.setenv("FRONTIER_WAREHOUSE", remote)
        assert settings.warehouse_target() == remote and settings.local_warehouse() is None
