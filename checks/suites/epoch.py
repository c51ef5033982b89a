"""Suites for the Epoch AI tables: runs, model versions, external leaderboard copies and the ECI."""

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
    positive,
    unique,
    where,
)

# The suffixes staging reads as a reasoning effort (anything else leaves effort NULL).
EFFORTS = ["minimal", "low", "medium", "high", "xhigh", "max", "none"]


def stg_epoch__benchmark_runs() -> Suite:
    return Suite(
        "stg_epoch__benchmark_runs",
        "staging.stg_epoch__benchmark_runs",
        ("run_id", "benchmark", "model_name", "snapshot_date"),
        (
            non_empty(),
            unique("run_id", "snapshot_sha256"),
            not_null("benchmark"),
            not_null("model_name"),
            between("score", 0, 1),
            in_set("score_unit", ["fraction"]),
            in_set("effort", EFFORTS),
            positive("thinking_budget_tokens"),
            # A free-text date that no longer parses must show up, not become a silent NULL.
            where(not_null("started_at"), "started_at_text.notnull()"),
            not_in_future("started_at"),
            not_in_future("released_on"),
        ),
    )


def stg_epoch__model_versions() -> Suite:
    return Suite(
        "stg_epoch__model_versions",
        "staging.stg_epoch__model_versions",
        ("model_name", "snapshot_date"),
        (
            non_empty(),
            unique("model_name", "snapshot_sha256"),
            not_null("model_name"),
            in_set("effort", EFFORTS),
            not_in_future("released_on"),
        ),
    )


def stg_epoch__external_benchmarks() -> Suite:
    return Suite(
        "stg_epoch__external_benchmarks",
        "staging.stg_epoch__external_benchmarks",
        ("benchmark", "entry_id", "model_name", "snapshot_date"),
        (
            non_empty(),
            unique("benchmark", "entry_id", "snapshot_sha256"),
            in_set("benchmark", ["aider_polyglot", "arc_agi_1", "metr_time_horizon", "terminal_bench"]),
            in_set("score_unit", ["percent", "minutes"]),
            not_null("score"),
            where(between("score", 0, 100), "score_unit == 'percent'"),
            where(positive("score"), "score_unit == 'minutes'"),
            at_most("score_ci_low", "score"),
            at_most("score", "score_ci_high"),
            between("average_score", 0, 1),
            non_negative("score_stderr"),
            between("percent_well_formed", 0, 100),
            non_negative("cost_per_task_usd"),
            in_set("effort", EFFORTS),
            not_in_future("released_on"),
        ),
    )


def stg_epoch__capabilities_index() -> Suite:
    return Suite(
        "stg_epoch__capabilities_index",
        "staging.stg_epoch__capabilities_index",
        ("model_name", "snapshot_date"),
        (
            non_empty(),
            unique("model_name", "snapshot_sha256"),
            not_null("model_name"),
            not_null("is_unverified"),
            positive("score"),
            # is_unverified reads this vocabulary: a new value must be looked at, not guessed.
            in_set("confidence", ["Confident", "Likely", "Speculative", "Unknown", "Unverified"]),
            positive("training_compute_flop"),
            in_set("effort", EFFORTS),
            not_in_future("released_on"),
        ),
    )


SUITES = {
    "staging.stg_epoch__benchmark_runs": stg_epoch__benchmark_runs,
    "staging.stg_epoch__model_versions": stg_epoch__model_versions,
    "staging.stg_epoch__external_benchmarks": stg_epoch__external_benchmarks,
    "staging.stg_epoch__capabilities_index": stg_epoch__capabilities_index,
}
