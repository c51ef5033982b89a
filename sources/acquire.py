"""Getting the newest payload of an endpoint: live when possible, the archive when not — never silently."""

from __future__ import annotations

import os
from dataclasses import dataclass

from sources.archive import Archive, FetchLogEntry, utcnow
from sources.errors import FetchError
from sources.http import HttpClient
from sources.spec import Endpoint, Source

# How an endpoint's payload was obtained this run.
LIVE = "live"  # fetched now (200), or confirmed unchanged by the server (304)
FALLBACK = "fallback"  # the live fetch failed; the newest archived payload stands in (stale)
OFFLINE = "offline"  # the run was told not to touch the network
ARCHIVE_ONLY = "archive_only"  # no live URL (historical) or no API key: the archive is all there is


@dataclass(frozen=True)
class Acquisition:
    endpoint: Endpoint
    mode: str
    entry: FetchLogEntry | None  # the log entry whose payload is current; None if nothing archived
    error: str | None = None

    @property
    def stale(self) -> bool:
        return self.mode != LIVE

    @property
    def sha256(self) -> str | None:
        return self.entry.sha256 if self.entry else None


def acquire(
    source: Source, endpoint: Endpoint, archive: Archive, client: HttpClient, *, offline: bool
) -> Acquisition:
    if offline:
        return Acquisition(endpoint, OFFLINE, archive.newest(endpoint))
    if not endpoint.live:
        return Acquisition(endpoint, ARCHIVE_ONLY, archive.newest(endpoint))
    headers = {}
    if endpoint.api_key_env:
        key = os.environ.get(endpoint.api_key_env)
        if not key:
            return Acquisition(
                endpoint, ARCHIVE_ONLY, archive.newest(endpoint), f"{endpoint.api_key_env} is not set"
            )
        headers[endpoint.api_key_header] = key

    previous = archive.newest(endpoint, origin="live")
    fetched_at = utcnow().isoformat()
    try:
        response = client.get(
            source.slug,
            endpoint.url,
            max_bytes=endpoint.max_bytes,
            etag=previous.etag if previous else None,
            last_modified=previous.last_modified if previous else None,
            headers=headers,
        )
    except FetchError as exc:
        failed = FetchLogEntry(
            source.slug, endpoint.key, exc.url, fetched_at, "live", exc.status, None, None, exc.message
        )
        archive.log(failed)
        return Acquisition(endpoint, FALLBACK, archive.newest(endpoint), str(exc))

    if response.status == 304 and previous:
        body_sha, size = previous.sha256, previous.bytes
    else:
        body = response.body or b""
        body_sha, size = archive.put(body), len(body)
    entry = archive.log(
        FetchLogEntry(
            source.slug,
            endpoint.key,
            response.url,
            fetched_at,
            "live",
            response.status,
            size,
            body_sha,
            etag=response.etag,
            last_modified=response.last_modified,
        )
    )
    return Acquisition(endpoint, LIVE, entry)
