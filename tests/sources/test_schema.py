"""Declared schemas: values are cast as declared or refused naming the field and the record."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from sources.errors import ParseError
from sources.schema import Column, flatten, observed_fields, to_frame

COLUMNS = (
    Column("name", pl.String, required=True),
    Column("count", pl.Int64),
    Column("price", pl.Float64),
    Column("day", pl.Date),
    Column("at", pl.Datetime("ms")),
    Column("ok", pl.Boolean),
    Column("tags", pl.List(pl.String)),
)


def test_casts_declared_types_and_ignores_undeclared_keys():
    frame = to_frame(
        [
            {
                "name": "a",
                "count": "3",
                "price": "0.5",
                "day": "2025-01-02",
                "at": 1_700_000_000_000,
                "ok": "true",
                "tags": ["x"],
                "extra": 1,
            }
        ],
        COLUMNS,
    )
    assert frame.columns == [c.name for c in COLUMNS]
    row = frame.row(0, named=True)
    assert row["count"] == 3 and row["price"] == 0.5 and row["day"] == dt.date(2025, 1, 2)
    assert row["at"] == dt.datetime(2023, 11, 14, 22, 13, 20) and row["ok"] is True and row["tags"] == ["x"]


@pytest.mark.parametrize(
    ("record", "field", "message"),
    [
        ({"count": 1}, "name", "required but missing"),
        ({"name": "a", "count": 1.5}, "count", "not a whole number"),
        ({"name": "a", "price": "cheap"}, "price", "not a number"),
        ({"name": "a", "price": "nan"}, "price", "not a finite number"),
        ({"name": "a", "price": True}, "price", "boolean"),
        ({"name": "a", "day": "yesterday"}, "day", "not an ISO date"),
        ({"name": "a", "ok": "maybe"}, "ok", "not a boolean"),
        ({"name": "a", "tags": "abc"}, "tags", "expected a list"),
    ],
)
def test_bad_values_name_the_field_and_the_record(record, field, message):
    with pytest.raises(ParseError) as caught:
        to_frame([{"name": "ok"}, record], COLUMNS)
    assert caught.value.field == field and message in caught.value.message
    if field != "name":
        assert "(record 1)" in caught.value.message


def test_empty_payload_is_an_error():
    with pytest.raises(ParseError, match="no records"):
        to_frame([], COLUMNS)


def test_flatten_and_observed_fields():
    flat = flatten({"a": {"b": 1, "c": {"d": [1, 2]}}, "e": None})
    assert flat == {"a__b": 1, "a__c__d": [1, 2], "e": None}
    assert observed_fields([{"x": 1}, {"y": 2}]) == {"x", "y"}
