"""Aider leaderboard YAML -> flat records. Field names are Aider's own; staging renames them."""

from __future__ import annotations

from sources.decode import yaml_body
from sources.errors import ParseError
from sources.schema import flatten


def leaderboard(payload: bytes) -> list[dict]:
    """`*_leaderboard.yml`: a list of run entries -> one record per entry, as published.

    The same model may appear several times (other edit format, effort or date); every entry is kept.
    """
    entries = yaml_body(payload)
    if not isinstance(entries, list):
        raise ParseError("<body>", f"expected a list of leaderboard entries, got {type(entries).__name__}")
    records = []
    for position, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ParseError(f"[{position}]", f"expected a map, got {type(entry).__name__}")
        records.append(flatten(entry))
    return records
