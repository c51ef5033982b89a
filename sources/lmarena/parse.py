"""all-the-benchmarks' LMArena text file -> one record per model: `results: {<model>: <Elo>}`."""

from __future__ import annotations

from sources.decode import require_key, yaml_body
from sources.errors import ParseError


def text_derived(payload: bytes) -> list[dict]:
    """`lmarena-text.yaml`: the leaderboard's `benchmark` name beside each model's Elo."""
    document = yaml_body(payload)
    benchmark = require_key(document, "benchmark")
    results = require_key(document, "results")
    if not isinstance(results, dict):
        raise ParseError("results", f"expected a map of model -> Elo, got {type(results).__name__}")
    return [{"benchmark": benchmark, "model": str(model), "elo": elo} for model, elo in results.items()]
