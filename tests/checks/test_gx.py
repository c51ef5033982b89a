"""The GX runner: declared suites become GX 1.x validations; failing rows come back by key."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from checks.gx import Suite, at_most, between, non_empty, not_in_future, positive, unique, validate
from checks.suites import all_suites


def _suite(*expectations) -> Suite:
    return Suite("demo", "demo.table", ("model",), expectations)


def test_passing_suite():
    frame = pd.DataFrame({"model": ["a", "b"], "p50": [10.0, 20.0], "p80": [2.0, 5.0]})
    outcome = validate(_suite(non_empty(), unique("model"), positive("p50"), at_most("p80", "p50")), frame)
    assert outcome.passed and "4 expectations met on 2 rows" in outcome.summary


def test_failing_rows_are_named_by_key():
    frame = pd.DataFrame(
        {
            "model": ["a", "b", "c"],
            "p50": [10.0, -1.0, 5.0],
            "p80": [2.0, -2.0, 9.0],
            "score": [0.5, 0.2, 1.5],
        }
    )
    outcome = validate(_suite(positive("p50"), at_most("p80", "p50"), between("score", 0, 1)), frame)
    assert not outcome.passed
    failing = {(row["expectation"], row["model"]) for row in outcome.failing_rows}
    assert failing == {("p50 > 0", "b"), ("p80 ≤ p50", "c"), ("score in [0, 1]", "c")}
    assert "3 of 3 expectations failed" in outcome.summary


def test_empty_table_fails_non_empty_and_future_dates_fail():
    assert not validate(_suite(non_empty()), pd.DataFrame({"model": []})).passed
    tomorrow = dt.datetime.now() + dt.timedelta(days=2)
    frame = pd.DataFrame({"model": ["a"], "release_date": [pd.Timestamp(tomorrow)]})
    outcome = validate(_suite(not_in_future("release_date")), frame)
    assert not outcome.passed and outcome.failing_rows[0]["model"] == "a"


def test_missing_column_is_a_failure_not_a_crash():
    outcome = validate(_suite(positive("nope")), pd.DataFrame({"model": ["a"]}))
    assert not outcome.passed and any("error" in row for row in outcome.failing_rows)


def test_every_suite_declares_a_table_and_builds():
    suites = all_suites()
    assert "staging.stg_metr__runs" in suites
    for table, build in suites.items():
        suite = build()
        assert suite.table == table and suite.expectations
