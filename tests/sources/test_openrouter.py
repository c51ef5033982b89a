"""OpenRouter: the models API and the usage ranking, price strings, "-1" and `:free` variants."""

from __future__ import annotations

import json

import pytest

from sources.errors import ParseError
from sources.http import HttpClient
from sources.openrouter import SOURCE
from tests.conftest import seed_bytes
from warehouse.ingest import ingest_source
from warehouse.models import build, sql_model

MODELS = SOURCE.endpoint("models")
USAGE = SOURCE.endpoint("usage_rankings")
MODELS_SEED = "openrouter_models_2026-08-01.json"
USAGE_SEED = "usage_rankings_2026-08-06.json"


def _edited(model_id: str, edit) -> bytes:
    """The recorded API response with `edit(model)` applied to one model."""
    document = json.loads(seed_bytes(SOURCE, MODELS_SEED))
    edit(next(m for m in document["data"] if m["id"] == model_id))
    return json.dumps(document).encode()


def _price(**prices):
    return lambda model: model["pricing"].update(prices)


def test_seeds_parse():
    models = MODELS.parse(seed_bytes(SOURCE, MODELS_SEED))
    assert models.height == 336
    o3 = models.filter(id="openai/o3").row(0, named=True)
    prices = (o3["pricing__prompt"], o3["pricing__completion"], o3["pricing__input_cache_read"])
    assert prices == (2e-06, 8e-06, 5e-07)
    assert (o3["canonical_slug"], o3["created"]) == ("openai/o3-2025-04-16", 1744823457)
    usage = USAGE.parse(seed_bytes(SOURCE, USAGE_SEED))
    assert usage.height == 62
    assert usage.row(0) == ("deepseek-v4-flash", 764513653844.8572)


def test_variable_price_is_kept_as_minus_one_in_raw():
    models = MODELS.parse(seed_bytes(SOURCE, MODELS_SEED))
    routers = models.filter(models["pricing__prompt"] == -1)["id"].sort().to_list()
    assert routers == [
        "openrouter/auto",
        "openrouter/auto-beta",
        "openrouter/bodybuilder",
        "openrouter/fusion",
        "openrouter/pareto-code",
    ]


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (_price(prompt="free"), "pricing__prompt"),
        (_price(completion="NaN"), "pricing__completion"),
        (_price(input_cache_read=""), "pricing__input_cache_read"),
        (_price(web_search=None), "pricing__web_search"),
        (_price(overrides=[{"prompt": "0.000004"}]), "pricing__overrides"),
        (_price(overrides=[{"min_prompt_tokens": 200000, "prompt": "4 USD"}]), "pricing__overrides__prompt"),
    ],
    ids=["word", "nan", "empty", "null", "tier-without-threshold", "tier-price"],
)
def test_a_price_that_is_not_a_number_names_the_field_and_the_model(edit, field):
    with pytest.raises(ParseError) as error:
        MODELS.parse(_edited("openai/o3", edit))
    assert error.value.field == field
    assert "openai/o3" in error.value.message


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda m: m["pricing"].pop("prompt"), "pricing__prompt"),
        (lambda m: m.pop("pricing"), "pricing"),
        (lambda m: m.pop("id"), "id"),
        (lambda m: m.update(context_length="1M"), "context_length"),
    ],
    ids=["no-prompt", "no-pricing", "no-id", "text-count"],
)
def test_missing_or_mistyped_field(edit, field):
    with pytest.raises(ParseError) as error:
        MODELS.parse(_edited("openai/o3", edit))
    assert error.value.field == field


@pytest.mark.parametrize(
    ("payload", "field"),
    [(b'{"data": []}', "data"), (b'{"models": []}', "data"), (b'{"data": {"id": "x"}}', "data")],
    ids=["empty", "renamed", "not-a-list"],
)
def test_wrong_shape(payload, field):
    with pytest.raises(ParseError) as error:
        MODELS.parse(payload)
    assert error.value.field == field


@pytest.mark.parametrize(
    ("payload", "field"),
    [(b"{}", "<records>"), (b'["gpt-5-5"]', "<body>"), (b'{"gpt-5-5": "lots"}', "tokens_per_day")],
    ids=["empty", "list", "text-count"],
)
def test_bad_usage_rankings(payload, field):
    with pytest.raises(ParseError) as error:
        USAGE.parse(payload)
    assert error.value.field == field


def test_staging(con, archive):
    ingest_source(con, SOURCE, archive, HttpClient(), offline=True)
    for table in ("staging.stg_openrouter__prices", "staging.stg_openrouter__usage_rankings"):
        build(con, sql_model(table))
    prices = con.sql("SELECT * FROM staging.stg_openrouter__prices").pl()
    assert prices.height == 933
    o3 = prices.filter(model_name="openai/o3")
    assert dict(o3.select("price_type", "usd_per_mtok").rows()) == {
        "input": 2.0,
        "output": 8.0,
        "cached_input": 0.5,
    }
    assert o3.select("vendor", "is_variable_price", "variant").unique().rows() == [("openai", False, None)]
    # "-1": variable price, never a negative one
    auto = prices.filter(model_name="openrouter/auto")
    assert auto.select("price_type", "usd_per_mtok", "is_variable_price").sort("price_type").rows() == [
        ("input", None, True),
        ("output", None, True),
    ]
    assert prices.filter(prices["usd_per_mtok"] < 0).is_empty()
    free = prices.filter(model_name="openai/gpt-oss-20b:free", price_type="input").row(0, named=True)
    assert (free["usd_per_mtok"], free["is_free_variant"], free["variant"], free["base_model_name"]) == (
        0.0,
        True,
        "free",
        "openai/gpt-oss-20b",
    )
    alias = prices.filter(model_name="~openai/gpt-latest", price_type="input").row(0, named=True)
    assert (alias["vendor"], alias["alias_of"]) == ("openai", "openai/gpt-5.6-sol")
    qwen = prices.filter(model_name="qwen/qwen3-max", price_type="input").row(0, named=True)
    assert (qwen["usd_per_mtok"], qwen["prompt_tiers"]) == (
        0.78,
        [
            {"min_prompt_tokens": 32000, "usd_per_mtok": 1.56},
            {"min_prompt_tokens": 128000, "usd_per_mtok": 1.95},
        ],
    )
    usage = con.sql("SELECT * FROM staging.stg_openrouter__usage_rankings ORDER BY usage_rank").pl()
    assert usage.height == 62 and usage.row(0, named=True)["slug"] == "deepseek-v4-flash"
