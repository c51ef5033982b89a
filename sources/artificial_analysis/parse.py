"""Artificial Analysis model data -> flat records, from the API or from token-tariff's reduced copies.

The `models` endpoint accepts two shapes and maps both onto the API's own (flattened) field names:
- the API: `{"status": 200, "data": [{"slug", "name", "model_creator": {...}, "evaluations": {...},
  "pricing": {...}, "median_output_tokens_per_second", ...}]}`;
- token-tariff's reduced form: `{<slug>: {"speed", "ttft", "intelligence", "coding"}}`.
Each record says which shape it came from in `payload_shape`. Anything else is a ParseError.
"""

from __future__ import annotations

from sources.decode import json_body, require_key
from sources.errors import ParseError
from sources.schema import flatten

API = "api"
REDUCED = "token_tariff_reduced"

# token-tariff's reduced keys -> the API field they were cut from.
REDUCED_FIELDS = {
    "speed": "median_output_tokens_per_second",
    "ttft": "median_time_to_first_token_seconds",
    "intelligence": "evaluations__artificial_analysis_intelligence_index",
    "coding": "evaluations__artificial_analysis_coding_index",
}
OPENROUTER_FIELDS = ("intelligence", "coding", "agentic")


def models(payload: bytes) -> list[dict]:
    """One record per model, in the API's field names, whichever shape the payload has."""
    document = json_body(payload)
    if isinstance(document, dict) and "data" in document:
        return _api_records(document)
    if isinstance(document, dict) and document and all(isinstance(v, dict) for v in document.values()):
        return _reduced_records(document)
    raise ParseError(
        "<body>",
        "unknown shape: neither the API's {status, data: [...]} nor token-tariff's {slug: {speed, ttft, "
        f"intelligence, coding}} (got a {type(document).__name__})",
    )


def _api_records(document: dict) -> list[dict]:
    status = document.get("status", 200)
    if status != 200:
        raise ParseError("status", f"API answered status {status!r} in the body")
    data = document["data"]
    if not isinstance(data, list):
        raise ParseError("data", f"expected a list of models, got {type(data).__name__}")
    records = []
    for i, model in enumerate(data):
        if not isinstance(model, dict):
            raise ParseError(f"data[{i}]", f"expected an object, got {type(model).__name__}")
        require_key(model, "slug", f"data[{i}]")
        records.append({**flatten(model), "payload_shape": API})
    return records


def _reduced_records(document: dict) -> list[dict]:
    records = []
    for slug, entry in document.items():
        record = {"slug": slug, "payload_shape": REDUCED}
        for key in REDUCED_FIELDS:  # present, though a value may be null
            require_key(entry, key, f"model {slug!r}")
        # Unknown keys pass through under their own name, so the schema-drift check reports them.
        for key, value in entry.items():
            record[REDUCED_FIELDS.get(key, key)] = value
        records.append(record)
    return records


def openrouter_benchmark_scores(payload: bytes) -> list[dict]:
    """token-tariff's `benchmark_scores.json`: `{<openrouter id>: {intelligence, coding, agentic}}`."""
    document = json_body(payload)
    if not isinstance(document, dict):
        kind = type(document).__name__
        raise ParseError("<body>", f"expected a map of OpenRouter id -> scores, got {kind}")
    records = []
    for model_id, scores in document.items():
        for key in OPENROUTER_FIELDS:  # present, though a score may be null
            require_key(scores, key, f"model {model_id!r}")
        records.append({"id": model_id, **scores})
    return records
