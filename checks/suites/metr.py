"""Suites for the METR tables: what must hold for a horizon or a run to be believed."""

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
)


def stg_metr__horizons() -> Suite:
    return Suite(
        "stg_metr__horizons",
        "staging.stg_metr__horizons",
        ("model", "benchmark_version", "snapshot_date"),
        (
            non_empty(),
            unique("model", "benchmark_version", "snapshot_sha256"),
            not_null("model"),
            positive("p50"),
            positive("p80"),
            at_most("p50_ci_low", "p50"),
            at_most("p50", "p50_ci_high"),
            at_most("p80_ci_low", "p80"),
            at_most("p80", "p80_ci_high"),
            at_most("p80", "p50"),
            between("average_score", 0, 1),
            non_negative("usage_usd"),
            not_in_future("release_date"),
        ),
    )


def stg_metr__runs() -> Suite:
    return Suite(
        "stg_metr__runs",
        "staging.stg_metr__runs",
        ("runs_file", "run_id", "model", "task_id"),
        (
            non_empty(),
            unique("runs_file", "run_id"),
            not_null("model"),
            not_null("task_id"),
            positive("human_minutes"),
            between("score", 0, 1),
            in_set("score_binarized", [0, 1]),
            non_negative("tokens_count"),
            non_negative("run_cost_usd"),
            at_most("started_at", "completed_at"),
        ),
    )


def stg_metr__release_dates() -> Suite:
    return Suite(
        "stg_metr__release_dates",
        "staging.stg_metr__release_dates",
        ("alias",),
        (non_empty(), unique("alias"), not_null("release_date"), not_in_future("release_date")),
    )


def metr_horizon_revisions() -> Suite:
    return Suite(
        "metr_horizon_revisions",
        "core.metr_horizon_revisions",
        ("model", "benchmark_version", "metric", "revision"),
        (
            non_empty(),
            unique("model", "benchmark_version", "metric", "revision"),
            at_most("first_seen", "last_seen"),
            positive("estimate"),
        ),
    )


SUITES = {
    "staging.stg_metr__horizons": stg_metr__horizons,
    "staging.stg_metr__runs": stg_metr__runs,
    "staging.stg_metr__release_dates": stg_metr__release_dates,
    "core.metr_horizon_revisions": metr_horizon_revisions,
}
