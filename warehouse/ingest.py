"""One source, end to end into raw: seed the archive, fetch live (or not), load every new snapshot.

Raw bytes first, parse second: a payload is archived before it is parsed, so a parser bug loses
nothing. A snapshot already loaded is not parsed again. A payload that fails to parse is recorded in
`raw.payload_rejections` and the tables keep their previous rows; it is an error for the run only
when it is the endpoint's current payload (older bad payloads are retried quietly on every run, so
a fixed parser picks them up).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import duckdb

from sources.acquire import LIVE, Acquisition, acquire
from sources.archive import Archive
from sources.errors import ParseError, PayloadError
from sources.http import HttpClient
from sources.schema import observed_fields
from sources.spec import Endpoint, Source
from warehouse.fetch_log import sync_fetch_log
from warehouse.raw import Snapshot, load_snapshot, loaded_snapshots, record_rejection


@dataclass
class EndpointReport:
    endpoint: Endpoint
    acquisition: Acquisition
    loaded: list[tuple[Snapshot, int]] = field(default_factory=list)
    rejected: list[PayloadError] = field(default_factory=list)

    @property
    def current_error(self) -> PayloadError | None:
        """The rejection of the payload that is current now, if the current payload is bad."""
        return next((e for e in self.rejected if e.sha256 == self.acquisition.sha256), None)


@dataclass
class SourceReport:
    source: Source
    endpoints: list[EndpointReport]

    @property
    def errors(self) -> list[PayloadError]:
        return [r.current_error for r in self.endpoints if r.current_error]


def pending_snapshots(archive: Archive, endpoint: Endpoint, loaded: set[str]) -> list[Snapshot]:
    """Archived payloads of this endpoint not yet in the warehouse, oldest first."""
    first: dict[str, Snapshot] = {}
    for entry in archive.entries():
        if entry.endpoint != endpoint.key or not entry.has_payload or entry.sha256 in loaded:
            continue
        known = first.get(entry.sha256)
        if known is None or entry.fetched_at_dt < known.first_seen_at:
            first[entry.sha256] = Snapshot(endpoint, entry.sha256, entry.fetched_at_dt, entry.url)
    return sorted(first.values(), key=lambda s: s.first_seen_at)


def load_pending(
    con: duckdb.DuckDBPyConnection, archive: Archive, endpoint: Endpoint
) -> tuple[list[tuple[Snapshot, int]], list[PayloadError]]:
    loaded, rejected = [], []
    for snapshot in pending_snapshots(archive, endpoint, loaded_snapshots(con, endpoint)):
        payload = archive.read(snapshot.sha256)
        try:
            records = endpoint.extract(payload)
            frame = endpoint.parse_records(records)
        except ParseError as exc:
            error = PayloadError(endpoint.source, snapshot.url, snapshot.sha256, exc.field, exc.message)
            record_rejection(con, snapshot, exc.field, str(error))
            rejected.append(error)
            continue
        loaded.append((snapshot, load_snapshot(con, snapshot, frame, observed_fields(records))))
    return loaded, rejected


def acquire_all(source: Source, archive: Archive, client: HttpClient, *, offline: bool) -> list[Acquisition]:
    """Acquire every endpoint; endpoints sharing a URL (members of one zip) share one fetch."""
    by_url: dict[str, Acquisition] = {}
    acquisitions = []
    for endpoint in source.endpoints:
        first = by_url.get(endpoint.url)
        if first is None or offline or not endpoint.live:
            acquisition = acquire(source, endpoint, archive, client, offline=offline)
            by_url.setdefault(endpoint.url, acquisition)
        else:
            if first.mode == LIVE and first.entry:
                entry = archive.log(replace(first.entry, endpoint=endpoint.key))
            else:  # the shared fetch failed: fall back to this endpoint's own archive
                entry = archive.newest(endpoint)
            acquisition = Acquisition(endpoint, first.mode, entry, first.error)
        acquisitions.append(acquisition)
    return acquisitions


def ingest_source(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    archive: Archive,
    client: HttpClient,
    *,
    offline: bool,
) -> SourceReport:
    archive.seed(source)
    acquisitions = acquire_all(source, archive, client, offline=offline)
    sync_fetch_log(con, archive.entries())
    reports = []
    for endpoint, acquisition in zip(source.endpoints, acquisitions, strict=True):
        loaded, rejected = load_pending(con, archive, endpoint)
        reports.append(EndpointReport(endpoint, acquisition, loaded, rejected))
    return SourceReport(source, reports)
