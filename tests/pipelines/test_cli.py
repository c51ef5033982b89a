"""The `frontier` commands on a refreshed warehouse: status, tables, sql formats, export, report."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import polars as pl
import pytest
from typer.testing import CliRunner

from pipelines.cli import app
from warehouse.catalog import catalog

runner = CliRunner()


@pytest.fixture
def home(refreshed_home, monkeypatch):
    path, _ = refreshed_home
    monkeypatch.setenv("FRONTIER_HOME", str(path))
    monkeypatch.setenv("DAGSTER_HOME", str(path / "dagster"))
    return path


def test_status_lists_sources_runs_checks_and_size(home):
    result = runner.invoke(app, ["status"])
    assert result.exit_code == 0, result.output
    assert "metr/runs_1_1" in result.output and "never: archive only" in result.output
    assert "last run:" in result.output and "nightly_refresh" in result.output
    assert "failing checks:" in result.output and "freshness" in result.output
    assert "MB)" in result.output


def test_tables_lists_every_catalog_table_with_rows(home):
    result = runner.invoke(app, ["tables"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    for entry in catalog():
        assert entry.table in result.output
    assert "not built" not in result.output.split("raw.metr__runs_1_0")[0]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_sql_text_formats(home, fmt):
    result = runner.invoke(
        app,
        ["sql", "SELECT model, p50 FROM staging.stg_metr__horizons ORDER BY 1, 2 LIMIT 3", "--format", fmt],
    )
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        assert result.output.splitlines()[0] == "model,p50"
    else:
        assert len(json.loads(result.output)) == 3


def test_sql_parquet_needs_and_writes_a_file(home, tmp_path):
    assert runner.invoke(app, ["sql", "SELECT 1", "--format", "parquet"]).exit_code == 1
    target = tmp_path / "out.parquet"
    result = runner.invoke(app, ["sql", "SELECT * FROM core.fct_prices", "-f", "parquet", "-o", str(target)])
    assert result.exit_code == 0 and pl.read_parquet(target).height > 0


def test_unknown_table_and_format_are_one_sentence(home):
    unknown = runner.invoke(app, ["sql", "SELECT * FROM marts.nope"])
    assert (
        unknown.exit_code == 1 and "frontier tables" in unknown.output and "Traceback" not in unknown.output
    )
    bad = runner.invoke(app, ["sql", "SELECT 1", "--format", "xml"])
    assert bad.exit_code == 1 and "unknown format" in bad.output


def test_locked_warehouse_is_one_sentence(home):
    script = "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(30)"
    holder = subprocess.Popen(
        [os.sys.executable, "-c", script, str(home / "frontier.duckdb")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = runner.invoke(app, ["sql", "SELECT 1"])
        assert result.exit_code == 1 and "locked by another process" in result.output
    finally:
        holder.kill()
        holder.wait()


def test_export_writes_every_mart_versioned_with_a_data_dictionary(home, tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path)])
    assert result.exit_code == 0, result.output
    dictionary = json.loads((tmp_path / "data_dictionary.json").read_text())
    marts = {e.table for e in catalog() if e.layer == "marts"}
    assert set(dictionary) == marts
    entry = dictionary["marts.cost_per_horizon_hour"]
    assert entry["files"] == ["cost_per_horizon_hour-v1.parquet", "cost_per_horizon_hour-v1.csv"]
    assert entry["grain"] and any(
        c["name"] == "cost_per_horizon_hour" and c["description"] for c in entry["columns"]
    )
    assert pl.read_parquet(tmp_path / "cost_per_horizon_hour-v1.parquet").height == entry["rows"]
    assert pl.read_csv(tmp_path / "horizon_doubling_time-v1.csv").height > 0  # list columns as JSON text


def test_every_mart_in_the_catalog_has_a_grain_and_a_description():
    for entry in catalog():
        if entry.layer == "marts":
            assert len(entry.grain) > 10 and len(entry.description) > 40, entry.table


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_report_renders_every_chart_in_headless_chromium(home, tmp_path):
    if CHROMIUM is None:
        if os.environ.get("FRONTIER_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (FRONTIER_REQUIRE_BROWSER is set) but not installed")
        pytest.skip("chromium not installed (.ci/run installs it)")
    result = runner.invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 0, result.output
    index = tmp_path / "index.html"
    for name in ("horizon_trend", "hourly_cost_trend", "cost_curves", "pareto_frontiers", "price_decline"):
        assert (tmp_path / "charts" / f"{name}.png").stat().st_size > 10_000
        assert (tmp_path / "charts" / f"{name}.svg").exists()
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=15000",
    ]
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", index.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    figures = dom.count('<figure class="chart"')
    assert figures == 5 and dom.count("<svg") >= 5 and "No data yet" not in dom
    shot = tmp_path / "page.png"
    subprocess.run(
        [CHROMIUM, *flags, "--window-size=1200,3000", f"--screenshot={shot}", index.as_uri()],
        capture_output=True,
        timeout=120,
    )
    from PIL import Image

    pixels = Image.open(shot).convert("L")
    assert pixels.getextrema()[0] < 100  # something dark was drawn: axes, lines, text
    assert len(set(pixels.getdata())) > 50  # not a blank page


def test_every_sql_example_in_the_readme_runs(home):
    import re
    from pathlib import Path

    import duckdb

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", readme, flags=re.S)
    statements = [s.strip() for block in blocks for s in block.split(";") if s.strip()]
    assert len(statements) >= 5
    with duckdb.connect(str(home / "frontier.duckdb"), read_only=True) as con:
        for statement in statements:
            assert con.execute(statement).fetchall(), statement
