"""Run a declared expectation suite with Great Expectations 1.x on a pandas frame.

Suites are declared as plain data (`Expect(...)`) so that importing a suite costs nothing; GX itself
(3–6 s to import) is loaded only when a validation runs. GX's SQL path on DuckDB swallows errors, so
tables are validated as pandas frames (`con.sql(q).df()`).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas costs over a second to import: only the checks that run need it
    import pandas as pd

from checks.outcome import CheckOutcome


@dataclass(frozen=True)
class Expect:
    """One expectation: the GX class name (e.g. "ExpectColumnValuesToBeBetween") and its arguments."""

    kind: str
    why: str
    kwargs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Suite:
    name: str
    table: str
    key_columns: tuple[str, ...]  # identify a failing row
    expectations: tuple[Expect, ...]
    query: str | None = None  # what to validate, when more than the table (e.g. with window columns)

    @property
    def sql(self) -> str:
        return self.query or f"SELECT * FROM {self.table}"


@cache
def _context():
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    batch = context.data_sources.add_pandas("frontier").add_dataframe_asset("table")
    return context, batch.add_batch_definition_whole_dataframe("whole")


def validate(suite: Suite, frame: pd.DataFrame) -> CheckOutcome:
    import great_expectations as gx

    context, batch_definition = _context()
    gx_suite = gx.ExpectationSuite(name=suite.name)
    for expect in suite.expectations:
        gx_suite.add_expectation(
            getattr(gx.expectations, expect.kind)(**expect.kwargs, meta={"why": expect.why})
        )
    keys = [c for c in suite.key_columns if c in frame.columns]
    result = batch_definition.get_batch(batch_parameters={"dataframe": frame}).validate(
        gx_suite,
        result_format={"result_format": "COMPLETE", "unexpected_index_column_names": keys},
    )
    failing_rows, failed = [], []
    for item in result.results:
        if item.success:
            continue
        why = item.expectation_config.meta["why"]
        error = _exception_message(item.exception_info)
        count = item.result.get("unexpected_count")
        failed.append(f"{why} ({error or f'{count} rows'})")
        for row in (item.result.get("unexpected_index_list") or [])[:50]:
            failing_rows.append({"expectation": why, **_plain(row)})
        if error:
            failing_rows.append({"expectation": why, "error": error})
    evaluated = len(suite.expectations)
    if not failed:
        return CheckOutcome(True, f"{evaluated} expectations met on {len(frame)} rows of {suite.table}")
    return CheckOutcome(
        False,
        f"{len(failed)} of {evaluated} expectations failed on {suite.table}: " + "; ".join(failed),
        failing_rows,
    )


def _exception_message(info) -> str | None:
    """GX reports an exception either flat or keyed by the metric that raised it."""
    if not isinstance(info, dict):
        return None
    if info.get("exception_message"):
        return info["exception_message"]
    nested = [v.get("exception_message") for v in info.values() if isinstance(v, dict)]
    return next((m for m in nested if m), None)


def _plain(row) -> dict:
    if not isinstance(row, dict):
        return {"row": str(row)}
    return {
        k: (v.isoformat() if hasattr(v, "isoformat") else v.item() if hasattr(v, "item") else v)
        for k, v in row.items()
    }


# -- the expectations our suites use, named for what they mean -------------------------------------


def non_empty() -> Expect:
    return Expect("ExpectTableRowCountToBeBetween", "table has rows", {"min_value": 1})


def unique(*columns: str) -> Expect:
    if len(columns) == 1:
        return Expect("ExpectColumnValuesToBeUnique", f"{columns[0]} is unique", {"column": columns[0]})
    return Expect(
        "ExpectCompoundColumnsToBeUnique",
        f"({', '.join(columns)}) is unique",
        {"column_list": list(columns)},
    )


def not_null(column: str) -> Expect:
    return Expect("ExpectColumnValuesToNotBeNull", f"{column} is present", {"column": column})


def between(column: str, low=None, high=None, *, strict_low: bool = False) -> Expect:
    bounds = f"{'>' if strict_low else '≥'} {low}" if high is None else f"in [{low}, {high}]"
    if low is None:
        bounds = f"≤ {high}"
    return Expect(
        "ExpectColumnValuesToBeBetween",
        f"{column} {bounds}",
        {"column": column, "min_value": low, "max_value": high, "strict_min": strict_low},
    )


def positive(column: str) -> Expect:
    return between(column, 0, strict_low=True)


def non_negative(column: str) -> Expect:
    return between(column, 0)


def in_set(column: str, values: list) -> Expect:
    return Expect(
        "ExpectColumnValuesToBeInSet", f"{column} in {values}", {"column": column, "value_set": values}
    )


def at_most(smaller: str, larger: str) -> Expect:
    """smaller ≤ larger on every row where both are present."""
    return Expect(
        "ExpectColumnPairValuesAToBeGreaterThanB",
        f"{smaller} ≤ {larger}",
        {
            "column_A": larger,
            "column_B": smaller,
            "or_equal": True,
            "ignore_row_if": "either_value_is_missing",
        },
    )


def where(expect: Expect, condition: str) -> Expect:
    """The same expectation, on the rows matching a pandas query condition only."""
    return Expect(
        expect.kind,
        f"{expect.why} where {condition}",
        {**expect.kwargs, "row_condition": condition, "condition_parser": "pandas"},
    )


def not_in_future(column: str) -> Expect:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return Expect(
        "ExpectColumnValuesToBeBetween", f"{column} not in the future", {"column": column, "max_value": now}
    )
