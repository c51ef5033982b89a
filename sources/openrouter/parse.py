"""OpenRouter payloads -> flat records. Field names are OpenRouter's own; staging renames them."""

from __future__ import annotations

import math

from sources.decode import json_body, require_key
from sources.errors import ParseError
from sources.schema import flatten


def models(payload: bytes) -> list[dict]:
    """`/api/v1/models`: one record per `data[]` entry, nested maps flattened (`pricing__prompt`).

    Prices are strings of USD per token; "-1" is OpenRouter's marker for variable pricing (router
    models) and is kept as -1 for staging to turn into a flag. A price that is not a finite number
    is a ParseError naming the field and the model. `pricing.overrides` (long-prompt tiers) is kept
    as JSON text, its prices checked the same way.
    """
    data = require_key(json_body(payload), "data")
    if not isinstance(data, list) or not data:
        raise ParseError("data", "expected a non-empty list of models")
    records = []
    for index, model in enumerate(data):
        if not isinstance(model, dict):
            raise ParseError("data", f"entry {index} is a {type(model).__name__}, not a map")
        model_id = require_key(model, "id", f"data[{index}]")
        pricing = require_key(model, "pricing", f"model {model_id!r}")
        if not isinstance(pricing, dict):
            raise ParseError("pricing", f"model {model_id!r}: expected a map, got {pricing!r}")
        for key, value in pricing.items():
            if key == "overrides":
                _check_tiers(model_id, value)
            else:
                _check_price(model_id, f"pricing__{key}", value)
        records.append(flatten(model))
    return records


def usage_rankings(payload: bytes) -> list[dict]:
    """token-tariff's `usage_rankings.json`: `{<model slug>: tokens per day}` -> one record per slug."""
    rankings = json_body(payload)
    if not isinstance(rankings, dict):
        raise ParseError("<body>", f"expected a map of slug -> tokens/day, got {type(rankings).__name__}")
    return [{"slug": slug, "tokens_per_day": tokens} for slug, tokens in rankings.items()]


def _check_price(model_id: str, field: str, value) -> None:
    """A price must read as a finite number (normally a string such as "0.000002")."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        try:
            if math.isfinite(float(value)):
                return
        except ValueError:
            pass
    raise ParseError(field, f"model {model_id!r}: {value!r} is not a price (USD per token as a number)")


def _check_tiers(model_id: str, tiers) -> None:
    """`overrides`: [{min_prompt_tokens: int, prompt: "...", completion: "...", ...}, ...]."""
    if not isinstance(tiers, list):
        raise ParseError("pricing__overrides", f"model {model_id!r}: expected a list, got {tiers!r}")
    for tier in tiers:
        threshold = tier.get("min_prompt_tokens") if isinstance(tier, dict) else None
        if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 0:
            raise ParseError("pricing__overrides", f"model {model_id!r}: no min_prompt_tokens in {tier!r}")
        for key, value in tier.items():
            if key != "min_prompt_tokens":
                _check_price(model_id, f"pricing__overrides__{key}", value)
