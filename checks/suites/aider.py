"""Suites for the Aider tables: what must hold for a leaderboard entry to be believed."""

from __future__ import annotations

from checks.gx import (
    Suite,
    at_most,
    between,
    in_set,
    non_empty,
    non_negative,
    not_in_future,
    not_null,
    unique,
)


def stg_aider__results() -> Suite:
    return Suite(
        "stg_aider__results",
        "staging.stg_aider__results",
        ("benchmark", "run_id", "model_name", "snapshot_date"),
        (
            non_empty(),
            unique("benchmark", "run_id", "snapshot_sha256"),
            in_set("benchmark", ["aider_polyglot", "aider_edit", "aider_refactor"]),
            in_set("score_metric", ["pass_rate_1", "pass_rate_2"]),
            not_null("model_name"),
            not_null("score"),
            not_null("evaluated_on"),
            between("score", 0, 100),
            between("pass_rate_1", 0, 100),
            between("percent_cases_well_formed", 0, 100),
            at_most("pass_rate_1", "pass_rate_2"),  # the retry can only add solved cases
            between("tasks", 1, 225),  # no Aider suite is larger than polyglot's 225 exercises
            at_most("tasks", "suite_tasks"),
            at_most("pass_num_2", "tasks"),
            non_negative("total_cost_usd"),
            non_negative("cost_per_task_usd"),
            non_negative("seconds_per_case"),
            non_negative("input_tokens"),
            non_negative("output_tokens"),
            not_in_future("evaluated_on"),
            not_in_future("released_on"),
        ),
    )


SUITES = {"staging.stg_aider__results": stg_aider__results}
