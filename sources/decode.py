"""Decoding raw bytes into Python values, with errors that say what the body looked like."""

from __future__ import annotations

import io
import json

import yaml

from sources.errors import ParseError


def _looks_like_html(payload: bytes) -> bool:
    head = payload[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _guard(payload: bytes, kind: str) -> None:
    if not payload.strip():
        raise ParseError("<body>", f"empty body where {kind} was expected")
    if _looks_like_html(payload):
        raise ParseError("<body>", f"an HTML page where {kind} was expected")


def json_body(payload: bytes):
    _guard(payload, "JSON")
    try:
        return json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParseError("<body>", f"malformed or truncated JSON: {exc}") from None


def yaml_body(payload: bytes):
    _guard(payload, "YAML")
    try:
        value = yaml.safe_load(io.BytesIO(payload))
    except yaml.YAMLError as exc:
        raise ParseError("<body>", f"malformed or truncated YAML: {exc}".splitlines()[0]) from None
    if not isinstance(value, dict | list):
        raise ParseError("<body>", f"YAML document is a {type(value).__name__}, not a map or list")
    return value


def json_lines(payload: bytes) -> list[dict]:
    """One JSON object per line. A truncated last line is an error, never a silently dropped run."""
    _guard(payload, "JSON lines")
    records = []
    for number, line in enumerate(payload.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ParseError("<body>", f"line {number} is not valid JSON (truncated?): {exc}") from None
        if not isinstance(record, dict):
            raise ParseError("<body>", f"line {number} is a {type(record).__name__}, not an object")
        records.append(record)
    return records


def require_key(mapping, key: str, where: str = "top level"):
    """mapping[key], or a ParseError naming the missing field."""
    if not isinstance(mapping, dict):
        raise ParseError(key, f"expected a map at {where}, got {type(mapping).__name__}")
    if key not in mapping:
        raise ParseError(key, f"missing at {where} (found: {', '.join(sorted(map(str, mapping))[:8])})")
    return mapping[key]
