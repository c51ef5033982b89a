"""Suite for the llm-prices price history: prices are sane and the validity intervals of one
model's price never overlap (gaps are allowed and shown in `gap_days_before`)."""

from __future__ import annotations

from checks.gx import Expect, Suite, between, in_set, non_empty, not_in_future, not_null, unique

PRICE_TYPES = ["input", "output", "cached_input"]


def stg_llm_prices__price_history() -> Suite:
    return Suite(
        "stg_llm_prices__price_history",
        "staging.stg_llm_prices__price_history",
        ("vendor", "model_name", "price_type", "valid_from", "valid_to", "snapshot_date"),
        (
            non_empty(),
            unique("snapshot_sha256", "vendor", "model_name", "price_type", "valid_from"),
            not_null("model_name"),
            not_null("vendor"),
            not_null("usd_per_mtok"),
            in_set("price_type", PRICE_TYPES),
            # > $1000/MTok is a unit slip (per-1K or per-token figure typed as per-million).
            between("usd_per_mtok", 0, 1000),
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
            Expect(
                "ExpectColumnValuesToBeInSet",
                "no two intervals of one model × price type overlap within a snapshot",
                {"column": "overlaps_previous", "value_set": [False]},
            ),
            not_null("overlaps_previous"),
            not_in_future("observed_on"),
        ),
    )


SUITES = {"staging.stg_llm_prices__price_history": stg_llm_prices__price_history}
