"""Cost marts: what an hour of a model's work costs, where curves cross, who is the best buy, and how
prices fall. Every assumption (token blend, pricing basis, minimum horizon, wage, cost measure) is a
column of the rows it shaped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping

import numpy as np
import polars as pl
import polars.selectors as cs

from warehouse.derivations.cost_curves import (
    ELASTICITY_HALF_WINDOW,
    SATURATION_FRACTION,
    attempt_cost,
    cap_grid,
    describe_curve,
    truncation_fits,
)
from warehouse.derivations.crossings import Curve, cheapest_envelope, curve_crossings
from warehouse.derivations.logistic import metr_weights
from warehouse.derivations.pareto import frontier_history
from warehouse.derivations.price_trends import (
    blended_price_history,
    cheapest_by_threshold,
    log_linear_trend,
    years_since_epoch,
)
from warehouse.derivations.pricing import PricingBasis, TokenBlend, prices_as_of, run_spend
from warehouse.marts import Columns, PythonMart, column_descriptions, column_schema

BLEND = TokenBlend()
BASES: tuple[PricingBasis, ...] = ("evaluation_date", "today")
MIN_HORIZON_MINUTES = 1.0
HUMAN_WAGE_USD_PER_HOUR = 143.61  # METR's price of an hour of a human baseliner's time
SUCCESS_PROBABILITY_AT_P50 = 0.5

RUNS, ALIASES, PRICES = "staging.stg_metr__runs", "core.model_aliases", "core.fct_prices"
HORIZONS, DIM_MODEL, RESULTS = "staging.stg_metr__horizons", "core.dim_model", "core.fct_benchmark_results"
CURVES, HOURLY = "marts.cost_horizon_curves", "marts.cost_per_horizon_hour"


def _shape(frames: list[pl.DataFrame], columns: Columns) -> pl.DataFrame:
    """The frames stacked, in the declared columns and types (NULL where a frame lacks one; an empty frame
    of them when there are no frames)."""
    schema = column_schema(columns)
    if not frames:
        return pl.DataFrame(schema=schema)
    stacked = pl.concat(frames, how="diagonal_relaxed")
    return stacked.select(
        (pl.col(c) if c in stacked.columns else pl.lit(None)).cast(t).alias(c) for c, t in schema.items()
    )


# -- METR runs priced ------------------------------------------------------------------------------------


def _metr_runs(tables: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """Agent runs usable for a fit, with model_id (core.model_aliases, source 'metr', matched on the runs'
    model key, else on their display alias) and run_date = the evaluation date (start, else end, of the
    run). run_id is made unique across runs files."""
    aliases = (
        tables[ALIASES]
        .filter(pl.col("source") == "metr")
        .drop_nulls("model_id")
        .unique("alias", keep="first", maintain_order=True)
        .select("alias", "model_id")
    )
    runs = tables[RUNS].filter(
        ~pl.col("is_human_baseline").fill_null(False)
        & (pl.col("human_minutes") > 0)
        & pl.col("score_binarized").is_not_null()
    )
    return (
        runs.join(aliases.rename({"alias": "model"}), on="model", how="left")
        .join(aliases.rename({"model_id": "_by_alias"}), on="alias", how="left")
        .with_columns(
            pl.coalesce("model_id", "_by_alias").alias("model_id"),
            pl.coalesce(pl.col("started_at"), pl.col("completed_at")).cast(pl.Date).alias("run_date"),
            (pl.col("runs_file") + ":" + pl.col("run_id")).alias("run_id"),
        )
        .drop("_by_alias")
    )


def _one_curve(runs: pl.DataFrame, min_horizon_minutes: float) -> pl.DataFrame | None:
    """The truncation curve of one model's priced runs (one row per cap), or None without any spend."""
    priced = runs.filter(pl.col("spend_usd").is_not_null())
    if priced.is_empty():
        return None
    spend = priced["spend_usd"].to_numpy()
    x = np.log2(priced["human_minutes"].to_numpy())
    weights = metr_weights(priced["task_id"], priced["task_family"])
    caps = cap_grid(spend)
    fits = truncation_fits(x, priced["score_binarized"].to_numpy(), weights, spend, caps)
    p50 = fits["p50"].fill_null(np.nan).to_numpy()
    curve = describe_curve(caps, p50, min_horizon_minutes)
    attempts = [
        attempt_cost(h, x, spend, weights, c) if ok else None
        for h, c, ok in zip(p50, caps, curve.valid, strict=True)
    ]
    n = len(caps)
    first = runs.row(0, named=True)
    tested_minutes = (priced["human_minutes"].min(), priced["human_minutes"].max())
    return fits.with_columns(
        pl.lit(first["model"]).alias("model"),
        pl.lit(first["model_id"]).alias("model_id"),
        pl.lit(first["runs_file"]).alias("runs_file"),
        pl.lit(first["benchmark_version"]).alias("benchmark_version"),
        pl.lit(priced["priced_on"].min()).alias("priced_on_from"),
        pl.lit(priced["priced_on"].max()).alias("priced_on_to"),
        pl.lit(priced["blended_usd_per_mtok"].min()).alias("blended_usd_per_mtok_min"),
        pl.lit(priced["blended_usd_per_mtok"].max()).alias("blended_usd_per_mtok_max"),
        pl.lit("; ".join(sorted(set(priced["price_sources"].drop_nulls())))).alias("price_sources"),
        pl.lit("; ".join(sorted(set(priced["spend_source"].drop_nulls())))).alias("spend_source"),
        pl.lit(priced.height).alias("n_runs"),
        pl.lit(runs.height - priced.height).alias("runs_without_spend"),
        pl.Series("point", np.arange(n)),
        pl.Series("is_uncapped", np.arange(n) == n - 1),
        (pl.col("runs_over_cap") / priced.height).alias("share_runs_over_cap"),
        pl.Series("cost_per_horizon_hour_usd", curve.cost_per_horizon_hour, nan_to_null=True),
        pl.Series("attempt_cost_usd", attempts, dtype=pl.Float64),
        pl.Series("elasticity", curve.elasticity, nan_to_null=True),
        pl.col("p50").shift(1).forward_fill().alias("p50_previous"),
        pl.Series("non_monotone", curve.non_monotone),
        pl.col("p50").is_between(*tested_minutes).not_().alias("p50_extrapolated"),
        pl.lit(bool(curve.non_monotone.any())).alias("curve_non_monotone"),
        pl.lit(curve.too_few_points).alias("too_few_points"),
        pl.Series("is_sweet_spot", np.arange(n) == (-1 if curve.sweet_spot is None else curve.sweet_spot)),
        pl.Series("is_saturation", np.arange(n) == (-1 if curve.saturation is None else curve.saturation)),
    ).with_columns(
        (pl.col("attempt_cost_usd") / (pl.col("p50") / 60)).alias("attempt_cost_per_horizon_hour_usd")
    )


