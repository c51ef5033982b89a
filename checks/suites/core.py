"""Suites for the core layer: model identity, effective-dated prices, benchmark results."""

from __future__ import annotations

from checks.gx import (
    Expect,
    Suite,
    at_most,
    in_set,
    non_empty,
    non_negative,
    not_in_future,
    not_null,
    unique,
    where,
)


def dim_model() -> Suite:
    return Suite(
        "dim_model",
        "core.dim_model",
        ("model_id",),
        (
            non_empty(),
            unique("model_id"),
            unique("match_key"),
            not_null("display_name"),
            not_in_future("release_date"),
        ),
    )


def model_aliases() -> Suite:
    return Suite(
        "model_aliases",
        "core.model_aliases",
        ("source", "alias"),
        (
            non_empty(),
            unique("source", "alias"),
            in_set("match_method", ["curated", "normalised", None]),
            where(not_null("match_method"), "model_id.notnull()"),
        ),
    )


def fct_prices() -> Suite:
    return Suite(
        "fct_prices",
        "core.fct_prices",
        ("model_id", "price_type", "valid_from"),
        (
            non_empty(),
            unique("model_id", "price_type", "valid_from"),
            non_negative("usd_per_mtok"),
            not_null("valid_from"),
            Expect(
                "ExpectColumnPairValuesAToBeGreaterThanB",
                "valid_from < valid_to",
                {
                    "column_A": "valid_to",
                    "column_B": "valid_from",
                    "or_equal": False,
                    "ignore_row_if": "either_value_is_missing",
                },
            ),
            in_set("overlaps_next", [False]),
            in_set(
                "price_type",
                [
                    "input",
                    "output",
                    "cached_input",
                    "cache_write",
                    "cache_write_1h",
                    "batch_input",
                    "batch_output",
                ],
            ),
        ),
        query="""
            SELECT *, next_valid_from IS NOT NULL AND (valid_to IS NULL OR valid_to > next_valid_from) AS overlaps_next
            FROM (SELECT *, lead(valid_from) OVER (PARTITION BY model_id, price_type ORDER BY valid_from)
                            AS next_valid_from
                  FROM core.fct_prices)
        """,
    )


def price_disagreements() -> Suite:
    return Suite(
        "price_disagreements",
        "core.price_disagreements",
        ("model_id", "price_type", "valid_from", "other_source"),
        (
            in_set("prices_differ", [True]),
            at_most("other_evidence_date", "chosen_evidence_date"),
            non_negative("chosen_usd_per_mtok"),
            non_negative("other_usd_per_mtok"),
        ),
        query="SELECT *, chosen_usd_per_mtok <> other_usd_per_mtok AS prices_differ FROM core.price_disagreements",
    )


def fct_benchmark_results() -> Suite:
    return Suite(
        "fct_benchmark_results",
        "core.fct_benchmark_results",
        ("benchmark", "source", "model_name", "entry_id"),
        (
            non_empty(),
            unique("benchmark", "source", "entry_id", "snapshot_date"),
            not_null("score"),
            not_null("score_unit"),
            non_negative("total_cost_usd"),
            non_negative("cost_per_task_usd"),
            not_in_future("evaluated_on"),
        ),
    )


SUITES = {
    "core.dim_model": dim_model,
    "core.model_aliases": model_aliases,
    "core.fct_prices": fct_prices,
    "core.price_disagreements": price_disagreements,
    "core.fct_benchmark_results": fct_benchmark_results,
}
