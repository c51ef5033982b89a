"""The horizon marts on the real bundled METR data: reproduction of METR's numbers, identities, trends,
hazard fits, the expectation suites and the round trip into DuckDB."""

from __future__ import annotations

import datetime as dt
import math

import duckdb
import numpy as np
import polars as pl
import pytest

from warehouse.derivations import hazard
from warehouse.derivations.bootstrap import percentile_interval
from warehouse.marts import horizons as H
from warehouse.marts import python_marts, write_mart

N = 200  # samples per model: enough for stable intervals; the marts default to 1000
TH11 = ["claude_3_7_sonnet_inspect", "o3_inspect", "gpt_5_2025_08_07_inspect", "claude_opus_4_5_inspect"]


@pytest.fixture(scope="module")
def marts(metr_con) -> dict[str, pl.DataFrame]:
    """Every horizon mart, built in lineage order with N bootstrap samples."""
    tables = {t: metr_con.sql(f"SELECT * FROM {t}").pl() for t in (H.RUNS, H.RELEASE_DATES, H.PUBLISHED)}
    tables[H.SAMPLES] = H.build_time_horizon_samples(tables, n_samples=N)
    tables[H.TIME_HORIZONS] = H.build_time_horizons(tables)
    tables["marts.horizon_reproduction"] = H.build_horizon_reproduction(tables)
    tables["marts.horizon_doubling_time"] = H.build_horizon_doubling_time(tables, n_samples=N)
    tables["marts.hazard_fits"] = H.build_hazard_fits(tables, n_samples=N)
    return tables


def published(metr_con, version: str, snapshot: str) -> dict[str, dict]:
    rows = metr_con.sql(
        f"SELECT * FROM staging.stg_metr__horizons WHERE benchmark_version = '{version}' "
        f"AND snapshot_date = DATE '{snapshot}'"
    ).pl()
    return {row["model"]: row for row in rows.iter_rows(named=True)}


def test_recomputed_th11_horizons_match_metrs_published_values(marts, metr_con):
    theirs = published(metr_con, "1.1", "2026-01-30")
    ours = {
        r["model_id"]: r
        for r in marts[H.TIME_HORIZONS].filter(pl.col("runs_file") == "runs_1_1").iter_rows(named=True)
    }
    assert sorted(ours) == sorted(TH11)
    for model in TH11:
        mine, metr = ours[model], theirs[model]
        for p in ("p50", "p80"):
            assert mine[p] == pytest.approx(metr[p], rel=0.005)  # in fact within 0.03%
            # bootstrap intervals are random, METR's too: they must overlap, not agree
            assert mine[f"{p}_ci_low"] < metr[f"{p}_ci_high"] and metr[f"{p}_ci_low"] < mine[f"{p}_ci_high"]
            assert mine[f"{p}_ci_low"] < mine[p] < mine[f"{p}_ci_high"]
        assert (mine["n_tasks"], mine["n_families"]) == (228, 79)
        assert not mine["is_degenerate"] and mine["n_bootstrap"] == N


def test_intervals_are_the_percentiles_of_the_stored_samples(marts):
    row = marts[H.TIME_HORIZONS].filter(pl.col("model_id") == "claude_opus_4_5_inspect").row(0, named=True)
    samples = marts[H.SAMPLES].filter(pl.col("model_id") == "claude_opus_4_5_inspect")
    assert samples.height == N and samples["sample"].to_list() == list(range(N))
    assert (row["p50_ci_low"], row["p50_ci_high"]) == percentile_interval(samples["p50"].to_numpy())
    # roughly METR's published interval, about [169.8, 729.2]
    assert 120 < row["p50_ci_low"] < 220 and 500 < row["p50_ci_high"] < 1100


