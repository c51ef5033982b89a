"""METR's time-horizon fit: weighted logistic regression of success on log2(human minutes).

P(success) = σ(β0 + β1·x), x = log2(human_minutes), L2 penalty on the slope only with C = 10 —
scikit-learn's `LogisticRegression(C=10)` objective, 0.5·β1² + C·Σ wᵢ·logloss — and METR's weights
w = 1 / (runs in task · √(tasks in family)), normalised to sum 1 per model. Fractional scores are
split into a success row weighted y·w and a failure row weighted (1−y)·w.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import polars as pl

C_DEFAULT = 10.0


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


def metr_weights(task_id: pl.Series, task_family: pl.Series) -> np.ndarray:
    """1 / (runs in task · √(tasks in family)), normalised to sum 1 (apply per model)."""
    frame = pl.DataFrame({"task": task_id, "family": task_family})
    weights = frame.select(
        1.0
        / (
            pl.len().over("task")
            * pl.col("task").n_unique().over("family").sqrt()
        )
    ).to_series().to_numpy()
    return weights / weights.sum()


def split_fractional(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows with 0 < y < 1 become a success row (weight y·w) and a failure row ((1−y)·w)."""
    y = np.clip(np.asarray(y, dtype=float), 0.0, 1.0)
    fractional = (y > 0) & (y < 1)
    if not fractional.any():
        return x, y, w
    xs = np.concatenate([x, x[fractional]])
    ys = np.concatenate([np.where(fractional, 1.0, y), np.zeros(fractional.sum())])
    ws = np.concatenate([np.where(fractional, y * w, w), (1 - y[fractional]) * w[fractional]])
    return xs, ys, ws


def fit_logistic(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float = C_DEFAULT, max_iter: int = 100, tol: float = 1e-10
) -> LogisticFit:
    """Newton–Raphson on the penalised, weighted log-loss (binary y; split fractional y first)."""
    design = np.column_stack([np.ones_like(x), x])
    beta = np.zeros(2)
    penalty = np.diag([0.0, 1.0])
    for _ in range(max_iter):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        gradient = c * design.T @ (w * (p - y)) + penalty @ beta
        hessian = c * (design.T * (w * p * (1 - p))) @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < tol:
            return LogisticFit(float(beta[0]), float(beta[1]), True)
    return LogisticFit(float(beta[0]), float(beta[1]), False)


def horizon_minutes(intercept, slope, p: float):
    """t_p = 2^((ln(p/(1−p)) − β0)/β1) minutes; works on scalars and arrays."""
    return np.exp2((math.log(p / (1 - p)) - intercept) / slope)