CURVE_COLUMNS: Columns = {
    "model": (
        pl.String,
        "METR's model key in the runs file, e.g. o3_inspect ('<key> / <alias>' where one "
        "key files several models)",
    ),
    "model_id": (pl.String, "canonical model (core.model_aliases, source 'metr'); prices are found by it"),
    "runs_file": (pl.String, "METR runs file the runs come from"),
    "benchmark_version": (pl.String, "METR time-horizon benchmark version of the runs file"),
    "pricing_basis": (
        pl.String,
        "'evaluation_date': each run priced at the price in effect on the day it "
        "ran; 'today': at the price in effect on the build date",
    ),
    "priced_on_from": (pl.Date, "earliest price date used (run date, or the build date for 'today')"),
    "priced_on_to": (pl.Date, "latest price date used"),
    "token_blend": (pl.String, "shares of each run's tokens_count billed as input / output / cached input"),
    "blended_usd_per_mtok_min": (pl.Float64, "lowest blended price applied to a run, USD per Mtok"),
    "blended_usd_per_mtok_max": (pl.Float64, "highest blended price applied to a run, USD per Mtok"),
    "price_sources": (pl.String, "price sources used (core.fct_prices.source)"),
    "spend_source": (
        pl.String,
        "how run spend was obtained: METR's generation_cost (wins where present) or "
        "tokens_count × blended price",
    ),
    "n_runs": (pl.Int64, "runs in the fit (agent runs of this model with a spend)"),
    "runs_without_spend": (pl.Int64, "runs of this model left out because no spend could be computed"),
    "point": (pl.Int64, "0-based index of the cap, ascending"),
    "cap_usd": (
        pl.Float64,
        "spending cap per attempt, USD: runs that spent more count as failures; caps are "
        "40 log-spaced values from the cheapest to the most expensive run",
    ),
    "is_uncapped": (pl.Boolean, "the cap equals the most expensive run: nothing is truncated (METR's fit)"),
    "runs_over_cap": (pl.Int64, "runs that spent more than the cap (scored as failures)"),
    "share_runs_over_cap": (pl.Float64, "runs_over_cap / n_runs"),
    "slope": (pl.Float64, "logistic slope β1 per doubling of task length (NULL when nothing succeeds)"),
    "degenerate_fit": (pl.Boolean, "fit unusable: no success under the cap, β1 ≥ 0 or no convergence"),
    "p50": (pl.Float64, "50% time horizon under the cap, human minutes (NULL when degenerate)"),
    "p80": (pl.Float64, "80% time horizon under the cap, human minutes (NULL when degenerate)"),
    "p50_extrapolated": (
        pl.Boolean,
        "p50 lies outside the task lengths of the runs (shortest to longest): "
        "an extrapolation of the fit, typical at caps so low that only the shortest tasks "
        "succeed",
    ),
    "cost_per_horizon_hour_usd": (
        pl.Float64,
        "cap_usd / (p50 / 60): the budget of one attempt at a task of "
        "the 50%-horizon length per human-hour of that task, USD per human-hour",
    ),
    "attempt_cost_usd": (
        pl.Float64,
        "mean spend of an attempt at a task of length p50 under the cap: runs "
        "weighted by METR weight × Gaussian kernel in log2 task length (σ = 1 doubling), "
        "spend truncated at the cap, USD",
    ),
    "attempt_cost_per_horizon_hour_usd": (pl.Float64, "attempt_cost_usd / (p50 / 60), USD per human-hour"),
    "elasticity": (
        pl.Float64,
        f"d ln p50 / d ln cap by a centred difference over ±{ELASTICITY_HALF_WINDOW} "
        "valid points (one-sided at the ends); NULL where the fit is degenerate",
    ),
    "p50_previous": (pl.Float64, "p50 of the previous valid point (lower cap), human minutes"),
    "non_monotone": (pl.Boolean, "p50 fell below p50_previous although the cap rose"),
    "curve_non_monotone": (pl.Boolean, "the curve has at least one non_monotone point"),
    "too_few_points": (pl.Boolean, "fewer than 5 valid points with p50 ≥ min_horizon_minutes"),
    "is_sweet_spot": (
        pl.Boolean,
        "minimum cost_per_horizon_hour_usd among valid points with p50 ≥ "
        "min_horizon_minutes (where d ln H / d ln C = 1)",
    ),
    "is_saturation": (
        pl.Boolean,
        f"first valid point after the sweet spot whose elasticity ≤ "
        f"{SATURATION_FRACTION} × the elasticity at the sweet spot",
    ),
    "min_horizon_minutes": (
        pl.Float64,
        "smallest p50 searched for the sweet spot (shorter tasks make the hourly cost an artefact)",
    ),
}


