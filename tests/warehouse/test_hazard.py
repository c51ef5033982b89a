"""Hazard models: recovery of known curves, the closed forms for T_p, likelihoods and BIC."""

from __future__ import annotations

import math

import numpy as np
import pytest

from warehouse.derivations.hazard import (
    CONSTANT,
    LOGISTIC,
    MODELS,
    WEIBULL,
    attempts_per_success,
    bic,
    cloglog_derivatives,
)
from warehouse.derivations.logistic import fit_logistic_batch


def draw(survival, n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    minutes = np.exp(rng.uniform(math.log(0.1), math.log(2000), n))
    return minutes, (rng.random(n) < survival(minutes)).astype(float)


def fit_all(minutes, y) -> dict:
    weights = np.ones((1, len(y)))
    return {model.name: model.fit(minutes, y, weights) for model in MODELS}


def bics(minutes, y, fits) -> dict:
    return {
        model.name: bic(
            model.log_likelihood(
                minutes, y, np.ones(len(y)), fits[model.name].intercept[0], fits[model.name].slope[0]
            ),
            model.n_params,
            len(y),
        )
        for model in MODELS
    }


def test_recovers_a_known_weibull_and_prefers_it():
    k, t50 = 0.6, 50.0
    minutes, y = draw(lambda t: 0.5 ** ((t / t50) ** k), 30_000, seed=11)
    fits = fit_all(minutes, y)
    weibull = fits["weibull"]
    assert weibull.converged[0]
    assert weibull.shape[0] == pytest.approx(k, rel=0.05)
    assert weibull.t50[0] == pytest.approx(t50, rel=0.08)
    scores = bics(minutes, y, fits)
    assert min(scores, key=scores.get) == "weibull"


def test_recovers_a_known_log_logistic_which_is_metrs_curve():
    shape, t50 = 0.8, 120.0
    minutes, y = draw(lambda t: 1 / (1 + (t / t50) ** shape), 30_000, seed=12)
    fits = fit_all(minutes, y)
    logistic = fits["logistic"]
    assert logistic.shape[0] == pytest.approx(shape, rel=0.05)
    assert logistic.t50[0] == pytest.approx(t50, rel=0.1)
    # the same MLE as the METR fitter without its penalty
    metr = fit_logistic_batch(np.log2(minutes), y, np.ones((1, len(y))), c=math.inf)
    assert logistic.intercept[0] == pytest.approx(metr.intercept[0], rel=1e-9)
    scores = bics(minutes, y, fits)
    assert min(scores, key=scores.get) == "logistic"


def test_recovers_a_constant_hazard():
    minutes, y = draw(lambda t: 0.5 ** (t / 30.0), 20_000, seed=13)
    fit = CONSTANT.fit(minutes, y, np.ones((1, len(y))))
    assert fit.shape[0] == 1.0
    assert fit.t50[0] == pytest.approx(30.0, rel=0.05)


def test_constant_hazard_reliability_ratios_are_exact():
    t50, shape = np.array([37.0]), np.array([1.0])
    for p in (0.8, 0.9, 0.99):
        assert CONSTANT.horizon(p, t50, shape)[0] / t50[0] == pytest.approx(
            math.log(p) / math.log(0.5), abs=1e-9
        )
    assert t50[0] / CONSTANT.horizon(0.8, t50, shape)[0] == pytest.approx(3.106, abs=1e-3)  # T80 ≈ T50/3.1
    assert t50[0] / CONSTANT.horizon(0.99, t50, shape)[0] == pytest.approx(68.97, abs=1e-2)  # T99 ≈ T50/69


def test_weibull_and_logistic_closed_forms():
    t50, k = 100.0, 0.6
    for p in (0.8, 0.9, 0.99):
        tp = WEIBULL.horizon(p, t50, k)
        assert tp / t50 == pytest.approx((math.log(p) / math.log(0.5)) ** (1 / k), rel=1e-12)
        assert WEIBULL.survival(tp, t50, k) == pytest.approx(p, rel=1e-12)
        assert LOGISTIC.survival(LOGISTIC.horizon(p, t50, k), t50, k) == pytest.approx(p, rel=1e-12)
    assert t50 / WEIBULL.horizon(0.99, t50, k) == pytest.approx(1160, rel=0.01)  # k = 0.6: T99 ≈ T50/1160


def test_attempts_per_success_is_one_over_survival():
    assert attempts_per_success(WEIBULL, 100.0, 100.0, 0.6) == pytest.approx(2.0)
    assert attempts_per_success(CONSTANT, 200.0, 100.0, 1.0) == pytest.approx(4.0)
    assert attempts_per_success(LOGISTIC, np.array([1.0, 16.0]), 50.0, 0.8) == pytest.approx(
        1 + (np.array([1.0, 16.0]) / 50.0) ** 0.8
    )


def test_cloglog_derivatives_match_finite_differences():
    eta = np.linspace(-12, 4, 33)
    step = 1e-6
    for y in (0.0, 1.0):

        def loglik(e, y=y):
            u = np.exp(e)
            return y * -u + (1 - y) * np.log(-np.expm1(-u))

        d1, d2 = cloglog_derivatives(eta, np.full_like(eta, y))
        assert d1 == pytest.approx((loglik(eta + step) - loglik(eta - step)) / (2 * step), rel=1e-5, abs=1e-9)
        slope_of_d1 = (
            cloglog_derivatives(eta + step, np.full_like(eta, y))[0]
            - cloglog_derivatives(eta - step, np.full_like(eta, y))[0]
        ) / (2 * step)
        assert d2 == pytest.approx(slope_of_d1, rel=1e-5, abs=1e-9)


def test_batched_weibull_fits_equal_one_at_a_time():
    minutes, y = draw(lambda t: 0.5 ** ((t / 40.0) ** 0.7), 2000, seed=14)
    weights = np.random.default_rng(4).poisson(1.0, (6, len(y))).astype(float)
    batch = WEIBULL.fit(minutes, y, weights)
    for s in range(len(weights)):
        one = WEIBULL.fit(minutes, y, weights[s : s + 1])
        assert batch.shape[s] == pytest.approx(one.shape[0], rel=1e-9)
        assert batch.t50[s] == pytest.approx(one.t50[0], rel=1e-9)


def test_the_fit_maximises_the_likelihood():
    minutes, y = draw(lambda t: 0.5 ** ((t / 40.0) ** 0.7), 3000, seed=15)
    w = np.ones(len(y))
    for model in MODELS:
        fit = model.fit(minutes, y, w[None, :])
        best = model.log_likelihood(minutes, y, w, fit.intercept[0], fit.slope[0])
        for da, db in ((0.05, 0), (-0.05, 0), (0, 0.02 * model.free_shape), (0, -0.02 * model.free_shape)):
            assert best >= model.log_likelihood(minutes, y, w, fit.intercept[0] + da, fit.slope[0] + db)