def test_human_baselines_are_not_fitted_and_all_runs_models_get_their_headline_keys(marts, metr_con):
    horizons = marts[H.TIME_HORIZONS]
    assert "human" not in horizons["model"].to_list()
    all_runs = horizons.filter(pl.col("runs_file") == "all_runs")
    assert all_runs.height == 10 and all_runs["model_id"].n_unique() == 10  # 'c3-5s' is two models
    keys_10 = published(metr_con, "1.0", "2026-01-30")
    for row in all_runs.iter_rows(named=True):
        assert row["model_id"] in keys_10, row["alias"]
        assert row["release_date"] == keys_10[row["model_id"]]["release_date"], row["alias"]
    assert horizons.filter(pl.col("model_id") == "davinci_002")["is_degenerate"].to_list() == [True]


def test_reproduction_says_which_published_value_and_whether_it_is_comparable(marts):
    rows = {
        (r["model_id"], r["runs_file"]): r for r in marts["marts.horizon_reproduction"].iter_rows(named=True)
    }
    for model in TH11:
        row = rows[(model, "runs_1_1")]
        assert row["is_like_for_like"] and row["published_snapshot_date"] == dt.date(2026, 1, 30)
        assert row["comparison_basis"].startswith("same data (TH1.1 runs vs benchmark_results_1_1")
        assert abs(row["p50_rel_diff"]) < 0.005 and abs(row["p80_rel_diff"]) < 0.005
        assert row["p50_ours_in_published_ci"] and row["p50_published_in_our_ci"]
    opus = rows[("claude_3_opus", "all_runs")]
    assert not opus["is_like_for_like"] and opus["comparison_basis"].startswith("different data")
    assert opus["published_p50"] == pytest.approx(6.405197)


def test_doubling_time_reproduces_metrs_headline_from_published_p50s(marts):
    doubling = marts["marts.horizon_doubling_time"]
    headline = doubling.filter(
        (pl.col("basis") == "published") & (pl.col("fit_window") == "from_2023") & (pl.col("metric") == "p50")
    ).row(0, named=True)
    assert headline["snapshot_date"] == dt.date(2026, 4, 11) and headline["n_models"] == 14
    assert headline["doubling_days"] == pytest.approx(128.744, abs=0.001)  # METR: 128.744 [105.26, 157.336]
    assert headline["ci_low"] < 128.744 < headline["ci_high"]
    recomputed = doubling.filter(
        (pl.col("basis") == "recomputed")
        & (pl.col("source") == "runs_1_1")
        & (pl.col("fit_window") == "all_time")
        & (pl.col("metric") == "p50")
    ).row(0, named=True)
    assert recomputed["models"] == TH11 and 60 < recomputed["doubling_days"] < 250
    rolling = doubling.filter((pl.col("fit_window") == "rolling_2y") & (pl.col("source") == "runs_1_1"))
    assert rolling["n_models"].min() >= 2 and rolling["end_date"].max() == dt.date(2025, 11, 24)


def test_hazard_fits_rank_three_models_per_model(marts):
    fits = marts["marts.hazard_fits"]
    assert fits.height == 3 * marts[H.TIME_HORIZONS].height
    for _, group in fits.group_by(["model_id", "runs_file"]):
        assert sorted(group["hazard_model"].to_list()) == ["constant", "logistic", "weibull"]
        ranks = group.filter(~pl.col("is_degenerate"))["bic_rank"].to_list()
        assert sorted(ranks) == list(range(1, len(ranks) + 1))
    assert fits.filter(pl.col("model_id") == "davinci_002")["bic_rank"].null_count() == 3  # never succeeds
    constant = fits.filter((pl.col("hazard_model") == "constant") & pl.col("t50").is_not_null())
    ratio = (constant["t99"] / constant["t50"]).to_numpy()
    assert ratio == pytest.approx(math.log(0.99) / math.log(0.5), abs=1e-9)
    weibull = fits.filter((pl.col("hazard_model") == "weibull") & (pl.col("runs_file") == "runs_1_1"))
    assert weibull["shape"].to_numpy() == pytest.approx(0.65, abs=0.1)  # published fits put k near 0.6


