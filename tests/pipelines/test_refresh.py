"""`frontier refresh --offline` on an empty FRONTIER_HOME builds the whole warehouse, and again
changes nothing. One module-scoped build serves every assertion (it is the slowest test here)."""

from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from pipelines.cli import app

runner = CliRunner()


def _table_counts(path) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute(
            "SELECT schema_name || '.' || table_name FROM duckdb_tables() "
            "WHERE schema_name IN ('raw', 'staging', 'core', 'marts') AND table_name <> 'fetch_log'"
        ).fetchall()
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for (t,) in tables}


@pytest.fixture(scope="module")
def refreshed(refreshed_home):
    home, first = refreshed_home
    counts = _table_counts(home / "frontier.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FRONTIER_HOME", str(home))
        patch.setenv("DAGSTER_HOME", str(home / "dagster"))
        second = runner.invoke(app, ["refresh", "--offline"])
    yield home, first, counts, second


def test_offline_refresh_succeeds_and_says_it_is_stale(refreshed):
    _, first, _, _ = refreshed
    assert first.exit_code == 0, first.output
    assert "offline (stale)" in first.output
    assert "refresh succeeded" in first.output


def test_every_layer_is_filled(refreshed):
    _, _, counts, _ = refreshed
    assert counts["staging.stg_metr__runs"] == 7063 + 4187
    assert counts["core.metr_horizon_revisions"] > 0
    empty = sorted(t for t, n in counts.items() if n == 0 and not t.startswith("raw."))
    assert empty == []


def test_second_run_changes_no_row(refreshed):
    home, _, counts, second = refreshed
    assert second.exit_code == 0, second.output
    assert _table_counts(home / "frontier.duckdb") == counts


def test_runs_are_recorded_in_the_dagster_instance(refreshed):
    home, *_ = refreshed
    assert (home / "dagster" / "dagster.yaml").read_text().count("enabled: false") == 1
    assert any((home / "dagster").iterdir())


def test_sql_is_read_only_and_errors_are_one_sentence(refreshed, monkeypatch):
    home, *_ = refreshed
    monkeypatch.setenv("FRONTIER_HOME", str(home))
    ok = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM staging.stg_metr__horizons"])
    assert ok.exit_code == 0 and "74" in ok.output, ok.output
    write = runner.invoke(app, ["sql", "DELETE FROM staging.stg_metr__horizons"])
    assert write.exit_code == 1 and "read-only" in write.output.lower()
    missing = runner.invoke(app, ["sql", "SELECT * FROM nope"])
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_sql_without_a_warehouse_says_how_to_make_one(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTIER_HOME", str(tmp_path))
    result = runner.invoke(app, ["sql", "SELECT 1"])
    assert result.exit_code == 1 and "frontier refresh" in result.output
