"""Suites for OpenRouter: one price per model × type × snapshot, never negative, NULL only where
OpenRouter says the price is variable, and nothing charged for a `:free` variant."""

from __future__ import annotations

from checks.gx import Expect, Suite, between, in_set, non_empty, not_in_future, not_null, positive, unique

PRICE_TYPES = ["input", "output", "cached_input", "cache_write", "cache_write_1h"]


def stg_openrouter__prices() -> Suite:
    return Suite(
        "stg_openrouter__prices",
        "staging.stg_openrouter__prices",
        ("model_name", "price_type", "snapshot_date"),
        (
            non_empty(),
            unique("snapshot_sha256", "model_name", "price_type"),
            not_null("model_name"),
            not_null("vendor"),
            not_null("is_variable_price"),
            in_set("price_type", PRICE_TYPES),
            # > $1000/MTok is a unit slip (per-1K or per-million figure published as per-token).
            between("usd_per_mtok", 0, 1000),
            Expect(
                "ExpectColumnValuesToNotBeNull",
                "usd_per_mtok is NULL only where the price is variable (-1)",
                {
                    "column": "usd_per_mtok",
                    "row_condition": "is_variable_price == False",
                    "condition_parser": "pandas",
                },
            ),
            Expect(
                "ExpectColumnValuesToBeInSet",
                "a :free variant costs nothing",
                {
                    "column": "usd_per_mtok",
                    "value_set": [0],
                    "row_condition": "is_free_variant == True",
                    "condition_parser": "pandas",
                },
            ),
            not_in_future("created_at"),
            not_in_future("observed_on"),
        ),
    )


def stg_openrouter__usage_rankings() -> Suite:
    return Suite(
        "stg_openrouter__usage_rankings",
        "staging.stg_openrouter__usage_rankings",
        ("slug", "snapshot_date"),
        (
            non_empty(),
            unique("snapshot_sha256", "slug"),
            not_null("slug"),
            positive("tokens_per_day"),
            not_in_future("snapshot_date"),
        ),
    )


SUITES = {
    "staging.stg_openrouter__prices": stg_openrouter__prices,
    "staging.stg_openrouter__usage_rankings": stg_openrouter__usage_rankings,
}
