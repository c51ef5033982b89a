"""Suite for Anthropic's pricing page: every model has a positive price of each type, once."""

from __future__ import annotations

from checks.gx import Suite, between, in_set, non_empty, not_in_future, not_null, unique

PRICE_TYPES = [
    "input",
    "output",
    "cached_input",
    "cache_write",
    "cache_write_1h",
    "batch_input",
    "batch_output",
]


def stg_anthropic_pricing__prices() -> Suite:
    return Suite(
        "stg_anthropic_pricing__prices",
        "staging.stg_anthropic_pricing__prices",
        ("model_name", "price_type", "snapshot_date"),
        (
            non_empty(),
            unique("snapshot_sha256", "model_name", "price_type"),
            not_null("model_name"),
            in_set("price_type", PRICE_TYPES),
            # Anthropic charges for every token type; > $1000/MTok would be a misread unit.
            between("usd_per_mtok", 0, 1000, strict_low=True),
            not_in_future("observed_on"),
        ),
    )


SUITES = {"staging.stg_anthropic_pricing__prices": stg_anthropic_pricing__prices}