def build_cost_horizon_curves(
    tables: Mapping[str, pl.DataFrame],
    blend: TokenBlend = BLEND,
    min_horizon_minutes: float = MIN_HORIZON_MINUTES,
    today: dt.date | None = None,
) -> pl.DataFrame:
    runs = _metr_runs(tables).with_columns(  # a model key filing several models (all_runs' c3-5s) is split
        pl.when(pl.col("alias").n_unique().over("runs_file", "model") > 1)
        .then(pl.format("{} / {}", "model", "alias"))
        .otherwise(pl.col("model"))
        .alias("model")
    )
    with_spend = (
        runs.group_by("runs_file", "model")
        .agg(
            (pl.col("tokens_count").is_not_null() | pl.col("run_cost_usd").is_not_null()).any().alias("_has")
        )
        .filter("_has")
    )
    runs = runs.join(with_spend.select("runs_file", "model"), on=["runs_file", "model"])
    frames = []
    for basis in BASES:
        priced = run_spend(runs, tables[PRICES], blend, basis, today or dt.date.today())
        for group in priced.partition_by("runs_file", "model", maintain_order=True):
            curve = _one_curve(group, min_horizon_minutes)
            if curve is not None:
                frames.append(
                    curve.with_columns(
                        pricing_basis=pl.lit(basis),
                        token_blend=pl.lit(blend.label),
                        min_horizon_minutes=pl.lit(min_horizon_minutes),
                    )
                )
    return _shape(frames, CURVE_COLUMNS)


# -- cost per horizon-hour ---------------------------------------------------------------------------------


HOURLY_COLUMNS: Columns = {
    "model": (pl.String, "METR's model key"),
    "model_id": (pl.String, "canonical model"),
    "benchmark_version": (pl.String, "METR time-horizon benchmark version"),
    "runs_file": (
        pl.String,
        "runs file used (per-run spend: the curve's; usage: the one whose task-hours divide the usage)",
    ),
    "release_date": (pl.Date, "METR's release date for the model key, else core.dim_model.release_date"),
    "pricing_basis": (
        pl.String,
        "'evaluation_date' (price on the run's date; METR usage as METR paid it) "
        "or 'today' (price in effect on the build date)",
    ),
    "method": (
        pl.String,
        "'per_run_spend': truncation curve from per-run spend; 'metr_usage_average': "
        "METR's published total usage USD over the task-hours attempted (no per-run spend, no curve)",
    ),
    "token_blend": (pl.String, "token blend used to price tokens (NULL for metr_usage_average)"),
    "p50": (pl.Float64, "50% time horizon, human minutes (uncapped fit; METR's published p50 for usage)"),
    "p80": (pl.Float64, "80% time horizon, human minutes"),
    "attempt_cost_at_p50_usd": (
        pl.Float64,
        "cost of one attempt at a task of length p50, USD: "
        "kernel-weighted mean run spend at that length (per_run_spend), or usage "
        "rate × p50 hours (metr_usage_average)",
    ),
    "cost_per_horizon_hour": (
        pl.Float64,
        "attempt_cost_at_p50_usd / (p50 / 60): USD per human-hour of work at the model's 50% horizon",
    ),
    "success_probability": (pl.Float64, "success probability at p50 (0.5 by definition)"),
    "expected_cost_per_success_usd": (pl.Float64, "attempt_cost_at_p50_usd / success_probability, USD"),
    "human_wage_usd_per_hour": (pl.Float64, "human reference wage, USD per hour (METR's figure)"),
    "ratio_to_human_wage": (pl.Float64, "cost_per_horizon_hour / human_wage_usd_per_hour"),
    "sweet_spot_cap_usd": (pl.Float64, "spending cap at the sweet spot, USD per attempt"),
    "sweet_spot_p50": (pl.Float64, "p50 at the sweet spot, human minutes"),
    "sweet_spot_cost_per_horizon_hour": (
        pl.Float64,
        "minimum over the curve of cap / (p50 / 60), USD per "
        "human-hour (a budget: ≥ the mean spend it allows)",
    ),
    "sweet_spot_attempt_cost_per_horizon_hour": (
        pl.Float64,
        "mean attempt spend at the sweet spot per "
        "human-hour of its p50, USD (the basis of "
        "cost_per_horizon_hour)",
    ),
    "sweet_spot_elasticity": (pl.Float64, "d ln p50 / d ln cap at the sweet spot (1 on a smooth curve)"),
    "saturation_cap_usd": (pl.Float64, "spending cap at the saturation point, USD per attempt"),
    "saturation_p50": (pl.Float64, "p50 at the saturation point, human minutes"),
    "saturation_cost_per_horizon_hour": (
        pl.Float64,
        "cap / (p50 / 60) at the saturation point, USD per human-hour",
    ),
    "saturation_elasticity": (pl.Float64, "elasticity at the saturation point"),
    "min_horizon_minutes": (pl.Float64, "smallest p50 searched for the sweet spot"),
    "usage_usd": (pl.Float64, "METR's published total usage, USD (metr_usage_average only)"),
    "task_hours_attempted": (
        pl.Float64,
        "sum of human_minutes / 60 over the model's runs in runs_file "
        "(metr_usage_average; a file where the model matches two run models is "
        "not used)",
    ),
    "too_few_points": (pl.Boolean, "the curve has too few valid points (per_run_spend)"),
    "curve_non_monotone": (pl.Boolean, "the curve has non-monotone segments (per_run_spend)"),
}


