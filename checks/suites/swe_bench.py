"""Suites for the SWE-bench tables: what must hold for a submission or an instance cost to be believed."""

from __future__ import annotations

from checks.gx import (
    Expect,
    Suite,
    at_most,
    between,
    non_empty,
    non_negative,
    not_in_future,
    not_null,
    positive,
    unique,
)


def stg_swe_bench__results() -> Suite:
    return Suite(
        "stg_swe_bench__results",
        "staging.stg_swe_bench__results",
        ("benchmark", "folder", "system_name", "snapshot_date"),
        (
            non_empty(),
            unique("benchmark", "folder", "snapshot_sha256"),
            Expect(
                "ExpectColumnValuesToMatchRegex",
                "benchmark is swe_bench_<leaderboard>",
                {"column": "benchmark", "regex": "^swe_bench_[a-z0-9_]+$"},
            ),
            not_null("model_name"),
            not_null("system_name"),
            not_null("score"),
            not_null("evaluated_on"),
            between("score", 0, 100),
            non_negative("total_cost_usd"),
            non_negative("cost_per_task_usd"),
            at_most("cost_per_task_usd", "total_cost_usd"),
            non_negative("calls_per_task"),
            positive("tasks"),
            at_most("instances_resolved", "instances_reported"),
            not_in_future("evaluated_on"),
        ),
    )


def stg_swe_bench__instance_costs() -> Suite:
    return Suite(
        "stg_swe_bench__instance_costs",
        "staging.stg_swe_bench__instance_costs",
        ("model_name", "instance_id", "snapshot_date"),
        (
            non_empty(),
            unique("model_name", "instance_id", "snapshot_sha256"),
            not_null("resolved"),
            non_negative("cost_usd"),
            non_negative("api_calls"),
        ),
    )


SUITES = {
    "staging.stg_swe_bench__results": stg_swe_bench__results,
    "staging.stg_swe_bench__instance_costs": stg_swe_bench__instance_costs,
}
