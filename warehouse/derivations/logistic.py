"""METR's time-horizon fit: weighted logistic regression of success on log2(human minutes).

P(success) = σ(β0 + β1·x), x = log2(human_minutes), L2 penalty on the slope only with C = 10 —
scikit-learn's `LogisticRegression(C=10)` objective, 0.5·β1² + C·Σ wᵢ·logloss — and METR's weights
w = 1 / (runs in task · √(tasks in family)), normalised to sum 1 per model. Fractional scores are
split into a success row weighted y·w and a failure row weighted (1−y)·w.

`newton_batch` is the one solver behind every fit here and in `hazard.py`: Newton's method on a
two-parameter binary model with linear predictor η = a + b·z, run on many weight vectors (bootstrap
samples) at once, so that 1000 refits are a handful of array passes rather than 1000 Python calls.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import polars as pl
from scipy import sparse
from scipy.special import expit

C_DEFAULT = 10.0

# (η, y) -> (dℓ/dη, d²ℓ/dη²) per row, where ℓ is one row's log-likelihood; arrays broadcast (samples × rows)
Derivatives = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class LogisticFit:
    intercept: float  # β0
    slope: float  # β1, per doubling of human minutes; negative for a sensible fit
    converged: bool

    @property
    def degenerate(self) -> bool:
        """β1 ≥ 0 (success does not fall with task length) or the fit did not converge."""
        return not self.converged or not self.slope < 0

    def horizon(self, p: float) -> float:
        return horizon_minutes(self.intercept, self.slope, p)


@dataclass(frozen=True)
class LogisticFits:
    """Many fits of one model, one per weight vector (e.g. per bootstrap sample); arrays of shape (S,)."""

    intercept: np.ndarray
    slope: np.ndarray
    converged: np.ndarray

    @property
    def degenerate(self) -> np.ndarray:
        return ~self.converged | ~(self.slope < 0)

    def horizon(self, p: float) -> np.ndarray:
        """t_p in minutes; NaN where the fit is degenerate."""
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            return np.where(self.degenerate, np.nan, horizon_minutes(self.intercept, self.slope, p))


def metr_weights(task_id: pl.Series, task_family: pl.Series) -> np.ndarray:
    """1 / (runs in task · √(tasks in family)), normalised to sum 1 (apply per model)."""
    frame = pl.DataFrame({"task": task_id, "family": task_family})
    weights = (
        frame.select(1.0 / (pl.len().over("task") * pl.col("task").n_unique().over("family").sqrt()))
        .to_series()
        .to_numpy()
    )
    return weights / weights.sum()


def split_rows(y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """How fractional outcomes become binary rows: (source row index, binary y, share of the source weight).

    Rows with 0 < y < 1 keep their place as a success row (share y) and gain a failure row at the end
    (share 1 − y). Apply to weight matrices as `weights[..., source] * share`.
    """
    y = np.clip(np.asarray(y, dtype=float), 0.0, 1.0)
    fractional = np.flatnonzero((y > 0) & (y < 1))
    source = np.concatenate([np.arange(len(y)), fractional])
    binary = np.concatenate([np.where((y > 0) & (y < 1), 1.0, y), np.zeros(len(fractional))])
    share = np.concatenate([np.where((y > 0) & (y < 1), y, 1.0), 1 - y[fractional]])
    return source, binary, share


def split_fractional(
    x: np.ndarray, y: np.ndarray, w: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows with 0 < y < 1 become a success row (weight y·w) and a failure row ((1−y)·w)."""
    source, binary, share = split_rows(y)
    return np.asarray(x)[source], binary, np.asarray(w)[source] * share


