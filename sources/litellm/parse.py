"""LiteLLM's price map -> flat records. Field names are LiteLLM's own; staging renames them."""

from __future__ import annotations

from sources.decode import json_body
from sources.errors import ParseError
from sources.schema import flatten

# The map's first entry documents the schema with placeholder strings; it is not a model.
SAMPLE_SPEC = "sample_spec"


def model_prices(payload: bytes) -> list[dict]:
    """`model_prices_and_context_window.json`: `{<model key>: {field: value}}` -> one record per key.

    Nested maps are flattened (`metadata.notes` -> `metadata__notes`); lists are kept as JSON text.
    Value types are left to the declared schema, which takes numbers, numeric strings ("3e-07", as
    LiteLLM itself float()s them) and "true"/"false", and rejects anything else naming the field.
    """
    document = json_body(payload)
    if not isinstance(document, dict):
        raise ParseError("<body>", f"expected a map of model -> prices, got {type(document).__name__}")
    records = []
    for model, entry in document.items():
        if model == SAMPLE_SPEC:
            continue
        if not isinstance(entry, dict):
            raise ParseError(model, f"expected a map of fields, got {type(entry).__name__}: {entry!r}")
        records.append({**flatten(entry), "model": model})
    return records
