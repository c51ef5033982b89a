"""SWE-bench site data -> flat records. Field names are SWE-bench's own; staging renames them."""

from __future__ import annotations

import ast
import json

from sources.decode import json_body, require_key
from sources.errors import ParseError
from sources.schema import flatten

# List fields, and whether a lone string stands for a one-item list (`site` is one URL or several).
# Checked here because polars would silently split a string into a list of characters.
_LIST_FIELDS = {"tags": False, "logo": False, "site": True}


def leaderboards(payload: bytes) -> list[dict]:
    """`leaderboards.json`: one record per leaderboard × submission.

    `per_instance_details` (a map, or a stringified map, of instance -> {api_calls, cost, resolved},
    500 entries per run) is not loaded as such: it is reduced to the counts and sums declared as
    `per_instance_details__*`. `info_for_leaderboard.json` carries the per-instance rows.
    """
    boards = require_key(json_body(payload), "leaderboards")
    if not isinstance(boards, list) or not boards:
        raise ParseError("leaderboards", "expected a non-empty list of leaderboards")
    records = []
    for index, board in enumerate(boards):
        where = f"leaderboards[{index}]"
        require_key(board, "name", where)
        results = require_key(board, "results", where)
        if not isinstance(results, list):
            raise ParseError("results", f"{where}: expected a list, got {type(results).__name__}")
        context = flatten({k: v for k, v in board.items() if k != "results"}, "leaderboard__")
        for position, result in enumerate(results):
            if not isinstance(result, dict):
                raise ParseError(f"{where}.results[{position}]", "expected a map")
            details = result.get("per_instance_details")
            record = {**context, **flatten({k: v for k, v in result.items() if k != "per_instance_details"})}
            for field, lone_string in _LIST_FIELDS.items():
                if field in record:
                    record[field] = _string_list(field, record[field], lone_string)
            if details is not None:
                record.update(_instance_summary(details))
            records.append(record)
    return records


def instance_results(payload: bytes) -> list[dict]:
    """`info_for_leaderboard.json`: {model: {instance_id: {resolved, cost, api_calls}}} -> one record per
    model × instance."""
    document = json_body(payload)
    if not isinstance(document, dict):
        raise ParseError("<body>", f"expected a map of model -> instances, got {type(document).__name__}")
    records = []
    for model, instances in document.items():
        if not isinstance(instances, dict):
            kind = type(instances).__name__
            raise ParseError(str(model), f"expected a map of instance -> result, got {kind}")
        for instance_id, result in instances.items():
            if not isinstance(result, dict):
                raise ParseError(f"{model}.{instance_id}", "expected a map")
            records.append({**flatten(result), "model": str(model), "instance_id": str(instance_id)})
    return records


def _string_list(field: str, value, lone_string: bool) -> list[str] | None:
    if value is None or isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    if lone_string and isinstance(value, str):
        return [value]
    raise ParseError(field, f"value {value!r} is not a list of strings")


def _instance_summary(details) -> dict:
    """Counts and sums over `per_instance_details`; a sum is NULL unless every instance has the field."""
    field = "per_instance_details"
    if isinstance(details, str):
        details = _literal_map(details)
    if not isinstance(details, dict) or not details:
        raise ParseError(field, f"expected a non-empty map of instance -> result, got {details!r:.80}")
    resolved = 0
    costs: list[float] = []
    calls: list[int] = []
    for instance, result in details.items():
        if not isinstance(result, dict) or not isinstance(result.get("resolved"), bool):
            raise ParseError(f"{field}.{instance}.resolved", f"expected a boolean in {result!r}")
        resolved += result["resolved"]
        cost, api_calls = result.get("cost"), result.get("api_calls")
        if cost is not None:
            if isinstance(cost, bool) or not isinstance(cost, int | float):
                raise ParseError(f"{field}.{instance}.cost", f"value {cost!r} is not a number")
            costs.append(cost)
        if api_calls is not None:
            if isinstance(api_calls, bool) or not isinstance(api_calls, int):
                raise ParseError(f"{field}.{instance}.api_calls", f"value {api_calls!r} is not an integer")
            calls.append(api_calls)
    return {
        f"{field}__instances": len(details),
        f"{field}__resolved": resolved,
        f"{field}__cost": sum(costs) if len(costs) == len(details) else None,
        f"{field}__api_calls": sum(calls) if len(calls) == len(details) else None,
    }


def _literal_map(text: str):
    """A stringified map: JSON, or a Python dict literal (True/False, single quotes)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        raise ParseError("per_instance_details", f"not a JSON or Python map literal: {text[:80]!r}") from None