def _hourly_from_curves(curves: pl.DataFrame) -> pl.DataFrame:
    keys = ["model", "runs_file", "pricing_basis"]

    def landmark(flag: str, prefix: str) -> pl.DataFrame:
        return curves.filter(flag).select(
            *keys,
            pl.col("cap_usd").alias(f"{prefix}_cap_usd"),
            pl.col("p50").alias(f"{prefix}_p50"),
            pl.col("cost_per_horizon_hour_usd").alias(f"{prefix}_cost_per_horizon_hour"),
            pl.col("attempt_cost_per_horizon_hour_usd").alias(f"{prefix}_attempt_cost_per_horizon_hour"),
            pl.col("elasticity").alias(f"{prefix}_elasticity"),
        )

    uncapped = curves.filter("is_uncapped").select(
        *keys,
        "model_id",
        "benchmark_version",
        "token_blend",
        "p50",
        "p80",
        "min_horizon_minutes",
        "too_few_points",
        "curve_non_monotone",
        pl.col("attempt_cost_usd").alias("attempt_cost_at_p50_usd"),
    )
    return (
        uncapped.join(landmark("is_sweet_spot", "sweet_spot"), on=keys, how="left")
        .join(landmark("is_saturation", "saturation"), on=keys, how="left")
        .with_columns(method=pl.lit("per_run_spend"))
    )


def _hourly_from_usage(tables: Mapping[str, pl.DataFrame], modelled: pl.DataFrame) -> pl.DataFrame:
    """METR's total usage over the task-hours the model attempted, for models without per-run spend.

    The runs are those of the same model (by model_id, else by METR's model key), from a runs file of the
    same benchmark version where there is one. When a headline model matches several run models in a
    file (two versions sharing one model_id), the estimate would mix them: that file is not used.
    """
    aliases = tables[ALIASES].filter(pl.col("source") == "metr").unique("alias", keep="first")
    headline = (
        tables[HORIZONS]
        .drop_nulls(["usage_usd", "p50"])
        .sort("snapshot_date")
        .unique(["model", "benchmark_version"], keep="last")
        .join(aliases.select(pl.col("alias").alias("model"), "model_id"), on="model", how="left")
        .join(modelled, on="model", how="anti")
        .join(modelled.drop_nulls("model_id").select("model_id"), on="model_id", how="anti")
    )
    hours = (
        _metr_runs(tables)
        .group_by("runs_file", "benchmark_version", "model", "alias", "model_id")
        .agg((pl.col("human_minutes").sum() / 60).alias("task_hours_attempted"))
        .rename({"benchmark_version": "_runs_version", "model": "_runs_model", "alias": "_runs_alias"})
    )
    by_id = headline.drop_nulls("model_id").join(hours, on="model_id")
    by_key = headline.join(hours.drop("model_id"), left_on="model", right_on="_runs_model")
    per_file = ["model", "benchmark_version", "runs_file"]
    matched = (
        pl.concat([by_id, by_key], how="diagonal_relaxed")
        .unique([*per_file, "_runs_alias"])
        .filter(pl.len().over(per_file) == 1)
        .sort(pl.col("_runs_version") != pl.col("benchmark_version"), "runs_file")
        .unique(["model", "benchmark_version"], keep="first", maintain_order=True)
    )
    rate = pl.col("usage_usd") / pl.col("task_hours_attempted")
    return matched.select(
        "model",
        "model_id",
        "benchmark_version",
        "runs_file",
        "p50",
        "p80",
        "usage_usd",
        "task_hours_attempted",
        pl.col("release_date").alias("_metr_release_date"),
        (rate * pl.col("p50") / 60).alias("attempt_cost_at_p50_usd"),
        pricing_basis=pl.lit("evaluation_date"),
        method=pl.lit("metr_usage_average"),
    )


def build_cost_per_horizon_hour(
    tables: Mapping[str, pl.DataFrame],
    min_horizon_minutes: float = MIN_HORIZON_MINUTES,
    human_wage_usd_per_hour: float = HUMAN_WAGE_USD_PER_HOUR,
) -> pl.DataFrame:
    curves = _hourly_from_curves(tables[CURVES])
    usage = _hourly_from_usage(tables, curves.select("model", "model_id").unique())
    metr_dates = (
        tables[HORIZONS]
        .drop_nulls("release_date")
        .sort("snapshot_date")
        .unique("model", keep="last")
        .select("model", pl.col("release_date").alias("_by_name"))
    )
    with_metr_date = {**HOURLY_COLUMNS, "_metr_release_date": (pl.Date, "")}
    frame = _shape([curves, usage], with_metr_date).drop("release_date")
    dates = tables[DIM_MODEL].select("model_id", "release_date").unique("model_id")
    attempt = pl.col("attempt_cost_at_p50_usd")
    derived = (
        frame.join(dates, on="model_id", how="left")
        .join(metr_dates, on="model", how="left")
        .with_columns(
            # METR dates its own model keys; a canonical model may span versions (3.5 Sonnet old/new)
            pl.coalesce("_metr_release_date", "_by_name", "release_date").alias("release_date"),
            (attempt / (pl.col("p50") / 60)).alias("cost_per_horizon_hour"),
            pl.lit(SUCCESS_PROBABILITY_AT_P50).alias("success_probability"),
            (attempt / SUCCESS_PROBABILITY_AT_P50).alias("expected_cost_per_success_usd"),
            pl.lit(human_wage_usd_per_hour).alias("human_wage_usd_per_hour"),
            pl.coalesce("min_horizon_minutes", pl.lit(min_horizon_minutes)).alias("min_horizon_minutes"),
        )
        .with_columns(ratio_to_human_wage=pl.col("cost_per_horizon_hour") / human_wage_usd_per_hour)
    )
    return _shape([derived], HOURLY_COLUMNS)


