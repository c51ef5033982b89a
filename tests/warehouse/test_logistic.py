"""METR's logistic fit: parameter recovery, agreement with scikit-learn, the batched fitter, weights."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest

from warehouse.derivations.bootstrap import hierarchical_counts
from warehouse.derivations.logistic import (
    collapse_rows,
    fit_logistic,
    fit_logistic_batch,
    horizon_minutes,
    metr_weights,
    split_fractional,
    split_rows,
)


def synthetic_runs(b0: float, b1: float, n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3, 11, n)  # log2 minutes: ~8 seconds to ~34 hours
    y = (rng.random(n) < 1 / (1 + np.exp(-(b0 + b1 * x)))).astype(float)
    return x, y


def model_frame(metr_con, model: str) -> pl.DataFrame:
    return metr_con.sql(
        "SELECT * FROM staging.stg_metr__runs WHERE runs_file = 'runs_1_1' AND model = ? ORDER BY run_id",
        params=[model],
    ).pl()


def test_recovers_a_known_logistic():
    x, y = synthetic_runs(2.0, -0.6, 40_000, seed=7)
    fit = fit_logistic(x, y, np.ones_like(x), c=math.inf)
    assert fit.converged and not fit.degenerate
    assert fit.intercept == pytest.approx(2.0, abs=0.06)
    assert fit.slope == pytest.approx(-0.6, abs=0.015)
    assert fit.horizon(0.5) == pytest.approx(2 ** (2.0 / 0.6), rel=0.1)


def test_penalty_shrinks_only_the_slope_as_scikit_learn_does(metr_con):
    from sklearn.linear_model import LogisticRegression

    runs = model_frame(metr_con, "o3_inspect")
    x = np.log2(runs["human_minutes"].to_numpy())
    y = runs["score_binarized"].to_numpy().astype(float)
    w = metr_weights(runs["task_id"], runs["task_family"])
    ours = fit_logistic(x, y, w)
    theirs = LogisticRegression(C=10, tol=1e-12, max_iter=10_000).fit(x[:, None], y, sample_weight=w)
    assert ours.intercept == pytest.approx(theirs.intercept_[0], rel=1e-6)
    assert ours.slope == pytest.approx(theirs.coef_[0, 0], rel=1e-6)


def test_batched_fitter_equals_scalar_fitter(metr_con):
    runs = model_frame(metr_con, "claude_opus_4_5_inspect")
    x = np.log2(runs["human_minutes"].to_numpy())
    y = runs["score_binarized"].to_numpy().astype(float)
    w = metr_weights(runs["task_id"], runs["task_family"])
    weights = hierarchical_counts(runs["task_family"].to_numpy(), runs["task_id"].to_numpy(), 25, seed=3) * w
    full = fit_logistic(x, y, w)
    batch = fit_logistic_batch(x, y, weights, start=(full.intercept, full.slope))
    for s, row in enumerate(weights):
        scalar = fit_logistic(x, y, row)
        assert batch.intercept[s] == pytest.approx(scalar.intercept, rel=1e-9, abs=1e-12)
        assert batch.slope[s] == pytest.approx(scalar.slope, rel=1e-9, abs=1e-12)
        assert batch.converged[s] == scalar.converged
    assert batch.horizon(0.5) == pytest.approx(horizon_minutes(batch.intercept, batch.slope, 0.5))


def test_a_sample_without_successes_is_degenerate_and_does_not_disturb_the_others():
    x, y = synthetic_runs(1.0, -0.5, 500, seed=1)
    weights = np.stack([np.ones_like(x), np.where(y == 0, 1.0, 0.0)])  # second sample: failures only
    fits = fit_logistic_batch(x, y, weights)
    assert fits.degenerate.tolist() == [False, True]
    assert np.isnan(fits.horizon(0.5)[1])
    alone = fit_logistic(x, y, np.ones_like(x))
    assert fits.intercept[0] == pytest.approx(alone.intercept, rel=1e-12)


def test_split_fractional_keeps_weight_and_success_mass():
    x = np.array([1.0, 2.0, 3.0])
    y = np.array([0.0, 0.25, 1.0])
    w = np.array([0.2, 0.5, 0.3])
    xs, ys, ws = split_fractional(x, y, w)
    assert xs.tolist() == [1.0, 2.0, 3.0, 2.0]
    assert ys.tolist() == [0.0, 1.0, 1.0, 0.0]
    assert ws == pytest.approx([0.2, 0.125, 0.3, 0.375])
    source, _, share = split_rows(y)
    assert (w[source] * share).sum() == pytest.approx(w.sum())


def test_collapsing_equal_rows_changes_no_fit():
    x, y = synthetic_runs(1.5, -0.4, 3000, seed=5)
    x = np.round(x)  # few distinct lengths, as with a fixed task set
    w = np.random.default_rng(2).random(len(x))
    z, yc, wc = collapse_rows(x, y, w[None, :])
    assert len(z) <= 2 * len(np.unique(x)) and wc.sum() == pytest.approx(w.sum())
    direct, collapsed = fit_logistic(x, y, w), fit_logistic(z, yc, wc[0])
    assert collapsed.intercept == pytest.approx(direct.intercept, rel=1e-10)
    assert collapsed.slope == pytest.approx(direct.slope, rel=1e-10)


def test_weights_equal_the_runs_files_own_invsqrt_task_weight(metr_con):
    runs = metr_con.sql("SELECT * FROM staging.stg_metr__runs WHERE NOT is_human_baseline").pl()
    for _, group in runs.group_by(["runs_file", "model", "alias"]):
        ours = metr_weights(group["task_id"], group["task_family"])
        theirs = group["invsqrt_task_weight"].to_numpy()
        assert ours == pytest.approx(theirs / theirs.sum(), rel=1e-6)  # the file rounds to ~8 digits
