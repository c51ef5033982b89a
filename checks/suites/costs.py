"""Suites for the cost marts: no negative costs, ordered intervals and CIs, elasticities that agree with
the monotonicity flags, and landmarks where their definitions put them."""

from __future__ import annotations

from dataclasses import replace

from checks.gx import (
    Expect,
    Suite,
    at_most,
    between,
    in_set,
    non_empty,
    non_negative,
    not_in_future,
    not_null,
    positive,
    unique,
)

BASES = ["evaluation_date", "today"]


def where(expect: Expect, condition: str) -> Expect:
    """The expectation on the rows matching a pandas query, e.g. "non_monotone == False"."""
    return replace(
        expect,
        why=f"{expect.why} where {condition}",
        kwargs={**expect.kwargs, "row_condition": condition, "condition_parser": "pandas"},
    )


def cost_horizon_curves() -> Suite:
    return Suite(
        "cost_horizon_curves",
        "marts.cost_horizon_curves",
        ("model", "runs_file", "pricing_basis", "point"),
        (
            non_empty(),
            unique("model", "runs_file", "pricing_basis", "point"),
            in_set("pricing_basis", BASES),
            not_null("token_blend"),
            positive("cap_usd"),
            between("share_runs_over_cap", 0, 1),
            not_null("degenerate_fit"),
            where(not_null("p50"), "degenerate_fit == False"),
            positive("p50"),
            at_most("p80", "p50"),
            non_negative("cost_per_horizon_hour_usd"),
            non_negative("attempt_cost_usd"),
            at_most("attempt_cost_usd", "cap_usd"),
            where(at_most("p50_previous", "p50"), "non_monotone == False"),
            where(non_negative("elasticity"), "curve_non_monotone == False"),
        ),
    )


def cost_per_horizon_hour() -> Suite:
    return Suite(
        "cost_per_horizon_hour",
        "marts.cost_per_horizon_hour",
        ("model", "benchmark_version", "pricing_basis", "method"),
        (
            non_empty(),
            unique("model", "benchmark_version", "pricing_basis", "method"),
            in_set("method", ["per_run_spend", "metr_usage_average"]),
            in_set("pricing_basis", BASES),
            positive("p50"),
            non_negative("attempt_cost_at_p50_usd"),
            non_negative("cost_per_horizon_hour"),
            at_most("attempt_cost_at_p50_usd", "expected_cost_per_success_usd"),
            positive("human_wage_usd_per_hour"),
            non_negative("ratio_to_human_wage"),
            at_most("min_horizon_minutes", "sweet_spot_p50"),
            at_most("sweet_spot_cap_usd", "saturation_cap_usd"),
            at_most("sweet_spot_cost_per_horizon_hour", "saturation_cost_per_horizon_hour"),
            at_most("saturation_elasticity", "sweet_spot_elasticity"),
            not_in_future("release_date"),
        ),
    )


def cost_per_horizon_hour_trend() -> Suite:
    return Suite(
        "cost_per_horizon_hour_trend",
        "marts.cost_per_horizon_hour_trend",
        ("benchmark_version", "pricing_basis", "method", "measure"),
        (
            unique("benchmark_version", "pricing_basis", "method", "measure"),
            positive("n_models"),
            at_most("release_from", "release_to"),
            at_most("slope_ci_low", "slope_ci_high"),
            at_most("doubling_time_ci_low_days", "doubling_time_ci_high_days"),
            at_most("horizon_slope_ci_low", "horizon_slope_ci_high"),
            at_most("horizon_doubling_time_ci_low_days", "horizon_doubling_time_ci_high_days"),
        ),
    )


def frontier_crossings() -> Suite:
    return Suite(
        "frontier_crossings",
        "marts.frontier_crossings",
        ("benchmark", "source", "pricing_basis", "model_a", "model_b", "crossing_cost_usd"),
        (
            not_null("model_a"),
            not_null("model_b"),
            not_null("leader_below"),
            not_null("leader_above"),
            positive("crossing_cost_usd"),
            not_null("performance_at_crossing"),
        ),
    )


def cost_envelope() -> Suite:
    return Suite(
        "cost_envelope",
        "marts.cost_envelope",
        ("benchmark", "source", "pricing_basis", "rank"),
        (
            non_empty(),
            unique("benchmark", "source", "pricing_basis", "rank"),
            not_null("model"),
            at_most("performance_from", "performance_to"),
            positive("cost_from_usd"),
            at_most("cost_from_usd", "cost_to_usd"),
        ),
    )


def pareto_frontier_history() -> Suite:
    return Suite(
        "pareto_frontier_history",
        "marts.pareto_frontier_history",
        ("benchmark", "source", "entry"),
        (
            unique("benchmark", "source", "score_unit", "entry"),
            not_null("entered_on"),
            at_most("entered_on", "displaced_on"),
            positive("cost_usd"),
            not_null("score"),
        ),
    )


def blended_prices() -> Suite:
    return Suite(
        "blended_prices",
        "marts.blended_prices",
        ("model_id", "valid_from"),
        (
            non_empty(),
            unique("model_id", "valid_from"),
            not_null("token_blend"),
            at_most("valid_from", "valid_to"),
            non_negative("input_usd_per_mtok"),
            non_negative("output_usd_per_mtok"),
            non_negative("cached_input_usd_per_mtok"),
            non_negative("blended_usd_per_mtok"),
        ),
    )


def price_trends() -> Suite:
    return Suite(
        "price_trends",
        "marts.price_trends",
        ("benchmark", "source", "threshold", "cost_measure", "date"),
        (
            unique("benchmark", "source", "score_unit", "threshold", "cost_measure", "date"),
            at_most("threshold", "score"),
            positive("cost"),
            between("decline_per_year", high=1),
            at_most("factor_per_year_ci_low", "factor_per_year_ci_high"),
        ),
    )


SUITES = {
    "marts.cost_horizon_curves": cost_horizon_curves,
    "marts.cost_per_horizon_hour": cost_per_horizon_hour,
    "marts.cost_per_horizon_hour_trend": cost_per_horizon_hour_trend,
    "marts.frontier_crossings": frontier_crossings,
    "marts.cost_envelope": cost_envelope,
    "marts.pareto_frontier_history": pareto_frontier_history,
    "marts.blended_prices": blended_prices,
    "marts.price_trends": price_trends,
}