def collapse_rows(
    z: np.ndarray, y: np.ndarray, weights: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Merge rows with equal (z, y), summing their weights (columns of the S × n matrix).

    The weighted log-likelihood is a sum over rows, so this changes no fit; it shrinks ~1000 runs to
    at most 2 rows per distinct task length, which is where a batched fit spends its time.
    """
    keys, group = np.unique(np.stack([z, y]), axis=1, return_inverse=True)
    membership = sparse.csr_matrix(
        (np.ones(len(z)), (np.arange(len(z)), group.ravel())), shape=(len(z), keys.shape[1])
    )
    return keys[0], keys[1], np.asarray(weights @ membership)


def logit_derivatives(eta: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Logistic log-likelihood ℓ = y·ln σ(η) + (1−y)·ln(1−σ(η)): dℓ/dη = y − p, d²ℓ/dη² = −p(1−p)."""
    p = expit(eta)
    return y - p, -p * (1 - p)


def newton_batch(
    z: np.ndarray,
    y: np.ndarray,
    weights: np.ndarray,
    derivatives: Derivatives,
    start: tuple[float, float] | np.ndarray,
    *,
    penalty: float = 0.0,
    free_slope: bool = True,
    max_iter: int = 100,
    tol: float = 1e-10,
) -> tuple[np.ndarray, np.ndarray]:
    """Maximise Σᵢ wₛᵢ·ℓ(a + b·zᵢ, yᵢ) − penalty/2·b² for every weight row s, by Newton's method.

    z, y: (n,) per row; weights: (S, n); start: (a, b) for all rows or an (S, 2) array (warm start).
    With free_slope=False, b stays at its start value (an offset) and only a is fitted.
    A sample stops iterating once its largest step is below `tol` (so each row's result is what a
    scalar fit would give). Returns (beta (S, 2), converged (S,)).
    """
    z, y, weights = collapse_rows(z, y, np.atleast_2d(weights))
    n_samples = weights.shape[0]
    beta = np.array(np.broadcast_to(np.asarray(start, dtype=float), (n_samples, 2)))
    converged = np.zeros(n_samples, dtype=bool)
    active = np.arange(n_samples)
    z_squared = z * z
    for _ in range(max_iter):
        a, b = beta[active, 0], beta[active, 1]
        w = weights if len(active) == n_samples else weights[active]
        # a sample with no successes (or no failures) runs off to infinity: let it, and flag it
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            d1, d2 = derivatives(a[:, None] + b[:, None] * z, y)
            gradient_w, curvature_w = w * d1, -w * d2  # curvature ≥ 0 for the concave models used here
            g0, h00 = gradient_w.sum(axis=1), curvature_w.sum(axis=1)
            if free_slope:
                g1 = gradient_w @ z - penalty * b
                h01 = curvature_w @ z
                h11 = curvature_w @ z_squared + penalty
                det = h00 * h11 - h01 * h01
                step_a, step_b = (h11 * g0 - h01 * g1) / det, (h00 * g1 - h01 * g0) / det
            else:
                step_a, step_b = g0 / h00, np.zeros_like(g0)
        beta[active, 0] += step_a
        beta[active, 1] += step_b
        step = np.maximum(np.abs(step_a), np.abs(step_b))
        done = step < tol
        converged[active[done]] = True
        active = active[~done & np.isfinite(step)]  # a NaN step cannot recover: stop, unconverged
        if not len(active):
            break
    return beta, converged


def fit_logistic(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float = C_DEFAULT, max_iter: int = 100, tol: float = 1e-10
) -> LogisticFit:
    """Newton–Raphson on the penalised, weighted log-loss (binary y; split fractional y first)."""
    fits = fit_logistic_batch(x, y, np.asarray(w)[None, :], c, max_iter=max_iter, tol=tol)
    return LogisticFit(float(fits.intercept[0]), float(fits.slope[0]), bool(fits.converged[0]))


def fit_logistic_batch(
    x: np.ndarray,
    y: np.ndarray,
    weights: np.ndarray,
    c: float = C_DEFAULT,
    start: tuple[float, float] | np.ndarray = (0.0, 0.0),
    max_iter: int = 100,
    tol: float = 1e-10,
) -> LogisticFits:
    """`fit_logistic` for every row of `weights` (S × n) at once; c = inf gives the unpenalised MLE.

    Maximising Σw·ℓ − β1²/(2C) is the same problem as minimising 0.5·β1² + C·Σw·logloss, with the
    same Newton steps.
    """
    beta, converged = newton_batch(
        np.asarray(x, dtype=float),
        np.asarray(y, dtype=float),
        weights,
        logit_derivatives,
        start,
        penalty=1.0 / c,
        max_iter=max_iter,
        tol=tol,
    )
    return LogisticFits(beta[:, 0], beta[:, 1], converged)


def horizon_minutes(intercept, slope, p: float):
    """t_p = 2^((ln(p/(1−p)) − β0)/β1) minutes; works on scalars and arrays."""
    return np.exp2((math.log(p / (1 - p)) - intercept) / slope)
