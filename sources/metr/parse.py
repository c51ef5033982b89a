"""METR payloads -> flat records. Field names are METR's own; staging renames them."""

from __future__ import annotations

from sources.decode import json_lines, require_key, yaml_body
from sources.errors import ParseError
from sources.schema import flatten


def benchmark_results(payload: bytes) -> list[dict]:
    """`benchmark_results_1_*.yaml`: one record per model key under `results`.

    Both schema generations: 1.0 (`METR-Horizon-v1`, with `metrics.usage`) and 1.1 (per-result
    `benchmark_name`, top-level `doubling_time_in_days`, `usage` later removed).
    """
    document = yaml_body(payload)
    benchmark_name = require_key(document, "benchmark_name")
    results = require_key(document, "results")
    if not isinstance(results, dict):
        raise ParseError("results", f"expected a map of model -> result, got {type(results).__name__}")
    records = []
    for model, result in results.items():
        if not isinstance(result, dict):
            raise ParseError(f"results.{model}", "expected a map")
        record = {
            "benchmark_name": benchmark_name,
            "long_tasks_version": document.get("long_tasks_version"),
            "swaa_version": document.get("swaa_version"),
            **flatten(result),
            "model": str(model),
        }
        records.append(record)
    return records


def release_dates(payload: bytes) -> list[dict]:
    """`release_dates.yaml`: `date: {<alias>: YYYY-MM-DD}` -> one record per alias."""
    dates = require_key(yaml_body(payload), "date")
    if not isinstance(dates, dict):
        raise ParseError("date", f"expected a map of alias -> date, got {type(dates).__name__}")
    return [{"alias": str(alias), "release_date": date} for alias, date in dates.items()]


def runs(payload: bytes) -> list[dict]:
    """`runs.jsonl` / `all_runs.jsonl`: one record per run, as published."""
    return json_lines(payload)
