"""Anthropic's pricing page: the recorded markdown excerpt, the HTML page, and reshaped tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.anthropic_pricing import SOURCE
from sources.anthropic_pricing.parse import pricing_page
from sources.errors import ParseError
from sources.http import HttpClient
from sources.schema import observed_fields
from tests.conftest import seed_bytes
from warehouse.ingest import ingest_source
from warehouse.models import build, sql_model

SEED = "anthropic_pricing_docs_EXCERPT.txt"
ENDPOINT = SOURCE.endpoint("pricing_page")
# An HTML page whose table cells are the real values of the recorded excerpt (the layout around them
# is invented; see the comment at the top of the file).
PAGE = (Path(__file__).parents[1] / "fixtures" / "anthropic_pricing" / "pricing_page.html").read_text()
OPUS_41 = {
    "model": "Claude Opus 4.1",
    "base_input_tokens": 15.0,
    "cache_writes_5m": 18.75,
    "cache_writes_1h": 30.0,
    "cache_hits_refreshes": 1.5,
    "output_tokens": 75.0,
    "batch_input": 7.5,
    "batch_output": 37.5,
}


def test_excerpt_parses_one_record_per_model():
    records = pricing_page(seed_bytes(SOURCE, SEED))
    assert [r["model"] for r in records] == [
        "Claude Opus 4.1",
        "Claude Opus 4",
        "Claude Sonnet 4",
        "Claude Sonnet 3.7",
        "Claude Sonnet 3.5 (deprecated)",
        "Claude Haiku 3.5",
        "Claude Opus 3 (deprecated)",
        "Claude Haiku 3",
    ]
    assert records[0] == OPUS_41
    haiku3 = records[-1]
    assert (haiku3["cache_hits_refreshes"], haiku3["batch_input"]) == (0.03, 0.125)
    assert ENDPOINT.parse(seed_bytes(SOURCE, SEED)).height == 8


def test_html_page_gives_the_same_records_as_the_excerpt():
    assert pricing_page(PAGE.encode()) == pricing_page(seed_bytes(SOURCE, SEED))


def _bounds(heading_id: str) -> tuple[int, int]:
    """Where the section under <h2 id=...> starts and its table ends, in PAGE."""
    start = PAGE.index(f'<h2 id="{heading_id}">')
    return start, PAGE.index("</table>", start) + len("</table>")


def _without(heading_id: str) -> str:
    start, end = _bounds(heading_id)
    return PAGE[:start] + PAGE[end:]


def test_a_moved_table_is_still_found_by_its_header():
    start, end = _bounds("model-pricing")
    moved = _without("model-pricing").replace("</main>", PAGE[start:end] + "\n</main>")
    assert moved.index("Batch input") < moved.index("Base Input Tokens")
    assert pricing_page(moved.encode()) == pricing_page(PAGE.encode())


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("<th>Base Input Tokens</th>", "<th>Input Tokens</th>", "Base Input Tokens"),
        ("<th>1h Cache Writes</th>", "<th>1 hour Cache Writes</th>", "1h Cache Writes"),
        ("<th>Batch output</th>", "<th>Batch completion</th>", "Batch output"),
        ("<td>$18.75 / MTok</td>", "<td>$18.75 per million</td>", "5m Cache Writes"),
        ("<td>Claude Haiku 3.5</td><td>$0.40", "<td>Claude Haiku 4</td><td>$0.40", "Model"),
    ],
    ids=["renamed-input", "renamed-1h", "renamed-batch-column", "price-wording", "batch-only-model"],
)
def test_a_reshaped_table_names_what_was_expected(old, new, field):
    assert old in PAGE
    with pytest.raises(ParseError) as error:
        pricing_page(PAGE.replace(old, new).encode())
    assert error.value.field == field


def test_a_dropped_column_is_named():
    dropped = PAGE.replace("<th>1h Cache Writes</th>", "")
    for cell in ("$30", "$6", "$1.6", "$0.50"):  # every 1h cache-write price in the excerpt
        dropped = dropped.replace(f"<td>{cell} / MTok</td>", "")
    with pytest.raises(ParseError) as error:
        pricing_page(dropped.encode())
    assert error.value.field == "1h Cache Writes"


def test_a_missing_table_is_an_error_never_an_empty_list():
    without = _without("model-pricing")
    with pytest.raises(ParseError) as error:
        pricing_page(without.encode())
    assert error.value.field == "model pricing table"
    assert "Model | Base Input Tokens | 5m Cache Writes" in error.value.message


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>",
        PAGE[: PAGE.index("Claude Haiku 3.5")].encode(),  # truncated inside the model table
        seed_bytes(SOURCE, SEED)[:900],  # truncated inside a markdown row
        b"Model | Base Input Tokens | Output Tokens\n---|---|---\n",
    ],
    ids=["empty", "error-page", "truncated-html", "truncated-markdown", "no-rows"],
)
def test_bodies_without_the_prices_are_rejected(body):
    with pytest.raises(ParseError):
        pricing_page(body)


def test_batch_table_is_optional():
    without = _without("batch-processing")
    records = pricing_page(without.encode())
    assert len(records) == 8 and "batch_input" not in records[0]
    assert ENDPOINT.parse(without.encode())["batch_input"].null_count() == 8


def test_an_added_column_is_kept_as_text_for_the_drift_check():
    start, end = _bounds("model-pricing")
    section = PAGE[start:end].replace("Output Tokens</th>", "Output Tokens</th><th>Priority Tier</th>")
    section = section.replace("</td></tr>", "</td><td>yes</td></tr>")
    records = pricing_page((PAGE[:start] + section + PAGE[end:]).encode())
    assert records[0]["priority_tier"] == "yes"
    assert observed_fields(records) - ENDPOINT.declared_fields == {"priority_tier"}


def test_staging(con, archive):
    ingest_source(con, SOURCE, archive, HttpClient(), offline=True)
    build(con, sql_model("staging.stg_anthropic_pricing__prices"))
    staged = con.sql("SELECT * FROM staging.stg_anthropic_pricing__prices").pl()
    assert staged.height == 56  # 8 models x 7 price types
    opus = dict(staged.filter(model_name="Claude Opus 4.1").select("price_type", "usd_per_mtok").rows())
    assert opus == {
        "input": 15.0,
        "cache_write": 18.75,
        "cache_write_1h": 30.0,
        "cached_input": 1.5,
        "output": 75.0,
        "batch_input": 7.5,
        "batch_output": 37.5,
    }
    sonnet35 = staged.filter(model_name="Claude Sonnet 3.5").select("is_deprecated", "model_name_as_printed")
    assert sonnet35.unique().rows() == [(True, "Claude Sonnet 3.5 (deprecated)")]
    assert set(staged["vendor"]) == {"anthropic"}
    assert staged["observed_on"].unique().to_list() == [ENDPOINT.seeds[0].recorded_on]
