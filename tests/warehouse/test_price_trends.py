"""Price trends: a known exponential decline is recovered; blended price intervals; cheapest per threshold."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import polars as pl
import pytest

from warehouse.derivations.price_trends import (
    blended_price_history,
    log_linear_trend,
    years_since_epoch,
)
from warehouse.derivations.pricing import TokenBlend
from warehouse.marts.costs import build_price_trends

PRICE_SCHEMA = {
    "model_id": pl.String,
    "price_type": pl.String,
    "usd_per_mtok": pl.Float64,
    "valid_from": pl.Date,
    "valid_to": pl.Date,
    "source": pl.String,
}


def test_a_tenfold_yearly_decline_is_recovered_with_a_ci_around_it():
    rng = np.random.default_rng(7)
    years = np.arange(48) / 12
    values = 100 * np.exp(-math.log(10) * years + rng.normal(0, 0.1, years.size))
    trend = log_linear_trend(years, values)
    assert trend.slope_per_year == pytest.approx(-math.log(10), abs=0.05)
    assert trend.ci_low < -math.log(10) < trend.ci_high
    assert trend.factor_per_year == pytest.approx(0.1, rel=0.05)
    assert trend.n_points == 48


def test_doubling_time_and_its_ci():
    years = np.arange(10.0)
    trend = log_linear_trend(years, 2.0**years)
    assert trend.doubling_time_days == pytest.approx(365.25)
    assert trend.doubling_time_ci_days() == pytest.approx((365.25, 365.25))
    assert log_linear_trend(np.array([1.0, 1, 1]), np.array([1.0, 2, 3])) is None  # one date
    assert log_linear_trend(np.array([1.0, 2]), np.array([1.0, 2])) is None  # too few


def test_blended_history_has_one_row_per_price_interval_and_keeps_gaps():
    prices = pl.DataFrame(
        [
            ("m", "input", 10.0, None, dt.date(2025, 1, 1), "llm_prices"),
            ("m", "output", 40.0, None, dt.date(2025, 1, 1), "llm_prices"),
            ("m", "input", 2.0, dt.date(2025, 1, 1), dt.date(2025, 3, 1), "llm_prices"),
            ("m", "output", 8.0, dt.date(2025, 1, 1), dt.date(2025, 3, 1), "llm_prices"),
            ("m", "input", 2.0, dt.date(2025, 5, 1), None, "llm_prices"),  # after a two-month gap
            ("m", "output", 8.0, dt.date(2025, 5, 1), None, "llm_prices"),
        ],
        schema=PRICE_SCHEMA,
        orient="row",
    )
    history = blended_price_history(prices, TokenBlend()).sort("valid_from", nulls_last=False)
    assert history.select("valid_from", "valid_to", "blended_usd_per_mtok").rows() == [
        (None, dt.date(2025, 1, 1), 17.5),
        (dt.date(2025, 1, 1), dt.date(2025, 3, 1), 3.5),
        (dt.date(2025, 5, 1), None, 3.5),
    ]
    assert history["token_blend"].unique().to_list() == ["input 0.75 / output 0.25 / cached 0"]


def test_mart_finds_the_cheapest_model_per_threshold_and_a_known_decline():
    """Each year a model that scores 60 arrives at a tenth of the previous one's price; an old model's price
    cut also counts on the day it happens."""
    starts = [dt.date(2022 + i, 1, 1) for i in range(4)]
    results = pl.DataFrame(
        {
            "benchmark": "aider_polyglot",
            "model_id": [f"m{i}" for i in range(4)],
            "model_name": [f"M{i}" for i in range(4)],
            "effort": None,
            "scaffold": None,
            "score": 60.0,
            "score_unit": "percent",
            "total_cost_usd": [100.0 / 10**i for i in range(4)],
            "cost_per_task_usd": None,
            "evaluated_on": starts,
            "snapshot_date": dt.date(2026, 1, 1),
            "source": "aider",
        },
        schema_overrides={"effort": pl.String, "scaffold": pl.String, "cost_per_task_usd": pl.Float64},
    )
    prices = pl.DataFrame(
        [
            (f"m{i}", kind, 10.0 ** (2 - i), None, None, "llm_prices")
            for i in range(4)
            for kind in ("input", "output")
        ],
        schema=PRICE_SCHEMA,
        orient="row",
    )
    trends = build_price_trends({"core.fct_benchmark_results": results, "core.fct_prices": prices})
    for measure in ("blended_usd_per_mtok", "total_cost_usd"):
        at_60 = trends.filter((pl.col("threshold") == 60) & (pl.col("cost_measure") == measure)).sort("date")
        assert at_60["entry"].to_list() == ["M0", "M1", "M2", "M3"]
        assert at_60["date"].to_list() == starts
        assert at_60["fit_points"][0] == 4
        assert at_60["factor_per_year"][0] == pytest.approx(0.1, rel=1e-3)  # 2024 is a leap year
        assert at_60["decline_per_year"][0] == pytest.approx(0.9, abs=1e-3)
    assert trends.filter(pl.col("threshold") == 70).is_empty()
    assert trends.filter(pl.col("cost_measure") == "total_cost_usd")["token_blend"].is_null().all()
    assert years_since_epoch([dt.date(1971, 1, 1)])[0] == pytest.approx(365 / 365.25)


def test_no_yearly_rate_from_changes_only_days_apart():
    from warehouse.derivations.price_trends import log_linear_trend

    days = np.array([0.0, 5.0, 9.0]) / 365.25
    assert log_linear_trend(days, np.array([1.0, 0.1, 0.01])) is None
