"""Cost–horizon curves by METR's truncation method, and the points read off them.

For a spending cap c (USD per attempt), every run that spent more than c counts as a failure; the METR
logistic fit is redone and gives p50(c), p80(c) in human minutes. The cap is the budget of one attempt,
so the hourly cost at a point is c / (p50(c) / 60) USD per human-hour: the budget an attempt at a task of
the 50%-horizon length is allowed, per hour of that task. On log-log axes a constant hourly cost is a line
of slope 1, so the minimum of c / p50(c) (the sweet spot) is where the elasticity d ln H / d ln C is 1.

A budget bounds what an attempt spends; what it does spend on average at a task of a given length is
`attempt_cost` (a kernel-weighted mean of the runs' spend at that length, truncated at the cap). The
headline hourly cost of a model uses that mean at its uncapped p50; the sweet spot and saturation point
are read off the budget curve, where the elasticity has its meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from warehouse.derivations.logistic import fit_logistic, split_fractional

N_CAPS = 40
ELASTICITY_HALF_WINDOW = 2  # valid points either side: damps the steps single runs make in p50(c)
MIN_CURVE_POINTS = 5  # valid points (converged fit, p50 ≥ min horizon) below which a curve is flagged
SATURATION_FRACTION = 0.1  # saturation: elasticity down to this fraction of its value at the sweet spot
KERNEL_DOUBLINGS = 1.0  # σ of the Gaussian kernel (in doublings of task length) for the attempt cost


def cap_grid(spend: np.ndarray, n_points: int = N_CAPS) -> np.ndarray:
    """`n_points` caps log-spaced from the smallest positive spend to the largest; the last is the
    largest spend, where no run is truncated (the uncapped fit)."""
    positive = spend[spend > 0]
    if positive.size == 0:
        return np.empty(0)
    low, high = positive.min(), positive.max()
    return np.geomspace(low, high, n_points) if high > low else np.array([high])


def truncation_fits(
    log2_minutes: np.ndarray, score: np.ndarray, weights: np.ndarray, spend: np.ndarray, caps: np.ndarray
) -> pl.DataFrame:
    """One METR refit per cap. Inputs are per run of one model (weights from `metr_weights` over the
    same runs); runs above the cap score 0. Grain: one row per cap. p50/p80 in minutes, NULL when the fit
    is degenerate (no success left, β1 ≥ 0 or no convergence)."""
    rows = []
    for cap in caps:
        over = spend > cap
        y = np.where(over, 0.0, score)
        p50 = p80 = slope = None
        degenerate = not (y > 0).any()  # nothing succeeds: the intercept runs off to −∞
        if not degenerate:
            with np.errstate(over="ignore"):
                fit = fit_logistic(*split_fractional(log2_minutes, y, weights))
            degenerate = fit.degenerate
            slope = fit.slope
            if not degenerate:
                p50, p80 = float(fit.horizon(0.5)), float(fit.horizon(0.8))
        rows.append(
            {
                "cap_usd": float(cap),
                "runs_over_cap": int(over.sum()),
                "slope": slope,
                "degenerate_fit": degenerate,
                "p50": p50,
                "p80": p80,
            }
        )
    schema = {
        "cap_usd": pl.Float64,
        "runs_over_cap": pl.Int64,
        "slope": pl.Float64,
        "degenerate_fit": pl.Boolean,
        "p50": pl.Float64,
        "p80": pl.Float64,
    }
    return pl.DataFrame(rows, schema=schema)


def attempt_cost(
    length_minutes: float, log2_minutes: np.ndarray, spend: np.ndarray, weights: np.ndarray, cap: float
) -> float:
    """Mean spend (USD) of an attempt at a task of `length_minutes` under a cap: runs weighted by their
    METR weight × a Gaussian kernel in log2 task length (σ = KERNEL_DOUBLINGS), each run's spend
    truncated at the cap (a stopped run has spent the cap)."""
    z = -0.5 * ((log2_minutes - np.log2(length_minutes)) / KERNEL_DOUBLINGS) ** 2
    kernel = weights * np.exp(z - z.max())  # shifted so far-off lengths do not underflow to 0/0
    mean = np.sum(kernel * np.minimum(spend, cap)) / kernel.sum()
    return float(min(mean, cap))  # a mean of values ≤ cap: only rounding can push it above


def elasticity(cap: np.ndarray, horizon: np.ndarray, half_window: int = ELASTICITY_HALF_WINDOW) -> np.ndarray:
    """d ln H / d ln C by a centred finite difference over ±half_window points (one-sided, narrower, at the
    ends). p50(c) moves in steps as single runs cross the cap; the wider difference averages over them."""
    n = len(cap)
    if n < 2:
        return np.full(n, np.nan)
    i = np.arange(n)
    lo, hi = np.maximum(i - half_window, 0), np.minimum(i + half_window, n - 1)
    ln_c, ln_h = np.log(cap), np.log(horizon)
    return (ln_h[hi] - ln_h[lo]) / (ln_c[hi] - ln_c[lo])


def non_monotone(horizon: np.ndarray) -> np.ndarray:
    """True where the horizon fell against the previous point (caps ascending): p50 must not fall as
    the budget rises, so these rows are reported, not hidden."""
    fell = np.zeros(len(horizon), dtype=bool)
    fell[1:] = horizon[1:] < horizon[:-1] * (1 - 1e-9)
    return fell


@dataclass(frozen=True)
class CurvePoints:
    """Per-point annotations of one curve (arrays aligned with the input points) and the two landmarks."""

    valid: np.ndarray  # converged fit with a finite positive p50
    cost_per_horizon_hour: np.ndarray  # cap / (p50 / 60), USD per human-hour; NaN where not valid
    elasticity: np.ndarray  # d ln p50 / d ln cap over valid points; NaN elsewhere
    non_monotone: np.ndarray
    sweet_spot: int | None  # index of the minimum cost per hour among valid points with p50 ≥ min horizon
    saturation: int | None  # first later valid point, elasticity ≤ SATURATION_FRACTION × that at sweet spot
    too_few_points: bool


def describe_curve(cap: np.ndarray, p50: np.ndarray, min_horizon_minutes: float = 1.0) -> CurvePoints:
    """Hourly cost, elasticity, monotonicity flags, sweet spot and saturation of one curve (caps ascending,
    p50 in minutes with NaN for degenerate fits). Elasticity and flags use the valid points only."""
    p50 = np.asarray(p50, dtype=float)
    valid = np.isfinite(p50) & (p50 > 0)
    idx = np.flatnonzero(valid)
    hourly = np.full(len(cap), np.nan)
    hourly[idx] = cap[idx] / (p50[idx] / 60)
    slopes = np.full(len(cap), np.nan)
    slopes[idx] = elasticity(cap[idx], p50[idx])
    fell = np.zeros(len(cap), dtype=bool)
    fell[idx] = non_monotone(p50[idx])
    eligible = idx[p50[idx] >= min_horizon_minutes]
    sweet = int(eligible[np.argmin(hourly[eligible])]) if eligible.size else None
    saturation = None
    if sweet is not None and slopes[sweet] > 0:
        later = idx[(idx > sweet) & (slopes[idx] <= SATURATION_FRACTION * slopes[sweet])]
        saturation = int(later[0]) if later.size else None
    return CurvePoints(valid, hourly, slopes, fell, sweet, saturation, eligible.size < MIN_CURVE_POINTS)
