"""METR end to end through raw and staging: idempotence, new snapshots from a mirror, bad payloads."""

from __future__ import annotations

import socket
import threading

import httpx
import pytest
import yaml

from checks.gx import validate
from checks.suites.metr import stg_metr__runs
from sources.acquire import FALLBACK, LIVE
from sources.http import HttpClient
from sources.registry import source
from tests.conftest import seed_bytes
from warehouse.db import row_count
from warehouse.ingest import ingest_source
from warehouse.models import build, sql_model

METR = source("metr")
RESULTS_1_1 = METR.endpoint("benchmark_results_1_1")
NEWEST_1_1 = "benchmark_results_1_1_2026-04-11.yaml"


def _client() -> HttpClient:
    return HttpClient(attempts=2, backoff_s=0.0, sleep=lambda _: None)


def _build_metr(con) -> None:
    for table in (
        "staging.stg_metr__horizons",
        "staging.stg_metr__runs",
        "staging.stg_metr__release_dates",
        "core.metr_horizon_revisions",
    ):
        build(con, sql_model(table))


def _counts(con) -> dict[str, int]:
    tables = [e.raw_table for e in METR.endpoints] + [
        "staging.stg_metr__horizons",
        "staging.stg_metr__runs",
        "core.metr_horizon_revisions",
        "raw.fetch_log",
    ]
    return {t: row_count(con, t) for t in tables}


