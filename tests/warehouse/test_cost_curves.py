"""Cost curves: landmarks of a known curve, truncation on synthetic runs, monotonicity flags."""

from __future__ import annotations

import math

import numpy as np
import pytest

from warehouse.derivations.cost_curves import (
    attempt_cost,
    cap_grid,
    describe_curve,
    elasticity,
    truncation_fits,
)
from warehouse.derivations.logistic import fit_logistic, split_fractional


def _hill(cap: np.ndarray, k: float = 1.0, h_max: float = 100.0) -> np.ndarray:
    """H = h_max·C²/(C²+k²): elasticity 2k²/(C²+k²), so C/H is least at C = k (elasticity 1) and the
    elasticity is a tenth of that at C = √19·k."""
    return h_max * cap**2 / (cap**2 + k**2)


def test_sweet_spot_is_the_cheapest_hour_and_saturation_a_tenth_of_its_elasticity():
    cap = np.geomspace(0.01, 100, 801)
    horizon = _hill(cap)
    curve = describe_curve(cap, horizon, min_horizon_minutes=1.0)
    step = cap[1] / cap[0]
    assert curve.sweet_spot == int(np.argmin(cap / horizon))
    assert cap[curve.sweet_spot] == pytest.approx(1.0, rel=step - 1)
    assert curve.elasticity[curve.sweet_spot] == pytest.approx(1.0, abs=0.01)
    assert cap[curve.saturation] == pytest.approx(math.sqrt(19), rel=2 * (step - 1))
    assert curve.elasticity[curve.saturation] <= 0.1 * curve.elasticity[curve.sweet_spot]
    assert curve.elasticity[curve.saturation - 1] > 0.1 * curve.elasticity[curve.sweet_spot]
    assert curve.cost_per_horizon_hour[curve.sweet_spot] == pytest.approx(2 / 100 * 60, rel=1e-4)
    assert not curve.non_monotone.any() and not curve.too_few_points


def test_elasticity_is_exact_on_a_power_law():
    cap = np.geomspace(1, 1000, 30)
    assert elasticity(cap, 5 * cap**0.7) == pytest.approx(np.full(30, 0.7))


def test_min_horizon_moves_the_sweet_spot_above_it():
    cap = np.geomspace(0.01, 100, 801)
    curve = describe_curve(cap, _hill(cap), min_horizon_minutes=90.0)
    # beyond C = 1 the hourly cost only rises, so the first point at or above 90 minutes is the cheapest
    assert curve.sweet_spot == int(np.flatnonzero(_hill(cap) >= 90)[0])


def test_a_falling_segment_is_flagged_not_hidden_and_degenerate_points_are_skipped():
    cap = np.array([1.0, 2, 4, 8, 16, 32, 64])
    p50 = np.array([np.nan, 2.0, 4.0, 3.0, 8.0, 9.0, 9.5])
    curve = describe_curve(cap, p50)
    assert curve.non_monotone.tolist() == [False, False, False, True, False, False, False]
    assert not curve.valid[0] and np.isnan(curve.elasticity[0]) and np.isnan(curve.cost_per_horizon_hour[0])
    assert curve.cost_per_horizon_hour[1] == pytest.approx(2 / 2 * 60)
    few = describe_curve(cap[:4], p50[:4])
    assert few.too_few_points


def _synthetic_runs(seed: int = 1):
    """Task lengths 1..256 minutes; success falls with length; spend grows with length."""
    rng = np.random.default_rng(seed)
    minutes = np.repeat(2.0 ** np.arange(9), 12)
    x = np.log2(minutes)
    score = (rng.random(x.size) < 1 / (1 + np.exp(x - 4))).astype(float)
    spend = 0.01 * minutes * np.exp(rng.normal(0, 0.5, x.size))
    weights = np.full(x.size, 1 / x.size)
    return x, score, weights, spend


def test_truncation_scores_runs_over_the_cap_as_failures_and_refits():
    x, score, weights, spend = _synthetic_runs()
    caps = cap_grid(spend, 12)
    assert caps[0] == pytest.approx(spend.min()) and caps[-1] == pytest.approx(spend.max())
    caps = np.concatenate([[spend.min() / 2], caps])  # below every spend: nothing can succeed
    fits = truncation_fits(x, score, weights, spend, caps)
    for cap, row in zip(caps, fits.iter_rows(named=True), strict=True):
        y = np.where(spend > cap, 0.0, score)
        assert row["runs_over_cap"] == int((spend > cap).sum())
        if not (y > 0).any():
            assert row["degenerate_fit"] and row["p50"] is None
            continue
        expected = fit_logistic(*split_fractional(x, y, weights))
        assert row["p50"] == pytest.approx(expected.horizon(0.5))
        assert row["p80"] == pytest.approx(expected.horizon(0.8))
    uncapped = fit_logistic(x, score, weights)
    assert fits["p50"][-1] == pytest.approx(uncapped.horizon(0.5)) and fits["runs_over_cap"][-1] == 0
    assert fits["degenerate_fit"][0] and fits["runs_over_cap"][0] == x.size


def test_attempt_cost_is_a_local_mean_truncated_at_the_cap():
    x = np.log2(np.array([1.0, 1.0, 2.0**12, 2.0**12]))  # 12 doublings apart: kernels do not overlap
    spend = np.array([1.0, 3.0, 100.0, 300.0])
    weights = np.full(4, 0.25)
    assert attempt_cost(1.0, x, spend, weights, cap=1e9) == pytest.approx(2.0, rel=1e-6)
    assert attempt_cost(2.0**12, x, spend, weights, cap=1e9) == pytest.approx(200.0, rel=1e-6)
    assert attempt_cost(2.0**12, x, spend, weights, cap=150.0) == pytest.approx((100 + 150) / 2, rel=1e-6)
    assert attempt_cost(2.0**40, x, spend, weights, cap=1e9) == pytest.approx(200.0)  # no 0/0 far away
