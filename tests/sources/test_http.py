"""The shared HTTP client: retries, Retry-After, size cap, conditional requests, mirror."""

from __future__ import annotations

import httpx
import pytest
import respx

from sources.errors import FetchError
from sources.http import USER_AGENT, mirrored, retry_after_seconds

URL = "https://example.org/data.json"


@respx.mock
def test_ok_sends_user_agent_and_returns_validators(no_sleep_client):
    route = respx.get(URL).respond(200, content=b"{}", headers={"ETag": '"v1"', "Last-Modified": "x"})
    response = no_sleep_client.get("demo", URL, max_bytes=100)
    assert response.body == b"{}" and response.etag == '"v1"' and response.last_modified == "x"
    assert route.calls[0].request.headers["User-Agent"] == USER_AGENT
    assert "frontier-ledger" in USER_AGENT


@respx.mock
def test_conditional_request_and_304(no_sleep_client):
    route = respx.get(URL).respond(304)
    response = no_sleep_client.get("demo", URL, max_bytes=100, etag='"v1"', last_modified="Mon")
    assert response.status == 304 and response.body is None
    sent = route.calls[0].request.headers
    assert sent["If-None-Match"] == '"v1"' and sent["If-Modified-Since"] == "Mon"


@respx.mock
def test_retries_5xx_then_succeeds_with_exponential_backoff(no_sleep_client):
    respx.get(URL).mock(
        side_effect=[httpx.Response(500), httpx.Response(503), httpx.Response(200, content=b"ok")]
    )
    assert no_sleep_client.get("demo", URL, max_bytes=100).body == b"ok"
    assert no_sleep_client.slept == [0.5, 1.0]


@respx.mock
def test_429_honours_retry_after(no_sleep_client):
    respx.get(URL).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, content=b"ok")]
    )
    assert no_sleep_client.get("demo", URL, max_bytes=100).body == b"ok"
    assert no_sleep_client.slept == [7.0]


@respx.mock
def test_persistent_500_is_a_fetch_error_naming_source_and_url(no_sleep_client):
    respx.get(URL).respond(500)
    with pytest.raises(FetchError) as caught:
        no_sleep_client.get("demo", URL, max_bytes=100)
    assert caught.value.status == 500
    assert "demo" in str(caught.value) and URL in str(caught.value)


@respx.mock
def test_404_is_not_retried(no_sleep_client):
    route = respx.get(URL).respond(404)
    with pytest.raises(FetchError, match="HTTP 404"):
        no_sleep_client.get("demo", URL, max_bytes=100)
    assert route.call_count == 1


@respx.mock
@pytest.mark.parametrize(
    "error",
    [
        httpx.ConnectError("[Errno 111] Connection refused"),
        httpx.ConnectError("[Errno -2] Name or service not known"),
        httpx.ReadTimeout("timed out"),
    ],
    ids=["refused", "dns", "timeout"],
)
def test_transport_errors_retry_then_fail(no_sleep_client, error):
    route = respx.get(URL).mock(side_effect=error)
    with pytest.raises(FetchError, match=type(error).__name__):
        no_sleep_client.get("demo", URL, max_bytes=100)
    assert route.call_count == 3


@respx.mock
def test_unreachable_host_fails_fast_for_later_urls(no_sleep_client):
    respx.get(URL).mock(side_effect=httpx.ConnectError("refused"))
    other = respx.get("https://example.org/other.json").respond(200)
    with pytest.raises(FetchError):
        no_sleep_client.get("demo", URL, max_bytes=100)
    with pytest.raises(FetchError, match="unreachable earlier"):
        no_sleep_client.get("demo", "https://example.org/other.json", max_bytes=100)
    assert other.call_count == 0


@respx.mock
def test_body_over_cap_is_refused_declared_or_streamed(no_sleep_client):
    respx.get(URL).respond(200, content=b"x" * 101)
    with pytest.raises(FetchError, match="exceeds cap"):
        no_sleep_client.get("demo", URL, max_bytes=100)


def test_mirror_rewrites_every_url():
    assert mirrored("https://metr.org/assets/a.yaml", "http://127.0.0.1:8000/") == (
        "http://127.0.0.1:8000/metr.org/assets/a.yaml"
    )
    assert mirrored("https://metr.org/a", "") == "https://metr.org/a"


def test_retry_after_parses_seconds_and_http_dates():
    assert retry_after_seconds("12") == 12.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