# -- hourly cost trend -------------------------------------------------------------------------------------


def _trend_columns(prefix: str, what: str) -> Columns:
    return {
        f"{prefix}slope_per_year": (pl.Float64, f"OLS slope of ln({what}) on release date, per year"),
        f"{prefix}slope_ci_low": (
            pl.Float64,
            "2.5th percentile of the slope over 1000 pairs-bootstrap resamples of the models",
        ),
        f"{prefix}slope_ci_high": (pl.Float64, "97.5th percentile of the bootstrap slopes"),
        f"{prefix}doubling_time_days": (
            pl.Float64,
            f"ln 2 / slope, days: the time for {what} to double (negative = halving time)",
        ),
        f"{prefix}doubling_time_ci_low_days": (
            pl.Float64,
            "lower end of the slope CI mapped to a doubling "
            "time; NULL when the slope CI contains 0 (unbounded)",
        ),
        f"{prefix}doubling_time_ci_high_days": (pl.Float64, "upper end of the same"),
    }


TREND_COLUMNS: Columns = {
    "benchmark_version": (pl.String, "METR benchmark version (versions are never mixed)"),
    "pricing_basis": (pl.String, "pricing basis of the hourly costs"),
    "method": (pl.String, "how the hourly costs were obtained (methods are never mixed)"),
    "measure": (pl.String, "'cost_per_horizon_hour' (at p50) or 'sweet_spot_cost_per_horizon_hour'"),
    "n_models": (pl.Int64, "models in the fit"),
    "models": (pl.String, "the models in the fit, by release date"),
    "release_from": (pl.Date, "earliest release date in the fit"),
    "release_to": (pl.Date, "latest release date in the fit"),
    **_trend_columns("", "hourly cost"),
    **_trend_columns("horizon_", "p50 horizon over the same models"),
}


