"""Checks every source gets: freshness, volume and schema drift, read from the fetch ledger.

Each takes an open DuckDB connection and an endpoint key (`<source>/<name>`), and reads only
`raw.fetch_log` and `raw.payloads`, so they work the same for every source.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from checks.outcome import CheckOutcome

DEFAULT_MAX_AGE = dt.timedelta(hours=36)  # a nightly job may be late once, not twice
DEFAULT_MAX_DROP = 0.5


def freshness(
    con: duckdb.DuckDBPyConnection,
    endpoint: str,
    now: dt.datetime,
    max_age: dt.timedelta = DEFAULT_MAX_AGE,
) -> CheckOutcome:
    """Passes when the last successful live fetch is younger than `max_age`."""
    rows = con.execute(
        "SELECT max(fetched_at) FROM raw.fetch_log "
        "WHERE endpoint = ? AND origin = 'live' AND error IS NULL AND sha256 IS NOT NULL",
        [endpoint],
    ).fetchall()
    last_live = rows[0][0]
    failures = con.execute(
        "SELECT fetched_at, url, status, error FROM raw.fetch_log "
        "WHERE endpoint = ? AND error IS NOT NULL ORDER BY fetched_at DESC LIMIT 5",
        [endpoint],
    ).fetchall()
    failing_rows = [
        {"fetched_at": f[0].isoformat(), "url": f[1], "status": f[2], "error": f[3]} for f in failures
    ]
    if last_live is None:
        return CheckOutcome(
            False,
            f"{endpoint} has never been fetched live: it is served from the archive (seed or fallback)",
            failing_rows,
            {"last_live_fetch": None},
        )
    age = now - last_live
    hours = round(age.total_seconds() / 3600, 1)
    details = {"last_live_fetch": last_live.isoformat(), "age_hours": hours}
    if age > max_age:
        return CheckOutcome(
            False,
            f"{endpoint} is stale: last live fetch {hours} h ago (limit {max_age.total_seconds() / 3600:.0f} h)",
            failing_rows,
            details,
        )
    return CheckOutcome(True, f"{endpoint} fetched live {hours} h ago", [], details)


def _snapshots(con: duckdb.DuckDBPyConnection, endpoint: str) -> list[tuple]:
    return con.execute(
        "SELECT sha256, first_seen_at, rows, observed_fields FROM raw.payloads "
        "WHERE endpoint = ? ORDER BY first_seen_at DESC LIMIT 2",
        [endpoint],
    ).fetchall()


def volume(con: duckdb.DuckDBPyConnection, endpoint: str, max_drop: float = DEFAULT_MAX_DROP) -> CheckOutcome:
    """Fails when the newest snapshot has at least `max_drop` (50%) fewer rows than the one before."""
    snapshots = _snapshots(con, endpoint)
    if not snapshots:
        return CheckOutcome(True, f"{endpoint} has no snapshot yet", [], {"snapshots": 0})
    newest = snapshots[0]
    details = {"rows": newest[2], "snapshot": newest[0][:12], "snapshot_date": newest[1].date().isoformat()}
    if len(snapshots) == 1:
        return CheckOutcome(True, f"{endpoint}: first snapshot, {newest[2]} rows", [], details)
    previous = snapshots[1]
    details["previous_rows"] = previous[2]
    change = (newest[2] - previous[2]) / previous[2] if previous[2] else 0.0
    details["change"] = round(change, 3)
    rows = [{"snapshot": s[0][:12], "first_seen_at": s[1].isoformat(), "rows": s[2]} for s in snapshots]
    if change <= -max_drop:
        return CheckOutcome(
            False,
            f"{endpoint}: rows fell {-change:.0%} ({previous[2]} -> {newest[2]}), at least {max_drop:.0%}",
            rows,
            details,
        )
    return CheckOutcome(True, f"{endpoint}: {previous[2]} -> {newest[2]} rows ({change:+.0%})", [], details)


def schema_drift(con: duckdb.DuckDBPyConnection, endpoint: str, declared: frozenset[str]) -> CheckOutcome:
    """Fails when the newest payload has fields the schema does not declare, or lost declared
    fields the previous payload had. Undeclared fields are not loaded: they would be lost silently."""
    snapshots = _snapshots(con, endpoint)
    if not snapshots:
        return CheckOutcome(True, f"{endpoint} has no snapshot yet")
    observed = set(snapshots[0][3])
    new = sorted(observed - declared)
    lost = sorted((set(snapshots[1][3]) & declared) - observed) if len(snapshots) > 1 else []
    rows = [{"field": f, "change": "new, not declared (not loaded)"} for f in new]
    rows += [{"field": f, "change": "gone since the previous snapshot"} for f in lost]
    details = {"observed_fields": len(observed), "declared_fields": len(declared)}
    if rows:
        return CheckOutcome(
            False, f"{endpoint}: {len(new)} undeclared and {len(lost)} vanished fields", rows, details
        )
    return CheckOutcome(True, f"{endpoint}: payload fields match the declared schema", [], details)
