"""Blended prices over time, the cheapest way to reach a score on each date, and log-linear trends.

A trend is an OLS fit of ln(value) on time in years: value ∝ exp(slope · t). A price that falls 10× a
year has slope −ln 10; doubling time = ln 2 / slope (negative = halving time: unlike a horizon, a cost
is expected to fall). The CI is a pairs bootstrap (resample the points with replacement, refit),
percentiles of the slopes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl

from warehouse.derivations.bootstrap import percentile_interval
from warehouse.derivations.doubling import model_resampling_weights, ols_slope
from warehouse.derivations.pricing import PRICE_COLUMNS, TokenBlend, prices_as_of

DAYS_PER_YEAR = 365.25
N_BOOTSTRAP = 1000
_EARLIEST = dt.date(1900, 1, 1)  # stands for an open start (valid_from NULL) when pricing an interval


@dataclass(frozen=True)
class Trend:
    slope_per_year: float  # d ln(value) / d years
    ci_low: float  # 2.5th percentile of bootstrap slopes (NaN when no resample gives one)
    ci_high: float
    n_points: int

    @property
    def factor_per_year(self) -> float:
        """Multiplier per year: 0.1 = falls to a tenth each year."""
        return math.exp(self.slope_per_year)

    @property
    def doubling_time_days(self) -> float:
        """ln 2 / slope in days; negative = halving time."""
        return math.log(2) / self.slope_per_year * DAYS_PER_YEAR if self.slope_per_year else math.inf

    def doubling_time_ci_days(self) -> tuple[float, float]:
        """The slope CI mapped to doubling times; NaN when the slope CI contains 0 (unbounded)."""
        if not self.ci_low * self.ci_high > 0:
            return math.nan, math.nan
        ends = sorted(math.log(2) / s * DAYS_PER_YEAR for s in (self.ci_low, self.ci_high))
        return ends[0], ends[1]


def years_since_epoch(dates: Sequence[dt.date] | pl.Series) -> np.ndarray:
    """Dates as decimal years since 1970-01-01 (only differences matter)."""
    days = pl.Series(dates, dtype=pl.Date).cast(pl.Int64).to_numpy()
    return days / DAYS_PER_YEAR


MIN_SPAN_YEARS = 0.25  # a yearly rate read off changes a few days apart is noise (e.g. ×1e-242/year)


def log_linear_trend(
    years: np.ndarray, values: np.ndarray, n_boot: int = N_BOOTSTRAP, seed: int = 0
) -> Trend | None:
    """OLS of ln(values) on years with a pairs-bootstrap 95% CI (the points resampled with replacement,
    as `doubling.model_resampling_weights` draws them); None with fewer than 3 positive values or when
    they span less than MIN_SPAN_YEARS. Resamples with a single distinct date give no slope and are left out."""
    years, values = np.asarray(years, float), np.asarray(values, float)
    keep = np.isfinite(years) & np.isfinite(values) & (values > 0)
    t, y = years[keep], np.log(values[keep])
    if len(t) < 3 or np.ptp(t) < MIN_SPAN_YEARS:
        return None
    slope = float(ols_slope(t, y, np.ones(len(t))))
    counts = model_resampling_weights(len(t), n_boot, seed)
    low, high = percentile_interval(ols_slope(t, np.broadcast_to(y, counts.shape), counts))
    return Trend(slope, low, high, len(t))


def blended_price_history(prices: pl.DataFrame, blend: TokenBlend) -> pl.DataFrame:
    """Blended USD per million tokens per model over time, from the effective-dated prices.

    Every valid_from / valid_to of any price type of a model cuts its timeline; each piece is priced as of
    its start; adjacent pieces with the same prices are merged (never across a gap without a price).
    Grain: one row per model × price interval (valid_from inclusive, NULL = open start; valid_to
    exclusive, NULL = still current).
    """
    cuts = pl.concat([prices.select("model_id", day=c) for c in ("valid_from", "valid_to")]).drop_nulls()
    starts = pl.concat(
        [
            prices.select("model_id").unique().with_columns(day=pl.lit(_EARLIEST, dtype=pl.Date)),
            cuts,
        ]
    ).unique()
    pieces = starts.sort("model_id", "day").with_columns(
        pl.col("day").shift(-1).over("model_id").alias("valid_to"), pl.col("day").alias("valid_from")
    )
    priced = prices_as_of(prices, pieces, "day").with_columns(blended_usd_per_mtok=blend.usd_per_mtok())
    changed = pl.any_horizontal(
        pl.col(c).ne_missing(pl.col(c).shift(1).over("model_id")) for c in (*PRICE_COLUMNS, "price_sources")
    )
    return (
        priced.sort("model_id", "valid_from")
        .with_columns(changed.cum_sum().over("model_id").alias("_run"))  # before dropping gaps: none merged
        .filter(pl.any_horizontal(pl.col(c).is_not_null() for c in PRICE_COLUMNS))
        .group_by("model_id", "_run", maintain_order=True)
        .agg(
            pl.col("valid_from").first(),
            pl.col("valid_to").last(),
            *[pl.col(c).first() for c in (*PRICE_COLUMNS, "blended_usd_per_mtok", "price_sources")],
        )
        .with_columns(
            pl.when(pl.col("valid_from") > _EARLIEST).then(pl.col("valid_from")).alias("valid_from"),
            pl.lit(blend.label).alias("token_blend"),
        )
        .drop("_run")
    )


def cheapest_by_threshold(candidates: pl.DataFrame, thresholds: Sequence[float]) -> pl.DataFrame:
    """For each threshold and date, the cheapest candidate with score ≥ threshold.

    candidates: date, entry, score, cost (one row per entry known on that date, with its cost then).
    Grain: one row per threshold × date on which some candidate reaches it (ties: the first entry name).
    """
    levels = pl.DataFrame({"threshold": list(thresholds)}, schema={"threshold": pl.Float64})
    return (
        candidates.drop_nulls(["score", "cost"])
        .join(levels, how="cross")
        .filter(pl.col("score") >= pl.col("threshold"))
        .sort("threshold", "date", "cost", "entry")
        .group_by("threshold", "date", maintain_order=True)
        .first()
    )
