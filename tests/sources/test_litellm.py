"""LiteLLM: parsing the recorded price map, odd value types, and the per-million staging table."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sources.errors import ParseError
from sources.litellm import SOURCE
from sources.schema import observed_fields
from tests.conftest import build_tables, load_payload, seed_bytes

SEED = "model_prices_and_context_window_2025-02-06.json"
STAGING = "staging.stg_litellm__prices"
ENDPOINT = SOURCE.endpoint("model_prices")


def _edited(edit) -> bytes:
    document = json.loads(seed_bytes(SOURCE, SEED))
    edit(document)
    return json.dumps(document).encode()


def _set(model: str, **fields):
    return lambda document: document[model].update(fields)


def _stage(con, payload: bytes):
    load_payload(con, ENDPOINT, payload, dt.date(2025, 2, 6))
    build_tables(con, STAGING)
    return con.sql(f"SELECT * FROM {STAGING}").pl()


def _prices(staged, model: str) -> dict[str, float]:
    return dict(staged.filter(model_name=model).select("price_type", "usd_per_mtok").rows())


def test_seed_parses_every_model_but_the_sample_spec():
    frame = ENDPOINT.parse(seed_bytes(SOURCE, SEED))
    assert frame.height == 775  # 776 keys minus sample_spec
    assert "sample_spec" not in frame["model"].to_list()
    gpt4o = frame.filter(model="gpt-4o").row(0, named=True)
    assert (gpt4o["input_cost_per_token"], gpt4o["output_cost_per_token"]) == (2.5e-06, 1e-05)
    assert gpt4o["input_cost_per_token_batches"] == gpt4o["cache_read_input_token_cost"] == 1.25e-06
    sonnet = frame.filter(model="claude-3-5-sonnet-20241022").row(0, named=True)
    assert sonnet["cache_creation_input_token_cost"] == 3.75e-06
    assert sonnet["deprecation_date"] == dt.date(2025, 10, 1)
    assert sonnet["max_input_tokens"] == 200000
    assert "o3" not in frame["model"].to_list()  # o3 (2025-04-16) postdates this file


def test_seed_fields_are_all_declared():
    # Every field the recorded file carries is loaded; newer files' extra fields make schema drift WARN.
    assert observed_fields(ENDPOINT.extract(seed_bytes(SOURCE, SEED))) <= ENDPOINT.declared_fields


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3e-07", 3e-07), ("0.000003", 3e-06), (3, 3.0)],
    ids=["string-scientific", "string-decimal", "integer"],
)
def test_numeric_strings_and_integers_are_read_as_numbers(value, expected):
    frame = ENDPOINT.parse(_edited(_set("gpt-4o", input_cost_per_token=value)))
    assert frame.filter(model="gpt-4o")["input_cost_per_token"].item() == expected


def test_integral_float_and_numeric_string_limits_are_integers():
    frame = ENDPOINT.parse(_edited(_set("gpt-4o", max_tokens=16384.0, max_input_tokens="128000")))
    assert frame.filter(model="gpt-4o").select("max_tokens", "max_input_tokens").row(0) == (16384, 128000)


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (_set("gpt-4o", input_cost_per_token="n/a"), "input_cost_per_token"),
        (_set("gpt-4o", output_cost_per_token=True), "output_cost_per_token"),
        (_set("gpt-4o", supports_vision="maybe"), "supports_vision"),
        (_set("gpt-4o", deprecation_date="soon"), "deprecation_date"),
        (lambda d: d["gpt-4o"].pop("litellm_provider"), "litellm_provider"),
        (lambda d: d.update({"gpt-4o": "2.5e-06"}), "gpt-4o"),
    ],
    ids=["text-cost", "boolean-cost", "text-flag", "text-date", "no-provider", "entry-not-a-map"],
)
def test_odd_values_name_the_field(edit, field):
    with pytest.raises(ParseError) as error:
        ENDPOINT.parse(_edited(edit))
    assert error.value.field == field


@pytest.mark.parametrize(
    ("payload", "field"),
    [(b'[{"gpt-4o": {}}]', "<body>"), (b'{"sample_spec": {"mode": "chat"}}', "<records>")],
    ids=["not-a-map", "only-the-sample-spec"],
)
def test_wrong_shape_or_nothing_to_load(payload, field):
    with pytest.raises(ParseError) as error:
        ENDPOINT.parse(payload)
    assert error.value.field == field


def test_staging_converts_to_per_million_and_keeps_text_generation_only(con):
    staged = _stage(con, seed_bytes(SOURCE, SEED))
    assert staged.height == 1309
    assert set(staged["mode"]) == {"chat", "completion"}
    assert _prices(staged, "gpt-4o") == {
        "input": 2.5,
        "output": 10.0,
        "cached_input": 1.25,
        "batch_input": 1.25,
        "batch_output": 5.0,
    }
    assert _prices(staged, "claude-3-5-sonnet-20241022") == {
        "input": 3.0,
        "output": 15.0,
        "cached_input": 0.3,
        "cache_write": 3.75,
    }
    # deepseek-reasoner states its cache-hit price only as input_cost_per_token_cache_hit
    assert _prices(staged, "deepseek/deepseek-reasoner")["cached_input"] == 0.14
    assert staged.filter(model_name="text-embedding-3-small").is_empty()  # mode embedding
    assert staged.filter(model_name="fireworks-ai-default").is_empty()  # no mode: a billing tier
    gemini = staged.filter(model_name="gemini/gemini-1.5-pro", price_type="input").row(0, named=True)
    assert (gemini["usd_per_mtok"], gemini["usd_per_mtok_above_128k"]) == (3.5, 7.0)


def test_staging_reads_a_string_price_as_its_number(con):
    staged = _stage(con, _edited(_set("gpt-4o", input_cost_per_token="2.5e-06")))
    assert staged.filter(model_name="gpt-4o", price_type="input")["usd_per_mtok"].item() == 2.5