def test_offline_builds_every_bundled_run_and_model_and_rerun_changes_nothing(con, archive):
    report = ingest_source(con, METR, archive, _client(), offline=True)
    _build_metr(con)
    assert {r.acquisition.mode for r in report.endpoints} == {"offline"}
    first = _counts(con)
    assert first["staging.stg_metr__runs"] == 7063 + 4187
    versions = con.execute(
        "SELECT benchmark_version, snapshot_date::VARCHAR, count(*) FROM staging.stg_metr__horizons "
        "GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert versions == [("1.0", "2026-01-30", 33), ("1.1", "2026-01-30", 17), ("1.1", "2026-04-11", 24)]

    again = ingest_source(con, METR, archive, _client(), offline=True)
    _build_metr(con)
    assert all(not r.loaded and not r.rejected for r in again.endpoints)
    assert _counts(con) == first


def test_the_real_2026_revisions_are_recorded(con, archive):
    ingest_source(con, METR, archive, _client(), offline=True)
    _build_metr(con)
    published = [
        yaml.safe_load(seed_bytes(METR, f))["results"]["claude_opus_4_5_inspect"]["metrics"][
            "p50_horizon_length"
        ]
        for f in ("benchmark_results_1_1_2026-01-30.yaml", NEWEST_1_1)
    ]
    assert published[0]["estimate"] != published[1]["estimate"]
    history = con.execute(
        "SELECT revision, estimate, ci_low, ci_high, previous_estimate, first_seen::DATE::VARCHAR, is_current "
        "FROM core.metr_horizon_revisions "
        "WHERE model = 'claude_opus_4_5_inspect' AND metric = 'p50' ORDER BY revision"
    ).fetchall()
    assert history == [
        (
            1,
            published[0]["estimate"],
            published[0]["ci_low"],
            published[0]["ci_high"],
            None,
            "2026-01-30",
            False,
        ),
        (
            2,
            published[1]["estimate"],
            published[1]["ci_low"],
            published[1]["ci_high"],
            published[0]["estimate"],
            "2026-04-11",
            True,
        ),
    ]


def test_newer_results_file_from_the_mirror_is_a_new_snapshot_and_a_revision(con, archive, mirror):
    ingest_source(con, METR, archive, _client(), offline=True)
    document = yaml.safe_load(seed_bytes(METR, NEWEST_1_1))
    result = document["results"]["claude_opus_4_5_inspect"]["metrics"]["p50_horizon_length"]
    result.update(estimate=289.0, ci_low=150.0, ci_high=600.0)
    mirror.put(RESULTS_1_1.url, yaml.safe_dump(document).encode())

    report = ingest_source(con, METR, archive, _client(), offline=False)
    _build_metr(con)
    by_endpoint = {r.endpoint.name: r for r in report.endpoints}
    served = by_endpoint["benchmark_results_1_1"]
    assert served.acquisition.mode == LIVE and served.acquisition.entry.url.startswith(mirror.base)
    assert len(served.loaded) == 1
    # Endpoints the mirror does not have (404) fall back like unreachable ones.
    assert by_endpoint["release_dates"].acquisition.mode == FALLBACK
    revisions = con.execute(
        "SELECT revision, estimate, previous_estimate, is_current FROM core.metr_horizon_revisions "
        "WHERE model = 'claude_opus_4_5_inspect' AND benchmark_version = '1.1' AND metric = 'p50' ORDER BY revision"
    ).fetchall()
    assert len(revisions) == 3
    assert revisions[-1][1:] == (289.0, revisions[-2][1], True)


def test_renamed_field_is_rejected_naming_source_url_field_and_sha_and_rows_stay(con, archive, mirror):
    ingest_source(con, METR, archive, _client(), offline=True)
    before = row_count(con, RESULTS_1_1.raw_table)
    broken = seed_bytes(METR, NEWEST_1_1).replace(b"p50_horizon_length", b"p50_horizon")
    mirror.put(RESULTS_1_1.url, broken)

    report = ingest_source(con, METR, archive, _client(), offline=False)
    (error,) = report.errors
    assert error.source == "metr" and error.field == "metrics__p50_horizon_length__estimate"
    assert RESULTS_1_1.url.partition("://")[2] in error.url
    assert error.sha256 == report.endpoints[1].acquisition.sha256
    assert error.sha256[:12] in str(error)
    assert row_count(con, RESULTS_1_1.raw_table) == before
    # Still rejected (and still an error) on the next run while upstream stays broken.
    assert ingest_source(con, METR, archive, _client(), offline=False).errors


def test_empty_results_map_is_rejected(con, archive, mirror):
    mirror.put(RESULTS_1_1.url, b"benchmark_name: METR-Horizon-v1.1\nresults: {}\n")
    report = ingest_source(con, METR, archive, _client(), offline=False)
    (error,) = report.errors
    assert "no records" in str(error)


def test_exact_duplicate_run_is_dropped_and_conflicting_duplicate_fails_the_suite(con, archive, mirror):
    endpoint = METR.endpoint("runs_1_1")
    lines = seed_bytes(METR, "runs_th1.1_selected_models.jsonl").splitlines(keepends=True)
    mirror.put(endpoint.url, b"".join(lines + lines[:1]))
    ingest_source(con, METR, archive, _client(), offline=False)
    build(con, sql_model("staging.stg_metr__runs"))
    assert row_count(con, "staging.stg_metr__runs WHERE runs_file = 'runs_1_1'") == len(lines)
    assert validate(stg_metr__runs(), con.sql("SELECT * FROM staging.stg_metr__runs").df()).passed

    conflicting = lines[0].replace(b'"score_binarized":0', b'"score_binarized":1')
    assert conflicting != lines[0]
    mirror.put(endpoint.url, b"".join(lines + [conflicting]))
    ingest_source(con, METR, archive, _client(), offline=False)
    build(con, sql_model("staging.stg_metr__runs"))
    outcome = validate(stg_metr__runs(), con.sql("SELECT * FROM staging.stg_metr__runs").df())
    assert not outcome.passed and "(runs_file, run_id) is unique" in outcome.summary
    run_id = con.execute("SELECT run_id FROM raw.metr__runs_1_1 WHERE _row = 0 LIMIT 1").fetchall()[0][0]
    assert {row["run_id"] for row in outcome.failing_rows} == {run_id}


def test_not_modified_reuses_the_archived_payload(con, archive, mirror, monkeypatch):
    mirror.put(RESULTS_1_1.url, seed_bytes(METR, NEWEST_1_1))
    first = ingest_source(con, METR, archive, _client(), offline=False).endpoints[1]
    sent = []
    original = HttpClient.get

    def conditional(self, source_slug, url, **kwargs):
        sent.append(kwargs.get("last_modified"))
        return original(self, source_slug, url, **kwargs)

    monkeypatch.setattr(HttpClient, "get", conditional)
    second = ingest_source(con, METR, archive, _client(), offline=False).endpoints[1]
    assert sent[1]  # If-Modified-Since from the previous response (the server answers 304)
    assert second.acquisition.mode == LIVE and second.acquisition.sha256 == first.acquisition.sha256
    assert second.loaded == []


@pytest.fixture
def lying_server():
    """A server that promises more bytes than it sends, then hangs up: a truncated transfer."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def serve():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\nbenchmark_name: METR")
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


def test_truncated_transfer_falls_back(con, archive, lying_server, monkeypatch):
    monkeypatch.setenv("FRONTIER_MIRROR", lying_server)
    ingest_source(con, METR, archive, _client(), offline=True)
    report = ingest_source(con, METR, archive, _client(), offline=False)
    served = report.endpoints[1].acquisition
    assert served.mode == FALLBACK and "RemoteProtocolError" in served.error
    assert report.errors == []


def test_body_over_the_size_cap_falls_back(con, archive, mirror):
    mirror.put(RESULTS_1_1.url, b"#" * (RESULTS_1_1.max_bytes + 1))
    report = ingest_source(con, METR, archive, _client(), offline=False)
    assert report.endpoints[1].acquisition.mode == FALLBACK
    assert "exceeds cap" in report.endpoints[1].acquisition.error


def test_offline_never_touches_the_network(con, archive, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network used offline")

    monkeypatch.setattr(httpx.Client, "send", refuse)
    report = ingest_source(con, METR, archive, _client(), offline=True)
    assert not report.errors