def build_cost_per_horizon_hour_trend(tables: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    hourly = tables[HOURLY]
    rows = []
    for measure in ("cost_per_horizon_hour", "sweet_spot_cost_per_horizon_hour"):
        usable = hourly.filter((pl.col(measure) > 0) & (pl.col("p50") > 0)).drop_nulls("release_date")
        for group in usable.sort("release_date", "model").partition_by(
            "benchmark_version", "pricing_basis", "method", maintain_order=True
        ):
            years = years_since_epoch(group["release_date"])
            row = {
                **{k: group[k][0] for k in ("benchmark_version", "pricing_basis", "method")},
                "measure": measure,
                "n_models": group.height,
                "models": ", ".join(group["model"]),
                "release_from": group["release_date"].min(),
                "release_to": group["release_date"].max(),
            }
            for prefix, values in (("", group[measure]), ("horizon_", group["p50"])):
                trend = log_linear_trend(years, values.to_numpy())
                if trend is not None:
                    low, high = trend.doubling_time_ci_days()
                    row |= {
                        f"{prefix}slope_per_year": trend.slope_per_year,
                        f"{prefix}slope_ci_low": trend.ci_low,
                        f"{prefix}slope_ci_high": trend.ci_high,
                        f"{prefix}doubling_time_days": trend.doubling_time_days,
                        f"{prefix}doubling_time_ci_low_days": low,
                        f"{prefix}doubling_time_ci_high_days": high,
                    }
            rows.append(pl.DataFrame([row]))
    return _shape(rows, TREND_COLUMNS).with_columns(cs.float().fill_nan(None))


# -- curves for crossings and the envelope -----------------------------------------------------------------


def _entry_label(model: pl.Expr, with_effort: bool) -> pl.Expr:
    """'model (scaffold) [effort]', leaving out what is NULL."""
    parts = [model, pl.format(" ({})", "scaffold").fill_null("")]
    if with_effort:
        parts.append(pl.format(" [{}]", "effort").fill_null(""))
    return pl.concat_str(parts)


def _leaderboard_entries(results: pl.DataFrame) -> pl.DataFrame:
    """Scored and costed leaderboard entries, one per benchmark × source × score unit × entry (model name,
    scaffold, effort), with the values of the newest snapshot that lists it and known_from = the earliest
    evaluated_on (else snapshot_date) it was listed with. The cost measure is per benchmark:
    cost_per_task_usd where the benchmark gives it, else total_cost_usd. Duplicate listings of one entry in
    a snapshot keep the best score; a row naming no model (no model_name, no model_id) is left out."""
    group = ["benchmark", "source", "score_unit"]
    measure = results.group_by("benchmark").agg(
        pl.when(pl.col("cost_per_task_usd").is_not_null().any())
        .then(pl.lit("cost_per_task_usd"))
        .otherwise(pl.lit("total_cost_usd"))
        .alias("cost_measure")
    )
    costed = (
        results.join(measure, on="benchmark")
        .with_columns(
            pl.when(pl.col("cost_measure") == "cost_per_task_usd")
            .then(pl.col("cost_per_task_usd"))
            .otherwise(pl.col("total_cost_usd"))
            .alias("cost_usd"),
            _entry_label(pl.coalesce("model_name", "model_id"), with_effort=True).alias("entry"),
            _entry_label(pl.coalesce("model_id", "model_name"), with_effort=False).alias("curve"),
            pl.coalesce("evaluated_on", "snapshot_date").alias("_known"),
        )
        .filter((pl.col("cost_usd") > 0) & pl.col("score").is_not_null() & pl.col("entry").is_not_null())
    )
    keys = [*group, "entry"]
    return (
        costed.sort("snapshot_date", "score", descending=[True, True])
        .group_by(keys, maintain_order=True)
        .agg(
            pl.all().exclude("_known").first(),
            pl.col("_known").min().alias("known_from"),
            pl.when(pl.col("evaluated_on").is_not_null().all())
            .then(pl.lit("evaluated_on"))
            .otherwise(pl.lit("evaluated_on, else snapshot_date"))
            .alias("known_from_basis"),
        )
    )


def _curve_sets(tables: Mapping[str, pl.DataFrame]) -> Iterator[tuple[dict, dict[str, Curve], bool]]:
    """(context columns, curves by model, log performance?) for every family of comparable curves: METR
    p50-vs-cap curves per runs file and pricing basis (valid points with p50 ≥ their min horizon), and
    each leaderboard's current effort curves (its newest snapshot)."""
    points = tables[CURVES].filter(
        ~pl.col("degenerate_fit") & (pl.col("p50") >= pl.col("min_horizon_minutes"))
    )
    for group in points.partition_by("benchmark_version", "runs_file", "pricing_basis", maintain_order=True):
        context = {
            "benchmark": f"metr_time_horizon_{group['benchmark_version'][0]}",
            "source": f"metr {group['runs_file'][0]}",
            "pricing_basis": group["pricing_basis"][0],
            "cost_measure": "cap_usd (spending cap per attempt)",
            "performance_measure": "p50 horizon, human minutes",
            "token_blend": group["token_blend"][0],
            "min_horizon_minutes": group["min_horizon_minutes"][0],
        }
        curves = {
            m["model"][0]: (m["cap_usd"].to_numpy(), m["p50"].to_numpy()) for m in group.partition_by("model")
        }
        yield context, curves, True
    entries = _leaderboard_entries(tables[RESULTS])
    newest = entries.filter(
        pl.col("snapshot_date") == pl.col("snapshot_date").max().over("benchmark", "source")
    )
    for group in newest.partition_by("benchmark", "source", "score_unit", maintain_order=True):
        context = {
            "benchmark": group["benchmark"][0],
            "source": group["source"][0],
            "pricing_basis": "as reported",
            "cost_measure": group["cost_measure"][0],
            "performance_measure": f"score, {group['score_unit'][0]}",
        }
        curves = {
            c["curve"][0]: (c["cost_usd"].to_numpy(), c["score"].to_numpy())
            for c in group.partition_by("curve")
        }
        yield context, curves, False


CONTEXT_COLUMNS: Columns = {
    "benchmark": (pl.String, "benchmark; METR curves are metr_time_horizon_<version>"),
    "source": (pl.String, "where the points come from (METR runs file, or the leaderboard source)"),
    "pricing_basis": (
        pl.String,
        "METR: 'evaluation_date' or 'today' pricing of run spend; leaderboards: 'as reported'",
    ),
    "cost_measure": (
        pl.String,
        "x axis: METR spending cap per attempt; leaderboards: cost_per_task_usd "
        "where the benchmark gives it, else total_cost_usd",
    ),
    "performance_measure": (
        pl.String,
        "y axis: p50 horizon (interpolated log-log) or the score (interpolated linear in score, log in cost)",
    ),
    "token_blend": (pl.String, "token blend behind METR spend (NULL for leaderboard costs as reported)"),
    "min_horizon_minutes": (
        pl.Float64,
        "METR: curve points with a shorter p50 are left out (NULL for leaderboards)",
    ),
}

CROSSING_COLUMNS: Columns = {
    **CONTEXT_COLUMNS,
    "model_a": (
        pl.String,
        "one curve (leaderboards: model id, with the scaffold in brackets); model_a < model_b",
    ),
    "model_b": (pl.String, "the other curve"),
    "crossing_cost_usd": (pl.Float64, "budget C* where both curves perform equally, USD (in cost_measure)"),
    "performance_at_crossing": (pl.Float64, "the common performance at C* (in performance_measure)"),
    "leader_below": (pl.String, "the curve ahead just below C*"),
    "leader_above": (pl.String, "the curve ahead just above C*"),
}

ENVELOPE_COLUMNS: Columns = {
    **CONTEXT_COLUMNS,
    "rank": (pl.Int64, "order of the range, from the lowest performance level up"),
    "model": (pl.String, "the curve that reaches every level in the range at the lowest cost"),
    "performance_from": (pl.Float64, "start of the level range (in performance_measure)"),
    "performance_to": (pl.Float64, "end of the level range"),
    "cost_from_usd": (
        pl.Float64,
        "its cost to reach performance_from (levels below its cheapest point cost that point's cost)",
    ),
    "cost_to_usd": (pl.Float64, "its cost to reach performance_to"),
}


def _per_curve_set(
    tables: Mapping[str, pl.DataFrame],
    derive: Callable[[dict[str, Curve], bool], pl.DataFrame],
    columns: Columns,
) -> pl.DataFrame:
    frames = [
        derive(curves, log_performance).with_columns(**{k: pl.lit(v) for k, v in context.items()})
        for context, curves, log_performance in _curve_sets(tables)
    ]
    return _shape([f for f in frames if not f.is_empty()], columns)


def build_frontier_crossings(tables: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    return _per_curve_set(tables, curve_crossings, CROSSING_COLUMNS)


def build_cost_envelope(tables: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    def ranked(curves: dict[str, Curve], log_performance: bool) -> pl.DataFrame:
        envelope = cheapest_envelope(curves, log_performance)
        return envelope.with_columns(pl.int_range(envelope.height, dtype=pl.Int64).alias("rank"))

    return _per_curve_set(tables, ranked, ENVELOPE_COLUMNS)


# -- Pareto frontier history ------------------------------------------------------------------------------


PARETO_COLUMNS: Columns = {
    "benchmark": (pl.String, "benchmark"),
    "source": (pl.String, "leaderboard source (sources are not mixed: the same run may be listed by two)"),
    "score_unit": (pl.String, "unit of score"),
    "cost_measure": (pl.String, "cost_per_task_usd where the benchmark gives it, else total_cost_usd"),
    "entry": (pl.String, "model name, (scaffold), [effort]: one leaderboard setting"),
    "model_id": (pl.String, "canonical model (NULL if unmatched)"),
    "model_name": (pl.String, "model name as listed"),
    "effort": (pl.String, "reasoning effort setting"),
    "scaffold": (pl.String, "scaffold / agent"),
    "cost_usd": (pl.Float64, "cost in cost_measure (newest snapshot listing the entry)"),
    "score": (pl.Float64, "score (newest snapshot listing the entry); higher is better"),
    "known_from_basis": (pl.String, "what dates an entry: evaluated_on, else the first snapshot listing it"),
    "entered_on": (pl.Date, "date the entry joined the frontier (its known-from date)"),
    "displaced_on": (pl.Date, "date an entry known from then dominated it (NULL: still on the frontier)"),
    "displaced_by": (pl.String, "the entry that displaced it (of several: best score, then cheapest)"),
}


def build_pareto_frontier_history(tables: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    entries = _leaderboard_entries(tables[RESULTS])
    frames = []
    for group in entries.partition_by("benchmark", "source", "score_unit", maintain_order=True):
        history = frontier_history(group.select("entry", "score", "known_from", cost=pl.col("cost_usd")))
        frames.append(history.drop("cost", "score").join(group, on="entry", how="left"))
    return _shape(frames, PARETO_COLUMNS).sort("benchmark", "source", "entered_on", "entry")


# -- prices --------------------------------------------------------------------------------------------------


BLENDED_COLUMNS: Columns = {
    "model_id": (pl.String, "canonical model"),
    "valid_from": (pl.Date, "first day of the interval (inclusive; NULL = since the model appeared)"),
    "valid_to": (pl.Date, "end of the interval (exclusive; NULL = still current)"),
    "input_usd_per_mtok": (pl.Float64, "input price, USD per million tokens"),
    "output_usd_per_mtok": (pl.Float64, "output price, USD per million tokens"),
    "cached_input_usd_per_mtok": (pl.Float64, "cached-input price, USD per million tokens"),
    "blended_usd_per_mtok": (
        pl.Float64,
        "token_blend-weighted price, USD per million tokens (NULL when a price the blend needs is missing)",
    ),
    "token_blend": (pl.String, "the blend"),
    "price_sources": (pl.String, "sources of the prices used (core.fct_prices.source), joined by '+'"),
}


def build_blended_prices(tables: Mapping[str, pl.DataFrame], blend: TokenBlend = BLEND) -> pl.DataFrame:
    return _shape([blended_price_history(tables[PRICES], blend)], BLENDED_COLUMNS)


THRESHOLDS = {"percent": tuple(range(10, 100, 10)), "fraction": tuple(i / 10 for i in range(1, 10))}

PRICE_TREND_COLUMNS: Columns = {
    "benchmark": (pl.String, "benchmark"),
    "source": (pl.String, "leaderboard source"),
    "score_unit": (pl.String, "unit of score and threshold"),
    "threshold": (
        pl.Float64,
        "score to reach (percent: 10…90; fraction: 0.1…0.9; other units: deciles of the scores seen)",
    ),
    "cost_measure": (
        pl.String,
        "'blended_usd_per_mtok': the model's blended price in effect on the date "
        "(moves with price cuts); 'cost_per_task_usd' / 'total_cost_usd': as the benchmark "
        "reported it at evaluation",
    ),
    "token_blend": (pl.String, "blend behind blended_usd_per_mtok (NULL for reported costs)"),
    "date": (pl.Date, "a date on which an entry became known or a price changed"),
    "entry": (pl.String, "the cheapest entry reaching the threshold on that date"),
    "model_id": (pl.String, "its canonical model"),
    "score": (pl.Float64, "its score"),
    "cost": (pl.Float64, "its cost in cost_measure on that date"),
    "fit_points": (pl.Int64, "dates on which this threshold's cheapest cost changed: the points of the fit"),
    "decline_per_year": (
        pl.Float64,
        "1 − exp(slope): fraction by which the cheapest cost falls per year, "
        "from OLS of ln cost on years over the fit_points (fit needs ≥ 3)",
    ),
    "factor_per_year": (pl.Float64, "exp(slope): multiplier of the cheapest cost per year"),
    "factor_per_year_ci_low": (pl.Float64, "exp(2.5th percentile of 1000 pairs-bootstrap slopes)"),
    "factor_per_year_ci_high": (pl.Float64, "exp(97.5th percentile of the bootstrap slopes)"),
}


def _thresholds(unit: str, scores: pl.Series) -> tuple[float, ...]:
    if unit in THRESHOLDS:
        return tuple(float(t) for t in THRESHOLDS[unit])
    return tuple(float(f"{q:.3g}") for q in np.quantile(scores.to_numpy(), np.arange(1, 10) / 10))


def _candidates(entries: pl.DataFrame, prices: pl.DataFrame, blend: TokenBlend) -> dict[str, pl.DataFrame]:
    """Per cost measure, one row per event date × entry known by then, with its cost that day."""
    reported = entries.select("entry", "model_id", "score", "known_from", cost=pl.col("cost_usd"))
    report_dates = reported.select(date=pl.col("known_from")).unique()
    known = pl.col("known_from") <= pl.col("date")
    out = {entries["cost_measure"][0]: report_dates.join(reported, how="cross").filter(known)}
    priced = entries.drop_nulls("model_id").select("entry", "model_id", "score", "known_from")
    changes = prices.join(priced.select("model_id").unique(), on="model_id")
    dates = pl.concat(
        [report_dates, *(changes.select(date=pl.col(c)).drop_nulls() for c in ("valid_from", "valid_to"))]
    ).unique()
    on_dates = dates.join(priced, how="cross").filter(known)
    out["blended_usd_per_mtok"] = prices_as_of(prices, on_dates, "date").with_columns(
        cost=blend.usd_per_mtok()
    )
    return out


def build_price_trends(tables: Mapping[str, pl.DataFrame], blend: TokenBlend = BLEND) -> pl.DataFrame:
    entries = _leaderboard_entries(tables[RESULTS])
    frames = []
    for group in entries.partition_by("benchmark", "source", "score_unit", maintain_order=True):
        thresholds = _thresholds(group["score_unit"][0], group["score"])
        for measure, candidates in _candidates(group, tables[PRICES], blend).items():
            cheapest = cheapest_by_threshold(candidates.filter(pl.col("cost") > 0), thresholds)
            for series in cheapest.partition_by("threshold", maintain_order=True):
                # the corners of the step series: each date on which the cheapest cost changed
                corners = series.sort("date").filter(pl.col("cost").ne_missing(pl.col("cost").shift(1)))
                trend = log_linear_trend(years_since_epoch(corners["date"]), corners["cost"].to_numpy())
                fit = {"fit_points": corners.height}
                if trend is not None:
                    fit |= {
                        "decline_per_year": 1 - trend.factor_per_year,
                        "factor_per_year": trend.factor_per_year,
                        "factor_per_year_ci_low": float(np.exp(trend.ci_low)),
                        "factor_per_year_ci_high": float(np.exp(trend.ci_high)),
                    }
                blend_label = blend.label if measure == "blended_usd_per_mtok" else None
                frames.append(
                    series.with_columns(
                        **{k: pl.lit(group[k][0]) for k in ("benchmark", "source", "score_unit")},
                        cost_measure=pl.lit(measure),
                        token_blend=pl.lit(blend_label, pl.String),
                        **{k: pl.lit(v) for k, v in fit.items()},
                    )
                )
    return _shape(frames, PRICE_TREND_COLUMNS)


# -- the marts -----------------------------------------------------------------------------------------------


def _mart(
    table: str,
    description: str,
    grain: str,
    reads: tuple[str, ...],
    build: Callable[[Mapping[str, pl.DataFrame]], pl.DataFrame],
    columns: Columns,
) -> PythonMart:
    return PythonMart(table, description, grain, reads, build, column_descriptions(columns))


MARTS = (
    _mart(
        CURVES,
        "METR cost–horizon curves by truncation: for each spending cap per attempt, runs that spent more "
        "count as failures and METR's logistic fit is redone (p50, p80 in human minutes). Run spend = "
        "tokens_count × blended price (or METR's generation_cost where recorded), priced twice: on the "
        "run's date and today.",
        "one row per model × runs file × pricing basis × spending cap",
        (RUNS, ALIASES, PRICES),
        build_cost_horizon_curves,
        CURVE_COLUMNS,
    ),
    _mart(
        HOURLY,
        "What an hour of human-length work costs each model: attempt cost at the 50% horizon per human-hour, "
        "per success, against the human wage, with the sweet spot (minimum budget per horizon-hour) and the "
        "saturation point (elasticity down to a tenth) of its cost curve. Models without per-run spend use "
        "METR's published usage, flagged in `method`.",
        "one row per model × benchmark version × pricing basis × method",
        (CURVES, HORIZONS, RUNS, ALIASES, DIM_MODEL),
        build_cost_per_horizon_hour,
        HOURLY_COLUMNS,
    ),
    _mart(
        "marts.cost_per_horizon_hour_trend",
        "Hourly cost (at p50 and at the sweet spot) against release date: OLS doubling/halving time with a "
        "bootstrap CI, beside the p50 horizon's doubling time over the same models.",
        "one row per benchmark version × pricing basis × method × measure",
        (HOURLY,),
        build_cost_per_horizon_hour_trend,
        TREND_COLUMNS,
    ),
    _mart(
        "marts.frontier_crossings",
        "Budgets at which one model's performance-vs-cost curve crosses another's (METR p50 vs spending cap; "
        "leaderboard score vs cost over a model's effort settings), with who leads below and above.",
        "one row per curve family × pair of curves × crossing",
        (CURVES, RESULTS),
        build_frontier_crossings,
        CROSSING_COLUMNS,
    ),
    _mart(
        "marts.cost_envelope",
        "The cheapest-model envelope: for each range of performance levels, the model that reaches them at "
        "the lowest cost.",
        "one row per curve family × level range",
        (CURVES, RESULTS),
        build_cost_envelope,
        ENVELOPE_COLUMNS,
    ),
    _mart(
        "marts.pareto_frontier_history",
        "Score-vs-cost Pareto frontier of each leaderboard over time: when each setting entered the frontier "
        "and which entry displaced it.",
        "one row per benchmark × source × entry that was ever on the frontier",
        (RESULTS,),
        build_pareto_frontier_history,
        PARETO_COLUMNS,
    ),
    _mart(
        "marts.blended_prices",
        "Blended price per million tokens of each model over time, from the effective-dated prices.",
        "one row per model × price interval",
        (PRICES,),
        build_blended_prices,
        BLENDED_COLUMNS,
    ),
    _mart(
        "marts.price_trends",
        "For each score threshold on each leaderboard, the cheapest entry reaching it on each date (by "
        "blended price in effect then, and by the benchmark's reported cost), with the fitted yearly rate "
        "of decline.",
        "one row per benchmark × source × threshold × cost measure × date",
        (RESULTS, PRICES),
        build_price_trends,
        PRICE_TREND_COLUMNS,
    ),
)
