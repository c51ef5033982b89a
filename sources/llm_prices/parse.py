"""llm-prices vendor files -> flat records. Field names are llm-prices' own; staging renames them."""

from __future__ import annotations

from sources.decode import json_body, require_key
from sources.errors import ParseError
from sources.schema import flatten


def vendor_prices(payload: bytes) -> list[dict]:
    """`data/<vendor>.json`: one record per model × `price_history` entry.

    A record carries the entry's fields (input, output, input_cached, from_date, to_date and any new
    ones, which the schema-drift check reports), the model's fields (id, name) and the file's vendor.
    """
    document = json_body(payload)
    vendor = require_key(document, "vendor")
    models = require_key(document, "models")
    if not isinstance(models, list) or not models:
        raise ParseError("models", "expected a non-empty list of models")
    records = []
    for index, model in enumerate(models):
        if not isinstance(model, dict):
            raise ParseError("models", f"entry {index} is a {type(model).__name__}, not a map")
        model_id = require_key(model, "id", f"models[{index}]")
        history = require_key(model, "price_history", f"model {model_id!r}")
        if not isinstance(history, list) or not history:
            raise ParseError("price_history", f"model {model_id!r}: expected a non-empty list of prices")
        fields = flatten({k: v for k, v in model.items() if k != "price_history"})
        for entry in history:
            if not isinstance(entry, dict):
                raise ParseError("price_history", f"model {model_id!r}: an entry is not a map: {entry!r}")
            records.append({**flatten(entry), **fields, "vendor": vendor})
    return records
