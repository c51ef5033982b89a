"""The cost marts built on the real METR runs, priced with the real llm-prices seed prices of the four
runs_1_1 models that carry per-run tokens_count."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import polars as pl
import pytest

from checks.gx import validate
from checks.suites.costs import SUITES
from warehouse.marts import PythonMart
from warehouse.marts.costs import MARTS

# METR model key -> (llm-prices vendor file, model id there), the four models with per-run tokens_count
MODELS = {
    "o3_inspect": ("openai", "o3"),
    "gpt_5_2025_08_07_inspect": ("openai", "gpt-5"),
    "claude_3_7_sonnet_inspect": ("anthropic", "claude-3.7-sonnet"),
    "claude_opus_4_5_inspect": ("anthropic", "claude-opus-4-5"),
}
RELEASES = {
    "o3": dt.date(2025, 4, 16),
    "gpt-5": dt.date(2025, 8, 7),
    "claude-3.7-sonnet": dt.date(2025, 2, 24),
    "claude-opus-4-5": dt.date(2025, 11, 24),
}
PRICE_FIELDS = {"input": "input", "output": "output", "input_cached": "cached_input"}


def seed_prices() -> pl.DataFrame:
    """core.fct_prices rows for the four models from the bundled llm-prices seeds."""
    rows = []
    for vendor, model_id in MODELS.values():
        seed = resources.files("sources.llm_prices").joinpath("seeds", f"{vendor}.json")
        payload = json.loads(seed.read_text(encoding="utf-8"))
        entry = next(m for m in payload["models"] if m["id"] == model_id)
        for period in entry["price_history"]:
            for field, price_type in PRICE_FIELDS.items():
                if period.get(field) is not None:
                    rows.append(
                        (
                            model_id,
                            price_type,
                            float(period[field]),
                            period["from_date"],
                            period["to_date"],
                            "llm_prices",
                        )
                    )
    return pl.DataFrame(
        rows,
        schema={
            "model_id": pl.String,
            "price_type": pl.String,
            "usd_per_mtok": pl.Float64,
            "valid_from": pl.String,
            "valid_to": pl.String,
            "source": pl.String,
        },
        orient="row",
    ).with_columns(pl.col("valid_from", "valid_to").str.to_date())


def metr_aliases() -> pl.DataFrame:
    """core.model_aliases for the four models, plus Claude 3 Opus and 3.5 Sonnet under their headline and
    all_runs keys (all_runs files both 3.5 Sonnets, old and new, under one key)."""
    pairs = [(alias, model_id) for alias, (_, model_id) in MODELS.items()]
    pairs += [("claude_3_opus", "claude-3-opus"), ("c3o", "claude-3-opus")]
    pairs += [("claude_3_5_sonnet", "claude-3.5-sonnet"), ("c3-5s", "claude-3.5-sonnet")]
    return pl.DataFrame(
        {"alias": [a for a, _ in pairs], "source": "metr", "model_id": [m for _, m in pairs], "config": None},
        schema_overrides={"config": pl.String},
    )


def metr_dim_model() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "model_id": list(RELEASES),
            "display_name": list(RELEASES),
            "vendor": None,
            "family": None,
            "release_date": list(RELEASES.values()),
        },
        schema_overrides={"vendor": pl.String, "family": pl.String},
    )


EMPTY_RESULTS = pl.DataFrame(
    schema={
        "benchmark": pl.String,
        "model_id": pl.String,
        "model_name": pl.String,
        "effort": pl.String,
        "scaffold": pl.String,
        "score": pl.Float64,
        "score_unit": pl.String,
        "total_cost_usd": pl.Float64,
        "cost_per_task_usd": pl.Float64,
        "evaluated_on": pl.Date,
        "snapshot_date": pl.Date,
        "source": pl.String,
    }
)


def build_all(
    tables: dict[str, pl.DataFrame], marts: tuple[PythonMart, ...] = MARTS
) -> dict[str, pl.DataFrame]:
    """Every cost mart in dependency order (MARTS lists them so), each reading the tables built before it."""
    tables = dict(tables)
    for mart in marts:
        tables[mart.table] = mart.build({t: tables[t] for t in mart.reads})
    return tables


def metr_inputs(con, prices: pl.DataFrame | None = None) -> dict[str, pl.DataFrame]:
    return {
        "staging.stg_metr__runs": con.sql("SELECT * FROM staging.stg_metr__runs").pl(),
        "staging.stg_metr__horizons": con.sql("SELECT * FROM staging.stg_metr__horizons").pl(),
        "core.model_aliases": metr_aliases(),
        "core.fct_prices": seed_prices() if prices is None else prices,
        "core.dim_model": metr_dim_model(),
        "core.fct_benchmark_results": EMPTY_RESULTS,
    }


@pytest.fixture(scope="module")
def built(metr_con):
    return build_all(metr_inputs(metr_con))


def test_every_model_with_tokens_gets_a_curve_on_both_bases(built):
    curves = built["marts.cost_horizon_curves"]
    per_curve = curves.group_by("model", "pricing_basis").agg(pl.len(), pl.col("is_uncapped").sum())
    assert per_curve.height == 8 and set(per_curve["model"]) == set(MODELS)
    assert (per_curve["len"] == 40).all() and (per_curve["is_uncapped"] == 1).all()
    assert curves["token_blend"].unique().to_list() == ["input 0.75 / output 0.25 / cached 0"]
    assert curves["spend_source"].unique().to_list() == ["tokens_count × blended price"]
    assert (curves["runs_without_spend"] == 0).all()


def test_uncapped_point_is_metrs_fit(built, metr_con):
    uncapped = built["marts.cost_horizon_curves"].filter("is_uncapped", pl.col("pricing_basis") == "today")
    published = metr_con.sql(
        "SELECT model, p50 FROM staging.stg_metr__horizons WHERE snapshot_date = '2026-01-30' "
        "AND benchmark_version = '1.1'"
    ).pl()
    joined = uncapped.join(published, on="model", suffix="_metr")
    assert joined.height == 4
    for row in joined.iter_rows(named=True):
        assert row["p50"] == pytest.approx(row["p50_metr"], rel=2e-3), row["model"]


def test_hourly_cost_rows_with_sweet_spot_below_the_uncapped_budget(built):
    hourly = built["marts.cost_per_horizon_hour"]
    spend = hourly.filter(pl.col("method") == "per_run_spend")
    assert spend.height == 8
    assert (spend["cost_per_horizon_hour"] > 0).all()
    assert (spend["sweet_spot_p50"] >= 1.0).all()
    assert spend["sweet_spot_elasticity"].is_between(0.5, 2.0).all()  # 1 on a smooth curve
    assert (spend["expected_cost_per_success_usd"] == 2 * spend["attempt_cost_at_p50_usd"]).all()
    assert (spend["ratio_to_human_wage"] == spend["cost_per_horizon_hour"] / 143.61).all()
    assert spend["release_date"].null_count() == 0
    # one open price interval per model: both bases price identically
    by_basis = spend.pivot(on="pricing_basis", index="model", values="cost_per_horizon_hour")
    assert by_basis["evaluation_date"].to_list() == pytest.approx(by_basis["today"].to_list())


def test_a_model_without_per_run_spend_falls_back_to_metr_usage_flagged(built):
    usage = built["marts.cost_per_horizon_hour"].filter(pl.col("method") == "metr_usage_average")
    opus_3 = usage.filter(pl.col("model") == "claude_3_opus").row(0, named=True)
    assert opus_3["runs_file"] == "all_runs" and opus_3["token_blend"] is None
    rate = opus_3["usage_usd"] / opus_3["task_hours_attempted"]
    assert opus_3["cost_per_horizon_hour"] == pytest.approx(rate)
    assert opus_3["sweet_spot_cap_usd"] is None
    # 'c3-5s' holds the runs of two models (aliases Old and New): dividing by both would mix them
    assert "claude_3_5_sonnet" not in usage["model"].to_list()


def test_trend_crossings_and_envelope_come_out(built):
    trend = built["marts.cost_per_horizon_hour_trend"].filter(pl.col("method") == "per_run_spend")
    assert set(trend["measure"]) == {"cost_per_horizon_hour", "sweet_spot_cost_per_horizon_hour"}
    assert (trend["n_models"] == 4).all() and trend["horizon_doubling_time_days"].is_not_null().all()
    crossings = built["marts.frontier_crossings"]
    assert crossings.height > 0 and set(crossings["benchmark"]) == {"metr_time_horizon_1.1"}
    envelope = built["marts.cost_envelope"].filter(pl.col("pricing_basis") == "today").sort("rank")
    assert envelope["performance_to"][-1] == pytest.approx(
        built["marts.cost_horizon_curves"].filter("is_uncapped")["p50"].max()
    )


def test_a_price_cut_after_the_runs_rescales_only_the_today_basis(metr_con):
    """A hypothetical cut of Claude Opus 4.5 to 1/5 taking effect today (the runs are from late 2025)."""
    today = dt.date.today()
    cut = pl.DataFrame(
        {
            "model_id": "claude-opus-4-5",
            "price_type": ["input", "output"],
            "usd_per_mtok": [1.0, 5.0],
            "valid_from": today,
            "valid_to": None,
            "source": "llm_prices",
        },
        schema_overrides={"valid_to": pl.Date},
    )
    prices = seed_prices().with_columns(
        pl.when(pl.col("model_id") == "claude-opus-4-5").then(today).alias("valid_to")
    )
    tables = metr_inputs(metr_con, pl.concat([prices, cut]))
    mart = next(m for m in MARTS if m.table == "marts.cost_horizon_curves")
    curves = mart.build({t: tables[t] for t in mart.reads})
    curves = curves.filter(pl.col("model") == "claude_opus_4_5_inspect")
    then = curves.filter(pl.col("pricing_basis") == "evaluation_date").sort("point")
    now = curves.filter(pl.col("pricing_basis") == "today").sort("point")
    ratio = (0.75 * 1 + 0.25 * 5) / (0.75 * 5 + 0.25 * 25)
    assert now["cap_usd"].to_list() == pytest.approx((then["cap_usd"] * ratio).to_list())
    assert now["p50"].to_list() == pytest.approx(then["p50"].to_list(), nan_ok=True)
    assert (now["priced_on_from"] > then["priced_on_to"]).all()


def test_every_build_takes_empty_inputs(metr_con):
    empty = {table: frame.clear() for table, frame in metr_inputs(metr_con).items()}
    for table, frame in build_all(empty).items():
        if table.startswith("marts."):
            assert frame.is_empty(), table
            mart = next(m for m in MARTS if m.table == table)
            assert frame.columns == list(mart.columns), table


def test_suites_pass_on_the_real_marts(built):
    for mart in MARTS:
        outcome = validate(SUITES[mart.table](), built[mart.table].to_pandas())
        assert outcome.passed, outcome.summary
