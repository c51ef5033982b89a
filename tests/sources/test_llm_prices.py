"""llm-prices: parsing every vendor file, bad input, and the interval logic of the staging table."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from checks.suites.llm_prices import stg_llm_prices__price_history
from sources.errors import ParseError
from sources.llm_prices import SOURCE, VENDORS
from tests.conftest import build_tables, load_payload, seed_bytes

STAGING = "staging.stg_llm_prices__price_history"
ROWS = {  # price_history entries per file at commit 723ef0b (MANIFEST.md)
    "amazon": 4,
    "anthropic": 18,
    "deepseek": 5,
    "google": 24,
    "meta-ai": 3,
    "minimax": 1,
    "mistral": 14,
    "moonshot-ai": 5,
    "openai": 50,
    "qwen": 2,
    "xai": 22,
}


def _parse(vendor: str, payload: bytes | None = None):
    endpoint = SOURCE.endpoint(vendor.replace("-", "_"))
    return endpoint.parse(payload if payload is not None else seed_bytes(SOURCE, f"{vendor}.json"))


def _edited(vendor: str, edit) -> bytes:
    """A real vendor file with `edit(document)` applied."""
    document = json.loads(seed_bytes(SOURCE, f"{vendor}.json"))
    edit(document)
    return json.dumps(document).encode()


def _model(document: dict, model_id: str) -> dict:
    return next(m for m in document["models"] if m["id"] == model_id)


def _rename(entry: dict, old: str, new: str) -> None:
    entry[new] = entry.pop(old)


def _stage(con, payloads: dict[str, bytes]):
    """Load payloads as snapshots of their vendor endpoints, build the staging table, return it."""
    for vendor, payload in payloads.items():
        load_payload(con, SOURCE.endpoint(vendor.replace("-", "_")), payload, dt.date(2026, 8, 5))
    build_tables(con, STAGING)
    return con.sql(f"SELECT * FROM {STAGING} ORDER BY ALL").pl()


def test_one_endpoint_per_vendor_file_named_as_sql_identifiers():
    assert [e.name for e in SOURCE.endpoints] == [v.replace("-", "_") for v in VENDORS]
    assert all(re.fullmatch(r"[a-z_][a-z0-9_]*", e.name) for e in SOURCE.endpoints)
    assert all(e.url.endswith(f"/data/{v}.json") for e, v in zip(SOURCE.endpoints, VENDORS, strict=True))
    assert {s.recorded_on for e in SOURCE.endpoints for s in e.seeds} == {dt.date(2026, 8, 5)}


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_seed_parses_one_row_per_price_history_entry(vendor):
    frame = _parse(vendor)
    assert frame.height == ROWS[vendor]
    assert frame["vendor"].unique().to_list() == [vendor]


def test_known_values():
    openai = _parse("openai")
    o3 = openai.filter(openai["id"] == "o3").to_dicts()
    assert o3 == [
        {
            "vendor": "openai",
            "id": "o3",
            "name": "o3",
            "input": 10.0,
            "output": 40.0,
            "input_cached": 0.5,
            "from_date": None,
            "to_date": None,
        }
    ]
    deepseek = _parse("deepseek").filter(id="deepseek-chat").sort("input")
    assert deepseek.select("input", "output", "from_date", "to_date").rows() == [
        (0.14, 0.28, None, dt.date(2025, 2, 8)),
        (0.27, 1.1, dt.date(2025, 2, 8), None),
    ]


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda d: d.pop("models"), "models"),
        (lambda d: d.pop("vendor"), "vendor"),
        (lambda d: d.update(models=[]), "models"),
        (lambda d: d["models"][0].pop("id"), "id"),
        (lambda d: d["models"][0].update(price_history=[]), "price_history"),
        (lambda d: _rename(d["models"][0]["price_history"][0], "input", "input_usd"), "input"),
        (lambda d: d["models"][0]["price_history"][0].update(output="forty"), "output"),
        (lambda d: d["models"][0]["price_history"][0].update(from_date="June 2025"), "from_date"),
        (lambda d: d["models"].append("o3"), "models"),
    ],
    ids=[
        "no-models",
        "no-vendor",
        "empty-models",
        "no-id",
        "empty-history",
        "renamed-input",
        "text-price",
        "bad-date",
        "model-not-a-map",
    ],
)
def test_bad_input_names_the_field(edit, field):
    with pytest.raises(ParseError) as error:
        _parse("openai", _edited("openai", edit))
    assert error.value.field == field


def test_staging_is_long_with_open_intervals_as_null(con):
    staged = _stage(con, {v: seed_bytes(SOURCE, f"{v}.json") for v in VENDORS})
    assert staged.height == 374  # 148 entries x (input, output) + 78 cached prices
    o3 = staged.filter(model_name="o3").select("price_type", "usd_per_mtok", "valid_from", "valid_to").rows()
    assert o3 == [
        ("cached_input", 0.5, None, None),
        ("input", 10.0, None, None),
        ("output", 40.0, None, None),
    ]
    # to_date is exclusive upstream: the old price ends on the day the new one starts, no gap, no overlap.
    deepseek = staged.filter(model_name="deepseek-chat", price_type="input").sort("valid_from")
    assert deepseek.select("usd_per_mtok", "valid_to", "gap_days_before", "overlaps_previous").rows() == [
        (0.14, dt.date(2025, 2, 8), None, False),
        (0.27, None, 0, False),
    ]
    assert not staged["overlaps_previous"].any()
    # xai.json lists grok-4-fast twice with the same price: kept once, counted.
    grok = staged.filter(model_name="grok-4-fast", price_type="input")
    assert grok.select("usd_per_mtok", "times_listed", "model_display_name").row(0) == (0.2, 2, "Grok 4 Fast")


def _terra(history: list[dict]):
    def edit(document):
        _model(document, "gpt-5.6-terra")["price_history"] = history

    return edit


def test_staging_flags_an_overlap(con):
    overlapping = _edited(
        "openai",
        _terra(
            [
                {
                    "input": 2.5,
                    "output": 15.0,
                    "input_cached": None,
                    "from_date": None,
                    "to_date": "2026-08-15",
                },
                {
                    "input": 2.0,
                    "output": 12.0,
                    "input_cached": None,
                    "from_date": "2026-07-30",
                    "to_date": None,
                },
            ]
        ),
    )
    terra = _stage(con, {"openai": overlapping}).filter(model_name="gpt-5.6-terra", price_type="input")
    assert terra.sort("usd_per_mtok", descending=True)["overlaps_previous"].to_list() == [False, True]
    assert terra.filter(overlaps_previous=True)["gap_days_before"].to_list() == [-16]


def test_staging_flags_an_interval_nested_in_an_earlier_one(con):
    # The overlap is with the first interval, not the one just before: the running end must be used.
    nested = _edited(
        "openai",
        _terra(
            [
                {"input": 1.0, "output": 1.0, "from_date": "2026-01-01", "to_date": "2026-06-01"},
                {"input": 2.0, "output": 2.0, "from_date": "2026-02-01", "to_date": "2026-03-01"},
                {"input": 3.0, "output": 3.0, "from_date": "2026-04-01", "to_date": None},
            ]
        ),
    )
    terra = _stage(con, {"openai": nested}).filter(model_name="gpt-5.6-terra", price_type="output")
    assert terra.sort("valid_from")["overlaps_previous"].to_list() == [False, True, True]


def test_staging_shows_a_gap_without_calling_it_an_overlap(con):
    gapped = _edited(
        "openai",
        _terra(
            [
                {"input": 2.5, "output": 15.0, "from_date": None, "to_date": "2026-07-20"},
                {"input": 2.0, "output": 12.0, "from_date": "2026-07-30", "to_date": None},
            ]
        ),
    )
    terra = _stage(con, {"openai": gapped}).filter(model_name="gpt-5.6-terra", price_type="output")
    assert terra.sort("usd_per_mtok").select("gap_days_before", "overlaps_previous").rows() == [
        (10, False),
        (None, False),
    ]


def test_two_snapshots_are_checked_separately(con):
    # The same model in two versions of a file is two snapshots, not an overlap.
    changed = _edited("openai", lambda d: _model(d, "o3")["price_history"][0].update(input=2, output=8))
    _stage(con, {"openai": seed_bytes(SOURCE, "openai.json")})
    staged = _stage(con, {"openai": changed})
    o3 = staged.filter(model_name="o3", price_type="input")
    assert sorted(o3["usd_per_mtok"].to_list()) == [2.0, 10.0]
    assert not o3["overlaps_previous"].any()


def test_the_suite_rejects_overlapping_and_reversed_intervals():
    # GX itself takes seconds to import, so the refresh (not this test) runs the suite on these columns.
    expectations = stg_llm_prices__price_history().expectations
    assert any(e.kwargs == {"column": "overlaps_previous", "value_set": [False]} for e in expectations)
    assert any(e.kwargs.get("column_A") == "valid_to" and e.kwargs["or_equal"] is False for e in expectations)
