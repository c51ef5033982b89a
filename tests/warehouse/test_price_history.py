"""Effective-dated prices from overlapping claims: the newest evidence wins, disagreements are kept."""

from __future__ import annotations

import datetime as dt

import polars as pl

from warehouse.derivations.price_history import CLAIM_SCHEMA, observed_claims, resolve

D = dt.date


def _claims(*rows) -> pl.DataFrame:
    return pl.DataFrame(
        [dict(zip(CLAIM_SCHEMA, ("o3", "input", *row), strict=True)) for row in rows], schema=CLAIM_SCHEMA
    )


def test_a_stale_curated_range_does_not_override_a_newer_observation():
    # The real case in the recorded data: llm-prices $10 open since 2025-04-16, OpenRouter $2 on 2026-08-01.
    history, disagreements = resolve(
        _claims(
            (10.0, D(2025, 4, 16), None, "llm_prices", "o3", D(2025, 4, 16)),
            (2.0, D(2026, 8, 1), None, "openrouter", "openai/o3", D(2026, 8, 1)),
        )
    )
    assert history.select("usd_per_mtok", "valid_from", "valid_to", "source").rows() == [
        (10.0, D(2025, 4, 16), D(2026, 8, 1), "llm_prices"),
        (2.0, D(2026, 8, 1), None, "openrouter"),
    ]
    (row,) = disagreements.rows(named=True)
    assert (row["chosen_source"], row["other_source"], row["reason"]) == (
        "openrouter",
        "llm_prices",
        "newer evidence",
    )


def test_a_newer_curated_range_beats_an_older_observation():
    history, _ = resolve(
        _claims(
            (2.0, D(2026, 8, 1), None, "openrouter", "openai/o3", D(2026, 8, 1)),
            (1.0, D(2026, 9, 1), None, "llm_prices", "o3", D(2026, 9, 1)),
        )
    )
    assert history.select("usd_per_mtok", "valid_from", "valid_to").rows() == [
        (2.0, D(2026, 8, 1), D(2026, 9, 1)),
        (1.0, D(2026, 9, 1), None),
    ]


def test_equal_evidence_goes_to_the_vendor_page_and_equal_prices_merge():
    history, disagreements = resolve(
        _claims(
            (3.0, D(2025, 1, 1), None, "litellm", "x", D(2025, 1, 1)),
            (3.5, D(2025, 1, 1), None, "anthropic_pricing", "x", D(2025, 1, 1)),
            (3.5, D(2025, 6, 1), None, "openrouter", "x", D(2025, 6, 1)),
        )
    )
    assert history.select("usd_per_mtok", "valid_from", "valid_to", "source").rows() == [
        (3.5, D(2025, 1, 1), None, "anthropic_pricing")  # confirmed later by OpenRouter: no new interval
    ]
    assert disagreements.select("chosen_source", "other_source", "valid_from").rows() == [
        ("anthropic_pricing", "litellm", D(2025, 1, 1)),
        ("openrouter", "litellm", D(2025, 6, 1)),
    ]
    assert (
        disagreements["reason"].to_list()[0].startswith("same evidence date: source rank anthropic_pricing")
    )


def test_observations_open_close_and_ignore_unchanged_snapshots():
    observations = pl.DataFrame(
        {
            "model_id": ["o3"] * 4,
            "price_type": ["input"] * 4,
            "usd_per_mtok": [10.0, 10.0, 2.0, 2.0],
            "observed_on": [D(2025, 5, 1), D(2025, 5, 2), D(2025, 6, 10), D(2025, 6, 11)],
            "source_alias": ["openai/o3"] * 4,
        }
    )
    claims = observed_claims(observations, "openrouter")
    assert claims.select("usd_per_mtok", "start", "end").rows() == [
        (10.0, D(2025, 5, 1), D(2025, 6, 10)),
        (2.0, D(2025, 6, 10), None),
    ]


def test_repricing_on_a_date_is_one_join_on_the_interval():
    history, _ = resolve(
        _claims(
            (10.0, D(2025, 4, 16), D(2025, 6, 10), "llm_prices", "o3", D(2025, 4, 16)),
            (2.0, D(2025, 6, 10), None, "llm_prices", "o3", D(2025, 6, 10)),
        )
    )

    def price_on(day):
        hit = history.filter(
            (pl.col("valid_from") <= day)
            & (pl.col("valid_to").is_null() | (pl.lit(day) < pl.col("valid_to")))
        )
        return hit["usd_per_mtok"].to_list()

    assert price_on(D(2025, 6, 9)) == [10.0]
    assert price_on(D(2025, 6, 10)) == [2.0]  # valid_to is exclusive
    assert price_on(D(2025, 4, 15)) == []
