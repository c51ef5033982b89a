"""How fast the frontier's time horizon doubles.

Frontier models are those whose p50 is at least the best p50 released on or before their release date
(ties on a date count). Over a window of frontier models, OLS of ln(horizon) on release date in days
gives a slope; doubling time = ln 2 / slope, in days. The CI refits the line on each bootstrap sample
(dropping sample horizons below 1e-3 minutes, as METR does) and takes the 2.5/97.5 percentiles of the
slopes, turned into days. METR takes percentiles of the positive doubling times instead; the two agree
when every sample has a rising trend, and this way the point estimate stays inside its interval when
some do not: a slope interval that reaches 0 leaves the upper doubling bound unbounded (NaN).

Bootstrap samples enter as (samples × models) weights on the models: 0/1 to drop a model's invalid
sample, or resampling counts for a bootstrap over the models themselves.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from warehouse.derivations.bootstrap import percentile_interval

FIXED_WINDOWS: tuple[tuple[str, dt.date | None], ...] = (
    ("all_time", None),
    ("from_2023", dt.date(2023, 1, 1)),
    ("from_2024", dt.date(2024, 1, 1)),
)
ROLLING_WINDOW = "rolling_2y"
ROLLING_YEARS = 2
MIN_HORIZON_MINUTES = 1e-3  # METR's floor for a usable bootstrap horizon (0.06 s)


@dataclass(frozen=True)
class Window:
    name: str
    start: dt.date  # first release date the window admits
    end: dt.date  # last release date the window admits
    members: np.ndarray  # bool per model: a frontier model released within [start, end]


@dataclass(frozen=True)
class Trend:
    n_models: int
    slope: float  # ln(horizon) per day; NaN with fewer than two distinct release dates
    slope_ci_low: float
    slope_ci_high: float
    n_samples: int  # bootstrap samples that gave a slope

    @property
    def doubling_days(self) -> float:
        return _doubling(self.slope)

    @property
    def ci_low(self) -> float:
        return _doubling(self.slope_ci_high)

    @property
    def ci_high(self) -> float:
        return _doubling(self.slope_ci_low)


def _doubling(slope: float) -> float:
    """ln 2 / slope in days; NaN unless the horizon grows (slope > 0)."""
    return math.log(2) / slope if slope > 0 else math.nan


def frontier(release: np.ndarray, p50: np.ndarray) -> np.ndarray:
    """Bool per model: p50 ≥ the best p50 among models released on or before its release date."""
    release, p50 = np.asarray(release), np.asarray(p50, dtype=float)
    on_or_before = release[None, :] <= release[:, None]
    return p50 >= np.max(np.where(on_or_before, p50[None, :], -np.inf), axis=1)


def ols_slope(days: np.ndarray, log_horizon: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Slope of the weighted least-squares line of ln(horizon) on release day, per row (per day).

    days: (m,); log_horizon, weights: (..., m). A weight of 0 drops a model (its log_horizon may be NaN),
    an integer weight repeats it. NaN where fewer than two distinct days carry weight.
    """
    weights = np.broadcast_to(np.asarray(weights, dtype=float), np.shape(log_horizon))
    log_horizon = np.where(weights > 0, log_horizon, 0.0)
    total = weights.sum(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        centred_days = days - (weights * days).sum(axis=-1, keepdims=True) / total
        centred_log = log_horizon - (weights * log_horizon).sum(axis=-1, keepdims=True) / total
        sxx = (weights * centred_days**2).sum(axis=-1)
        return (weights * centred_days * centred_log).sum(axis=-1) / np.where(sxx > 1e-9, sxx, np.nan)


def fit_trend(
    days: np.ndarray, log_horizon: np.ndarray, sample_log_horizon: np.ndarray, sample_weights: np.ndarray
) -> Trend:
    """The trend of the models given (all of them: select the window first) with its bootstrap CI.

    days: (m,) release days; log_horizon: (m,) ln of the point estimates; sample_log_horizon,
    sample_weights: (S, m).
    """
    point = ols_slope(days, log_horizon, np.ones(len(days)))
    samples = ols_slope(days, sample_log_horizon, sample_weights)
    low, high = percentile_interval(samples)
    return Trend(len(days), float(point), low, high, int(np.isfinite(samples).sum()))


def horizon_sample_weights(samples: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(ln horizon, weight) from (S, m) bootstrap horizons: weight 0 where a sample is unusable."""
    usable = np.isfinite(samples) & (samples >= MIN_HORIZON_MINUTES)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(usable, np.log(samples), np.nan), usable.astype(float)


def model_resampling_weights(n_models: int, n_samples: int, seed: int) -> np.ndarray:
    """(S, m) counts of each model in a bootstrap over the models (draw m of m with replacement).

    All zero (no interval) below 3 models: two points give back their own line or no line at all.
    """
    if n_models < 3:
        return np.zeros((n_samples, n_models))
    rng = np.random.default_rng(seed)
    return rng.multinomial(n_models, np.full(n_models, 1 / n_models), size=n_samples).astype(float)


def windows(release: list[dt.date], on_frontier: np.ndarray) -> list[Window]:
    """The fixed windows (all time, from 2023, from 2024) and a rolling one: at each frontier release
    date, the frontier models released in the previous `ROLLING_YEARS` years (rows with ≥ 2 models)."""
    dates = np.array(release, dtype="datetime64[D]")
    frontier_dates = sorted({d for d, f in zip(release, on_frontier, strict=True) if f})
    if not frontier_dates:
        return []
    last = frontier_dates[-1]
    found = [
        Window(
            name,
            start or frontier_dates[0],
            last,
            on_frontier & (dates >= np.datetime64(start or dates.min())),
        )
        for name, start in FIXED_WINDOWS
    ]
    for end in frontier_dates:
        start = _years_before(end, ROLLING_YEARS)
        members = on_frontier & (dates >= np.datetime64(start)) & (dates <= np.datetime64(end))
        if members.sum() >= 2:
            found.append(Window(ROLLING_WINDOW, start, end, members))
    return found


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
