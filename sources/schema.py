"""Declared schemas: turn parsed records into a typed polars frame, or fail naming the field.

Every parser extracts plain records (dicts) from its payload and hands them to `to_frame` with the
columns it declares. Nothing is inferred: a value that cannot be cast, or a required field that is
absent, is a `ParseError` naming the field, never a silently null column.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from sources.errors import ParseError


@dataclass(frozen=True)
class Column:
    name: str
    dtype: pl.DataType | type[pl.DataType]
    required: bool = False
    description: str = ""


def to_frame(records: Iterable[Mapping], columns: Sequence[Column]) -> pl.DataFrame:
    """Build a frame with exactly `columns`, in order, from records that may carry extra keys."""
    rows = list(records)
    if not rows:
        raise ParseError("<records>", "payload holds no records (empty list)")
    series = []
    for column in columns:
        values = [row.get(column.name) for row in rows]
        if column.required:
            missing = [i for i, v in enumerate(values) if v is None]
            if missing:
                raise ParseError(
                    column.name,
                    f"required but missing or null in {len(missing)} of {len(rows)} records "
                    f"(first at record {missing[0]})",
                )
        series.append(_typed_series(column, values))
    return pl.DataFrame(series)


def flatten(record: Mapping, prefix: str = "", sep: str = "__") -> dict:
    """Nested maps to one level, keys joined with `sep` (lists stay values): {"a": {"b": 1}} -> {"a__b": 1}."""
    flat: dict = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}{sep}", sep))
        else:
            flat[name] = value
    return flat


def observed_fields(records: Iterable[Mapping]) -> set[str]:
    """Every key that appears in any record: the input to the schema-drift check."""
    fields: set[str] = set()
    for row in records:
        fields.update(row.keys())
    return fields


def _typed_series(column: Column, values: list) -> pl.Series:
    convert = _converter(column.dtype)
    converted = []
    for index, value in enumerate(values):
        try:
            converted.append(convert(column.name, value))
        except ParseError as exc:
            raise ParseError(column.name, f"{exc.message} (record {index})") from None
    series = pl.Series(column.name, converted, dtype=column.dtype, strict=False)
    lost = [i for i, (v, s) in enumerate(zip(converted, series, strict=False)) if v is not None and s is None]
    if lost:
        raise ParseError(
            column.name, f"value {converted[lost[0]]!r} is not a valid {column.dtype} (record {lost[0]})"
        )
    return series


def _converter(dtype):
    if dtype == pl.Date:
        return _as_date
    if dtype == pl.Datetime or isinstance(dtype, pl.Datetime):
        return _as_datetime
    if dtype == pl.Boolean:
        return _as_bool
    if dtype == pl.Int64:
        return _as_whole_number
    if dtype == pl.Float64:
        return _as_number
    if dtype == pl.String:
        return lambda _, value: _as_string(value)
    if isinstance(dtype, pl.List):
        return _as_list
    return lambda _, value: value


def _as_string(value):
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list | dict):
        return json.dumps(value, default=str, sort_keys=True)
    return str(value)


def _as_number(name: str, value):
    if value is None or isinstance(value, bool):
        if isinstance(value, bool):
            raise ParseError(name, f"value {value!r} is a boolean, expected a number")
        return None
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise ParseError(name, f"value {value!r} is not a number") from None
    if not isinstance(value, int | float):
        raise ParseError(name, f"value {value!r} is not a number")
    if not math.isfinite(value):
        raise ParseError(name, f"value {value!r} is not a finite number")
    return value


def _as_list(name: str, value):
    if value is None or isinstance(value, list):
        return value
    raise ParseError(name, f"value {value!r} is a {type(value).__name__}, expected a list")


def _as_whole_number(name: str, value):
    number = _as_number(name, value)
    if number is not None and not float(number).is_integer():
        raise ParseError(name, f"value {value!r} is not a whole number")
    return None if number is None else int(number)


def _as_bool(name: str, value):
    if value is None or isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ParseError(name, f"value {value!r} is not a boolean")


def _as_date(name: str, value):
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise ParseError(name, f"value {value!r} is not an ISO date") from None
    raise ParseError(name, f"value {value!r} is not a date")


def _as_datetime(name: str, value):
    if value is None or isinstance(value, dt.datetime):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC).replace(tzinfo=None)
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            raise ParseError(name, f"value {value!r} is not an ISO timestamp") from None
    raise ParseError(name, f"value {value!r} is not a timestamp")
