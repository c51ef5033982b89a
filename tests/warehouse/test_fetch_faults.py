"""Every live endpoint of every source, under network and payload faults.

Each fault ends in a fallback to the archived payload (marked stale) or in a rejection naming the
source, URL, field and payload sha256 — and the raw table keeps its previous good rows.
"""

from __future__ import annotations

import httpx
import pytest
import respx

from checks.generic import volume
from sources.acquire import FALLBACK, LIVE, acquire
from sources.http import HttpClient
from sources.registry import all_sources
from warehouse.db import row_count
from warehouse.fetch_log import sync_fetch_log
from warehouse.ingest import load_pending

LIVE_ENDPOINTS = [
    pytest.param(source, endpoint, id=endpoint.key)
    for source in all_sources()
    for endpoint in source.endpoints
    if endpoint.live and not endpoint.api_key_env
]


def _client() -> HttpClient:
    return HttpClient(attempts=2, backoff_s=0.0, sleep=lambda _: None)


def _load_seeds(con, archive, source, endpoint) -> int:
    archive.seed(source)
    sync_fetch_log(con, archive.entries())
    load_pending(con, archive, endpoint)
    return row_count(con, endpoint.raw_table)


def _fetch(con, archive, source, endpoint):
    acquisition = acquire(source, endpoint, archive, _client(), offline=False)
    sync_fetch_log(con, archive.entries())
    loaded, rejected = load_pending(con, archive, endpoint)
    return acquisition, loaded, rejected


def _newest_seed(source, endpoint) -> bytes | None:
    if not endpoint.seeds:
        return None
    return source.seed_path(max(endpoint.seeds, key=lambda s: s.recorded_on)).read_bytes()


@pytest.mark.parametrize(("source", "endpoint"), LIVE_ENDPOINTS)
@pytest.mark.parametrize(
    "fault",
    [
        httpx.Response(500),
        httpx.Response(503, headers={"Retry-After": "1"}),
        httpx.ConnectError("[Errno 111] Connection refused"),
        httpx.ConnectTimeout("timed out"),
    ],
    ids=["500", "503", "refused", "timeout"],
)
def test_unreachable_falls_back_to_the_archive(con, archive, source, endpoint, fault):
    before = _load_seeds(con, archive, source, endpoint)
    with respx.mock:
        route = respx.get(endpoint.url).mock(side_effect=[fault, fault])
        acquisition, loaded, rejected = _fetch(con, archive, source, endpoint)
    assert route.call_count == 2  # retried once
    assert acquisition.mode == FALLBACK and acquisition.stale
    assert acquisition.entry == archive.newest(endpoint)
    assert (loaded, rejected) == ([], [])
    assert row_count(con, endpoint.raw_table) == before
    errors = con.execute(
        "SELECT count(*) FROM raw.fetch_log WHERE endpoint = ? AND error IS NOT NULL", [endpoint.key]
    ).fetchall()[0][0]
    assert errors == 1


@pytest.mark.parametrize(("source", "endpoint"), LIVE_ENDPOINTS)
def test_429_then_success_loads_live(con, archive, source, endpoint):
    payload = _newest_seed(source, endpoint)
    if payload is None:
        pytest.skip("no recorded payload to serve")
    with respx.mock:
        respx.get(endpoint.url).mock(
            side_effect=[
                httpx.Response(429, headers={"Retry-After": "0"}),
                httpx.Response(200, content=payload),
            ]
        )
        acquisition, loaded, rejected = _fetch(con, archive, source, endpoint)
    assert acquisition.mode == LIVE and not acquisition.stale
    assert rejected == [] and len(loaded) == 1 and loaded[0][1] > 0


def _bad_bodies(payload: bytes) -> dict[str, bytes]:
    return {
        "truncated": payload[: len(payload) // 2],
        "html_error_page": b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>",
        "empty": b"",
    }


@pytest.mark.parametrize(("source", "endpoint"), LIVE_ENDPOINTS)
@pytest.mark.parametrize("kind", ["truncated", "html_error_page", "empty"])
def test_bad_body_is_never_taken_silently(con, archive, source, endpoint, kind):
    payload = _newest_seed(source, endpoint)
    if payload is None:
        pytest.skip("no recorded payload to corrupt")
    before = _load_seeds(con, archive, source, endpoint)
    body = _bad_bodies(payload)[kind]
    with respx.mock:
        respx.get(endpoint.url).respond(200, content=body)
        acquisition, loaded, rejected = _fetch(con, archive, source, endpoint)
    assert archive.read(acquisition.sha256) == body  # archived before parsing: nothing is lost
    if rejected:
        (error,) = rejected
        text = str(error)
        assert source.slug in text and endpoint.url in text and acquisition.sha256[:12] in text
        assert error.sha256 == acquisition.sha256 and error.field
        assert row_count(con, endpoint.raw_table) == before
        rejection = con.execute(
            "SELECT field, error FROM raw.payload_rejections WHERE sha256 = ?", [acquisition.sha256]
        ).fetchall()
        assert rejection and rejection[0][0] == error.field
    else:
        # A truncation that still parses (cut at a record boundary) must trip the volume check.
        assert kind == "truncated" and loaded
        assert not volume(con, endpoint.key).passed
