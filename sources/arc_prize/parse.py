"""ARC Prize leaderboard payloads -> flat records: the official evaluations file and the third-party
derived YAML files. Field names are the payloads' own; staging renames them."""

from __future__ import annotations

from sources.decode import json_body, require_key, yaml_body
from sources.errors import ParseError
from sources.schema import flatten


def evaluations(payload: bytes) -> list[dict]:
    """Official `evaluations.json`: a list of {datasetId, modelId, score (0..1), costPerTask, display, ...}
    -> one record per row, as published. A score outside 0..1 means the unit changed: it is an error."""
    rows = json_body(payload)
    if not isinstance(rows, list):
        raise ParseError("<body>", f"expected a list of evaluations, got {type(rows).__name__}")
    records = []
    for position, row in enumerate(rows):
        if not isinstance(row, dict):
            raise ParseError(f"[{position}]", f"expected a map, got {type(row).__name__}")
        score = row.get("score")
        if isinstance(score, int | float) and not isinstance(score, bool) and not 0 <= score <= 1:
            raise ParseError("score", f"value {score!r} at row {position} is outside 0..1 (a fraction)")
        records.append(flatten(row))
    return records


def derived(payload: bytes) -> list[dict]:
    """all-the-benchmarks `arc-agi-*.yaml`: {results: {name: score %}, cost_per_task: {name: USD}} plus
    file-level fields -> one record per display name (`model`) with its score and cost."""
    document = yaml_body(payload)
    scores = _name_map(document, "results")
    costs = _name_map(document, "cost_per_task")
    unscored = sorted(set(costs) - set(scores))
    if unscored:
        raise ParseError("results", f"no score for {len(unscored)} names with a cost, e.g. {unscored[0]!r}")
    header = flatten({k: v for k, v in document.items() if k not in ("results", "cost_per_task")})
    return [
        {**header, "model": str(name), "results": score, "cost_per_task": costs.get(name)}
        for name, score in scores.items()
    ]


def _name_map(document, key: str) -> dict:
    value = require_key(document, key)
    if not isinstance(value, dict):
        raise ParseError(key, f"expected a map of display name -> value, got {type(value).__name__}")
    return value