def test_unpenalised_logistic_is_metrs_april_2026_revision(marts, metr_con):
    """METR's 2026-04-11 TH1.1 values ("prior overestimates") are the same runs fitted without the C = 10
    penalty: the hazard table's logistic row reproduces them."""
    revised = published(metr_con, "1.1", "2026-04-11")
    fits = marts["marts.hazard_fits"].filter(
        (pl.col("hazard_model") == "logistic") & (pl.col("runs_file") == "runs_1_1")
    )
    for row in fits.iter_rows(named=True):
        assert row["t50"] == pytest.approx(revised[row["model_id"]]["p50"], rel=5e-4)
        assert row["t80"] == pytest.approx(revised[row["model_id"]]["p80"], rel=5e-4)


def test_samples_are_reproducible(marts, metr_con):
    runs = metr_con.sql(f"SELECT * FROM {H.RUNS} WHERE model = 'o3_inspect'").pl()
    again = H.build_time_horizon_samples({H.RUNS: runs}, n_samples=N)
    first = marts[H.SAMPLES].filter(pl.col("model_id") == "o3_inspect")
    assert np.array_equal(again["p50"].to_numpy(), first["p50"].to_numpy())


def test_every_suite_passes_on_the_built_marts(marts):
    from checks.gx import validate
    from checks.suites import all_suites

    for mart in H.MARTS:
        frame = marts[mart.table]
        if "model_id" in frame.columns:  # as stored: METR's key beside the canonical id
            frame = frame.rename({"model_id": "metr_key"}).with_columns(pl.col("metr_key").alias("model_id"))
        outcome = validate(all_suites()[mart.table](), frame.to_pandas())
        assert outcome.passed, (mart.table, outcome.summary, outcome.failing_rows[:5])


def test_marts_are_discovered_in_lineage_order_and_round_trip_through_duckdb(marts):
    from checks.suites.horizons import ATTEMPT_MINUTES, HAZARD_MODELS

    assert ATTEMPT_MINUTES == H.ATTEMPT_MINUTES and [m.name for m in hazard.MODELS] == HAZARD_MODELS
    found = [m for m in python_marts() if m in H.MARTS]
    built = {H.RUNS, H.RELEASE_DATES, H.PUBLISHED, H.ALIASES}
    for mart in found:
        assert set(mart.reads) <= built, f"{mart.table} reads a table built after it"
        built.add(mart.table)
        public = {"metr_key" if c == "model_id" else c for c in marts[mart.table].columns}
        assert set(mart.columns) == public | ({"model_id"} if "metr_key" in public else set())
    con = duckdb.connect(":memory:")
    con.execute("CREATE SCHEMA marts")
    for mart in found:
        assert write_mart(con, mart, marts[mart.table]) == marts[mart.table].height
    back = con.sql(f"SELECT * FROM {H.SAMPLES}").pl()
    assert back.equals(marts[H.SAMPLES])
    comment = con.execute(
        "SELECT comment FROM duckdb_columns() WHERE table_name = 'time_horizons' AND column_name = 'p50'"
    ).fetchall()
    assert comment[0][0].startswith("50% time horizon")


def test_tables_carry_the_canonical_model_id_and_metr_key(marts):
    mart = next(m for m in H.MARTS if m.table == H.TIME_HORIZONS)
    keys = marts[H.TIME_HORIZONS]["model_id"].to_list()
    aliases = pl.DataFrame(
        {"alias": keys, "source": ["metr"] * len(keys), "model_id": [f"canonical-{k}" for k in keys]}
    )
    inputs = {t: marts[t] for t in (H.SAMPLES,) if t in marts}
    internal_samples = inputs[H.SAMPLES]
    inputs[H.SAMPLES] = internal_samples.rename({"model_id": "metr_key"}).with_columns(
        pl.lit("ignored").alias("model_id")
    )
    public = mart.build({**marts, **inputs, H.ALIASES: aliases})
    assert public.columns[:2] == ["model_id", "metr_key"]
    assert public["model_id"].to_list() == [f"canonical-{k}" for k in public["metr_key"]]
