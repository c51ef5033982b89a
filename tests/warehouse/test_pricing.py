"""As-of repricing: the interval that contains the date, valid_from inclusive, valid_to exclusive."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from warehouse.derivations.pricing import TokenBlend, prices_as_of, run_spend

CUT = dt.date(2025, 6, 10)


def _prices(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "model_id": pl.String,
            "price_type": pl.String,
            "usd_per_mtok": pl.Float64,
            "valid_from": pl.Date,
            "valid_to": pl.Date,
            "source": pl.String,
        },
        orient="row",
    )


# o3's June 2025 cut (10/40 → 2/8), and a model priced only for January–February 2024.
PRICES = _prices(
    [
        ("o3", "input", 10.0, None, CUT, "llm_prices"),
        ("o3", "output", 40.0, None, CUT, "llm_prices"),
        ("o3", "input", 2.0, CUT, None, "llm_prices"),
        ("o3", "output", 8.0, CUT, None, "llm_prices"),
        ("o3", "cached_input", 0.5, CUT, None, "llm_prices"),
        ("old", "input", 1.0, dt.date(2024, 1, 1), dt.date(2024, 3, 1), "llm_prices"),
        ("old", "output", 3.0, dt.date(2024, 1, 1), dt.date(2024, 3, 1), "llm_prices"),
    ]
)


def _as_of(model_id: str, day: dt.date, prices: pl.DataFrame = PRICES) -> dict:
    keys = pl.DataFrame({"model_id": [model_id], "price_date": [day]})
    return prices_as_of(prices, keys).row(0, named=True)


def test_the_interval_containing_the_date_prices_it_start_inclusive_end_exclusive():
    assert _as_of("o3", CUT - dt.timedelta(days=1))["input_usd_per_mtok"] == 10.0  # open start
    assert _as_of("o3", CUT)["input_usd_per_mtok"] == 2.0  # valid_from is inclusive, valid_to exclusive
    assert _as_of("o3", dt.date(2030, 1, 1))["output_usd_per_mtok"] == 8.0  # open end: still current
    assert _as_of("old", dt.date(2024, 1, 1))["input_usd_per_mtok"] == 1.0
    assert _as_of("old", dt.date(2024, 2, 29))["output_usd_per_mtok"] == 3.0
    assert _as_of("old", dt.date(2024, 3, 1))["input_usd_per_mtok"] is None
    assert _as_of("old", dt.date(2023, 12, 31))["input_usd_per_mtok"] is None
    assert _as_of("unknown", dt.date(2024, 1, 1))["input_usd_per_mtok"] is None


def test_a_cached_price_missing_before_the_cut_stays_missing():
    assert _as_of("o3", CUT - dt.timedelta(days=1))["cached_input_usd_per_mtok"] is None
    assert _as_of("o3", CUT)["cached_input_usd_per_mtok"] == 0.5


def test_of_overlapping_intervals_the_latest_started_wins_and_only_used_sources_are_credited():
    prices = pl.concat([PRICES, _prices([("o3", "output", 7.0, dt.date(2025, 7, 1), None, "openrouter")])])
    row = _as_of("o3", dt.date(2025, 8, 1), prices)
    assert row["output_usd_per_mtok"] == 7.0  # the interval that started later
    assert row["input_usd_per_mtok"] == 2.0
    assert row["price_sources"] == "llm_prices+openrouter"


def test_blend_is_explicit_and_needs_every_price_it_uses():
    blend = TokenBlend()
    assert blend.label == "input 0.75 / output 0.25 / cached 0"
    frame = pl.DataFrame(
        {"input_usd_per_mtok": [2.0], "output_usd_per_mtok": [8.0], "cached_input_usd_per_mtok": [None]},
        schema_overrides={"cached_input_usd_per_mtok": pl.Float64},
    )
    assert frame.select(blend.usd_per_mtok()).item() == pytest.approx(3.5)
    with_cache = TokenBlend(input=0.5, output=0.25, cached_input=0.25)
    assert frame.select(with_cache.usd_per_mtok()).item() is None
    with pytest.raises(ValueError):
        TokenBlend(input=0.5, output=0.25)


def test_run_spend_on_each_basis_and_generation_cost_wins():
    runs = pl.DataFrame(
        {
            "run_id": ["before", "after", "paid"],
            "model_id": ["o3"] * 3,
            "run_date": [dt.date(2025, 5, 1), dt.date(2025, 9, 1), dt.date(2025, 5, 1)],
            "tokens_count": [2e6, 2e6, 2e6],
            "run_cost_usd": [None, None, 30.0],
        }
    )
    today = dt.date(2026, 1, 1)
    evaluation = run_spend(runs, PRICES, TokenBlend(), "evaluation_date", today).sort("run_id")
    assert evaluation["spend_usd"].to_list() == pytest.approx([2 * 3.5, 2 * 17.5, 30.0])
    assert evaluation["spend_source"].to_list() == [
        "tokens_count × blended price",
        "tokens_count × blended price",
        "generation_cost",
    ]
    assert evaluation["priced_on"].to_list() == [dt.date(2025, 9, 1), *[dt.date(2025, 5, 1)] * 2]
    current = run_spend(runs, PRICES, TokenBlend(), "today", today).sort("run_id")
    # today every token costs the post-cut blend; the recorded cost is rescaled by 3.5 / 17.5
    assert current["spend_usd"].to_list() == pytest.approx([7.0, 7.0, 30.0 * 3.5 / 17.5])
    assert set(current["priced_on"]) == {today}
