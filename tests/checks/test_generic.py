"""Freshness, volume and schema drift read the fetch ledger the same way for every source."""

from __future__ import annotations

import datetime as dt

from checks.generic import freshness, schema_drift, volume

NOW = dt.datetime(2026, 12, 6, 12, 0)


def _log(con, fetched_at, origin="live", sha="a" * 64, error=None):
    con.execute(
        "INSERT INTO raw.fetch_log (fetch_id, source, endpoint, url, fetched_at, origin, sha256, error) "
        "VALUES (?, 'demo', 'demo/x', 'https://example.org/x', ?, ?, ?, ?)",
        [f"{fetched_at}{origin}{error}", fetched_at, origin, None if error else sha, error],
    )


def _payload(con, sha, first_seen, rows, fields):
    con.execute(
        "INSERT INTO raw.payloads VALUES ('demo/x', ?, 'demo', 'raw.demo__x', ?, 'u', ?, ?, now()::TIMESTAMP)",
        [sha, first_seen, rows, fields],
    )


def test_freshness_fails_without_any_live_fetch(con):
    _log(con, NOW, origin="seed")
    outcome = freshness(con, "demo/x", NOW)
    assert not outcome.passed and "never been fetched live" in outcome.summary


def test_freshness_passes_within_36_hours_and_fails_after(con):
    _log(con, NOW - dt.timedelta(hours=30))
    assert freshness(con, "demo/x", NOW).passed
    outcome = freshness(con, "demo/x", NOW + dt.timedelta(hours=10))
    assert not outcome.passed and "stale" in outcome.summary


def test_freshness_ignores_failed_fetches_and_lists_them(con):
    _log(con, NOW - dt.timedelta(days=3))
    _log(con, NOW - dt.timedelta(hours=1), error="HTTP 500")
    outcome = freshness(con, "demo/x", NOW)
    assert not outcome.passed
    assert outcome.failing_rows[0]["error"] == "HTTP 500"


def test_volume_fails_on_a_drop_of_half_or_more(con):
    _payload(con, "a", NOW - dt.timedelta(days=1), 100, [])
    _payload(con, "b", NOW, 50, [])
    outcome = volume(con, "demo/x")
    assert not outcome.passed and outcome.details["change"] == -0.5
    assert [r["rows"] for r in outcome.failing_rows] == [50, 100]


def test_volume_passes_on_growth_and_small_drops(con):
    _payload(con, "a", NOW - dt.timedelta(days=1), 100, [])
    _payload(con, "b", NOW, 60, [])
    assert volume(con, "demo/x").passed
    assert volume(con, "demo/unknown").passed


def test_schema_drift_reports_new_and_vanished_fields(con):
    declared = frozenset({"model", "score", "cost"})
    _payload(con, "a", NOW - dt.timedelta(days=1), 10, ["cost", "model", "score"])
    assert schema_drift(con, "demo/x", declared).passed
    _payload(con, "b", NOW, 10, ["model", "score", "score_v2"])
    outcome = schema_drift(con, "demo/x", declared)
    assert not outcome.passed
    assert {(r["field"], r["change"].split(",")[0]) for r in outcome.failing_rows} == {
        ("score_v2", "new"),
        ("cost", "gone since the previous snapshot"),
    }
