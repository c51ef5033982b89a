"""Suites for the recomputed time-horizon marts: what must hold for a horizon, a trend or a hazard fit
to be believed."""

from __future__ import annotations

import itertools

from checks.gx import (
    Expect,
    Suite,
    at_most,
    between,
    in_set,
    non_empty,
    non_negative,
    not_null,
    positive,
    unique,
    where,
)

HAZARD_MODELS = ["logistic", "constant", "weibull"]
ATTEMPT_MINUTES = (1, 4, 16, 64, 256, 960)


def ci_order(estimate: str, low: str | None = None, high: str | None = None) -> tuple[Expect, Expect]:
    """ci_low ≤ estimate ≤ ci_high wherever all are present."""
    return at_most(low or f"{estimate}_ci_low", estimate), at_most(estimate, high or f"{estimate}_ci_high")


def time_horizons() -> Suite:
    return Suite(
        "time_horizons",
        "marts.time_horizons",
        ("metr_key", "benchmark_version", "runs_file"),
        (
            non_empty(),
            unique("metr_key", "benchmark_version", "runs_file"),
            not_null("metr_key"),
            not_null("release_date"),
            positive("p50"),
            positive("p80"),
            *ci_order("p50"),
            *ci_order("p80"),
            at_most("p80", "p50"),
            where(not_null("p50"), "is_degenerate == False"),
            where(between("beta1", high=0), "is_degenerate == False"),
            positive("n_bootstrap"),
            at_most("n_bootstrap_degenerate", "n_bootstrap"),
        ),
    )


def time_horizon_samples() -> Suite:
    return Suite(
        "time_horizon_samples",
        "marts.time_horizon_samples",
        ("metr_key", "runs_file", "sample"),
        (
            non_empty(),
            unique("metr_key", "benchmark_version", "runs_file", "sample"),
            # a far-extrapolated sample (e.g. gpt-3.5 on the all_runs tasks, 2^-1000 minutes) underflows to 0
            non_negative("p50"),
            non_negative("p80"),
            at_most("p80", "p50"),
            where(not_null("p50"), "is_degenerate == False"),
        ),
    )


def horizon_reproduction() -> Suite:
    like_for_like = "is_like_for_like == True"
    return Suite(
        "horizon_reproduction",
        "marts.horizon_reproduction",
        ("metr_key", "benchmark_version", "runs_file"),
        (
            non_empty(),
            unique("metr_key", "benchmark_version", "runs_file"),
            not_null("comparison_basis"),
            not_null("is_like_for_like"),
            # on the same runs our fit is METR's fit: a drift means the method or the data changed
            where(between("p50_rel_diff", -0.01, 0.01), like_for_like),
            where(between("p80_rel_diff", -0.01, 0.01), like_for_like),
            where(in_set("p50_ours_in_published_ci", [True]), like_for_like),
            where(in_set("p50_published_in_our_ci", [True]), like_for_like),
        ),
    )


def horizon_doubling_time() -> Suite:
    return Suite(
        "horizon_doubling_time",
        "marts.horizon_doubling_time",
        ("basis", "source", "fit_window", "end_date", "metric"),
        (
            non_empty(),
            unique("basis", "source", "snapshot_date", "fit_window", "end_date", "metric"),
            in_set("basis", ["recomputed", "published"]),
            in_set("metric", ["p50", "p80"]),
            at_most("start_date", "end_date"),
            *ci_order("doubling_days", "ci_low", "ci_high"),
            *ci_order("slope_per_day", "slope_ci_low", "slope_ci_high"),
            # the p50 frontier rises by construction: with 3+ models its trend must give a doubling time
            where(not_null("doubling_days"), "n_models >= 3 and metric == 'p50'"),
            where(between("doubling_days", 0, 100_000, strict_low=True), "n_models >= 3 and metric == 'p50'"),
        ),
    )


def hazard_fits() -> Suite:
    attempts = [f"attempts_at_{m}min" for m in ATTEMPT_MINUTES]
    return Suite(
        "hazard_fits",
        "marts.hazard_fits",
        ("metr_key", "runs_file", "hazard_model"),
        (
            non_empty(),
            unique("metr_key", "benchmark_version", "runs_file", "hazard_model"),
            in_set("hazard_model", HAZARD_MODELS),
            in_set("bic_rank", [1, 2, 3]),
            positive("shape"),
            positive("t50"),
            positive("t99"),
            at_most("t99", "t90"),
            at_most("t90", "t80"),
            at_most("t80", "t50"),
            *(expect for name in ("shape", "t50", "t80", "t90", "t99") for expect in ci_order(name)),
            *(between(column, 1) for column in attempts),
            *(at_most(shorter, longer) for shorter, longer in itertools.pairwise(attempts)),
            where(between("shape", 1, 1), "hazard_model == 'constant'"),
        ),
    )


SUITES = {
    "marts.time_horizons": time_horizons,
    "marts.time_horizon_samples": time_horizon_samples,
    "marts.horizon_reproduction": horizon_reproduction,
    "marts.horizon_doubling_time": horizon_doubling_time,
    "marts.hazard_fits": hazard_fits,
}
