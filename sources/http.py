"""The one HTTP client every source uses.

Timeouts, bounded retries with exponential backoff on 429/5xx and transport errors (honouring
Retry-After), a response-size cap enforced while streaming, a User-Agent naming the project, and
conditional requests (If-None-Match / If-Modified-Since) from what the archive saw last time.
"""

from __future__ import annotations

import email.utils
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from sources.errors import FetchError

USER_AGENT = "frontier-ledger/0.1 (+https://github.com/frontier-ledger/frontier-ledger)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER_S = 120.0


def mirrored(url: str, mirror: str | None = None) -> str:
    """`https://HOST/PATH` -> `$FRONTIER_MIRROR/HOST/PATH` when a mirror is configured."""
    mirror = os.environ.get("FRONTIER_MIRROR") if mirror is None else mirror
    if not mirror:
        return url
    _, _, rest = url.partition("://")
    return f"{mirror.rstrip('/')}/{rest}"


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    body: bytes | None  # None when the server answered 304 Not Modified
    etag: str | None
    last_modified: str | None
    retry_after: str | None = None


@dataclass
class HttpClient:
    timeout_s: float = 30.0
    attempts: int = 4
    backoff_s: float = 1.0
    mirror: str | None = None
    sleep: Callable[[float], None] = time.sleep
    transport: httpx.BaseTransport | None = None
    # Hosts that refused every attempt this run: later URLs on them fail at once (fast fallback
    # when offline, instead of one backoff cycle per endpoint).
    unreachable: set[str] = field(default_factory=set)

    def get(
        self,
        source: str,
        url: str,
        *,
        max_bytes: int,
        etag: str | None = None,
        last_modified: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        target = mirrored(url, self.mirror)
        host = urlsplit(target).netloc
        if host in self.unreachable:
            raise FetchError(source, target, f"host {host} was unreachable earlier in this run")
        request_headers = {"User-Agent": USER_AGENT, **(headers or {})}
        if etag:
            request_headers["If-None-Match"] = etag
        if last_modified:
            request_headers["If-Modified-Since"] = last_modified
        with httpx.Client(timeout=self.timeout_s, follow_redirects=True, transport=self.transport) as client:
            for attempt in range(1, self.attempts + 1):
                last = attempt == self.attempts
                try:
                    response = self._once(client, source, target, request_headers, max_bytes)
                except httpx.TransportError as exc:
                    if last:
                        if isinstance(exc, httpx.ConnectError):
                            self.unreachable.add(host)
                        raise FetchError(source, target, f"{type(exc).__name__}: {exc}") from exc
                    self.sleep(self._backoff(attempt))
                    continue
                if response.status in RETRY_STATUSES and not last:
                    self.sleep(self._wait(attempt, response))
                    continue
                if response.status == 304:
                    return response
                if response.status >= 400:
                    raise FetchError(source, target, f"HTTP {response.status}", response.status)
                return response
        raise AssertionError("unreachable")

    def _once(self, client, source, target, headers, max_bytes) -> Response:
        with client.stream("GET", target, headers=headers) as r:
            declared = r.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(source, target, f"body of {declared} bytes exceeds cap of {max_bytes}")
            body = b""
            if r.status_code < 300 or r.status_code >= 400:
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(source, target, f"body exceeds cap of {max_bytes} bytes")
                    chunks.append(chunk)
                body = b"".join(chunks)
            response = Response(
                url=target,
                status=r.status_code,
                body=None if r.status_code == 304 else body,
                etag=r.headers.get("ETag"),
                last_modified=r.headers.get("Last-Modified"),
                retry_after=r.headers.get("Retry-After"),
            )
            return response

    def _backoff(self, attempt: int) -> float:
        return self.backoff_s * 2 ** (attempt - 1)

    def _wait(self, attempt: int, response: Response) -> float:
        hinted = retry_after_seconds(response.retry_after)
        return min(hinted, MAX_RETRY_AFTER_S) if hinted is not None else self._backoff(attempt)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds: either a delay in seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (time.time() if now is None else now))
