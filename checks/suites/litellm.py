"""Suite for LiteLLM's prices: one price per model × type × snapshot, in range once per million."""

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


def stg_litellm__prices() -> Suite:
    return Suite(
        "stg_litellm__prices",
        "staging.stg_litellm__prices",
        ("model_name", "price_type", "snapshot_date"),
        (
            non_empty(),
            unique("snapshot_sha256", "model_name", "price_type"),
            not_null("model_name"),
            not_null("vendor"),
            not_null("usd_per_mtok"),
            in_set("price_type", PRICE_TYPES),
            in_set("mode", ["chat", "completion", "responses"]),
            # > $1000/MTok means a per-1K or per-million figure was stored as per-token (it happens
            # upstream: BerriAI/litellm#38167 fixed 16 such entries).
            between("usd_per_mtok", 0, 1000),
            between("usd_per_mtok_above_128k", 0, 1000),
            between("usd_per_mtok_above_200k", 0, 1000),
            not_in_future("observed_on"),
        ),
    )


SUITES = {"staging.stg_litellm__prices": stg_litellm__prices}
