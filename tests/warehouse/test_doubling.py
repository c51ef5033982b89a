"""Frontier selection, the log-linear trend, its bootstrap CI and the windows."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from warehouse.derivations.doubling import (
    fit_trend,
    frontier,
    horizon_sample_weights,
    model_resampling_weights,
    ols_slope,
    windows,
)


def days_of(dates: list[dt.date]) -> np.ndarray:
    return np.array(dates, dtype="datetime64[D]").astype(float)


def test_frontier_keeps_models_at_least_as_good_as_anything_released_before():
    release = np.array(
        ["2023-01-01", "2023-06-01", "2023-06-01", "2024-01-01", "2024-06-01"], dtype="datetime64[D]"
    )
    p50 = np.array([5.0, 4.0, 8.0, 8.0, 7.0])
    # same-day rival beats the 4.0; a tie with the best so far stays; a later dip drops out
    assert frontier(release, p50).tolist() == [True, False, True, True, False]


def test_an_exact_exponential_gives_its_doubling_time():
    dates = [dt.date(2023, 1, 1) + dt.timedelta(days=d) for d in (0, 90, 200, 365, 500)]
    days = days_of(dates)
    log_h = (days - days[0]) / 120 * math.log(2)  # doubles every 120 days
    samples = np.tile(log_h, (10, 1))
    trend = fit_trend(days, log_h, samples, np.ones_like(samples))
    assert trend.doubling_days == pytest.approx(120, rel=1e-12)
    assert trend.ci_low == pytest.approx(120, rel=1e-12) and trend.ci_high == pytest.approx(120, rel=1e-12)
    assert trend.n_models == 5 and trend.n_samples == 10


def test_integer_weights_repeat_a_model():
    days = np.array([0.0, 100.0, 250.0, 400.0])
    log_h = np.array([0.0, 0.9, 1.5, 3.1])
    weighted = ols_slope(days, log_h, np.array([2.0, 1.0, 0.0, 1.0]))
    repeated = np.polyfit(days[[0, 0, 1, 3]], log_h[[0, 0, 1, 3]], 1)[0]
    assert weighted == pytest.approx(repeated, rel=1e-12)
    assert math.isnan(ols_slope(days, log_h, np.array([1.0, 0.0, 0.0, 0.0])))


def test_bootstrap_interval_surrounds_the_estimate_and_open_ends_are_unbounded():
    rng = np.random.default_rng(0)
    days = np.array([0.0, 120.0, 260.0, 400.0, 530.0])
    log_h = days / 150 * math.log(2)
    samples = log_h + rng.normal(0, 0.3, (500, 5))
    trend = fit_trend(days, log_h, samples, np.ones_like(samples))
    assert trend.ci_low < trend.doubling_days < trend.ci_high
    noisy = log_h + rng.normal(0, 5.0, (500, 5))  # the slope interval reaches 0
    wide = fit_trend(days, log_h, noisy, np.ones_like(noisy))
    assert math.isnan(wide.ci_high) and wide.ci_low <= wide.doubling_days


def test_unusable_sample_horizons_are_dropped():
    log_h, weights = horizon_sample_weights(np.array([[10.0, np.nan, 1e-4, 2.0]]))
    assert weights.tolist() == [[1.0, 0.0, 0.0, 1.0]]
    assert log_h[0, 0] == pytest.approx(math.log(10.0))


def test_model_resampling_draws_m_of_m_and_needs_three_models():
    weights = model_resampling_weights(5, 200, seed=1)
    assert (weights.sum(axis=1) == 5).all()
    assert not model_resampling_weights(2, 10, seed=1).any()


def test_fixed_and_rolling_windows():
    release = [
        dt.date(2022, 3, 1),
        dt.date(2023, 5, 1),
        dt.date(2024, 2, 1),
        dt.date(2024, 9, 1),
        dt.date(2025, 6, 1),
    ]
    on_frontier = np.array([True, True, False, True, True])
    found = {(w.name, w.end): w for w in windows(release, on_frontier)}
    assert found[("all_time", dt.date(2025, 6, 1))].members.tolist() == [True, True, False, True, True]
    assert found[("from_2023", dt.date(2025, 6, 1))].start == dt.date(2023, 1, 1)
    assert found[("from_2024", dt.date(2025, 6, 1))].members.tolist() == [False, False, False, True, True]
    rolling = {end: w.members.tolist() for (name, end), w in found.items() if name == "rolling_2y"}
    # 2022-03-01 alone is no trend; 2025-06-01 reaches back to 2023-06-01
    assert rolling == {
        dt.date(2023, 5, 1): [True, True, False, False, False],
        dt.date(2024, 9, 1): [False, True, False, True, False],
        dt.date(2025, 6, 1): [False, False, False, True, True],
    }
