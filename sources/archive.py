"""The raw archive: every payload ever fetched, stored once by sha256, plus an append-only fetch log.

Layout under the archive root:
    blobs/<sha[:2]>/<sha256>   immutable payload bytes (read-only files)
    fetch_log.jsonl            one line per fetch attempt or seed, never rewritten

The archive is the system of record: the warehouse can be deleted and rebuilt from it, and a parser
fixed later can re-read every payload it ever saw.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from sources.spec import Endpoint, Source


def sha256(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)


@dataclass(frozen=True)
class FetchLogEntry:
    source: str
    endpoint: str
    url: str
    fetched_at: str  # ISO 8601, UTC, no offset
    origin: str  # live | seed
    status: int | None  # HTTP status; None for seeds and transport failures
    bytes: int | None
    sha256: str | None
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def fetch_id(self) -> str:
        """A stable identity for this log line (its content hash)."""
        return sha256(json.dumps(asdict(self), sort_keys=True).encode())

    @property
    def fetched_at_dt(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.fetched_at)

    @property
    def has_payload(self) -> bool:
        return self.sha256 is not None and self.error is None


class Archive:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.blobs = self.root / "blobs"
        self.log_path = self.root / "fetch_log.jsonl"
        self.blobs.mkdir(parents=True, exist_ok=True)
        self._entries: list[FetchLogEntry] | None = None  # the log, read once per Archive object

    # -- payloads --------------------------------------------------------------------------
    def blob_path(self, digest: str) -> Path:
        return self.blobs / digest[:2] / digest

    def put(self, payload: bytes) -> str:
        digest = sha256(payload)
        path = self.blob_path(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
                tmp.write(payload)
            os.chmod(tmp.name, 0o444)
            os.replace(tmp.name, path)
        return digest

    def read(self, digest: str) -> bytes:
        payload = self.blob_path(digest).read_bytes()
        if sha256(payload) != digest:
            raise OSError(f"archive blob {digest} is corrupt: its content hash differs")
        return payload

    # -- fetch log -------------------------------------------------------------------------
    def log(self, entry: FetchLogEntry) -> FetchLogEntry:
        entries = self.entries()
        with self.log_path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(asdict(entry), sort_keys=True) + "\n")
        entries.append(entry)
        return entry

    def entries(self) -> list[FetchLogEntry]:
        """Every log line. Parsed once per Archive (a run asks for it per endpoint, and the log only
        grows); lines this object appends are added as it writes them."""
        if self._entries is None:
            self._entries = []
            if self.log_path.exists():
                with self.log_path.open(encoding="utf-8") as fh:
                    self._entries = [FetchLogEntry(**json.loads(line)) for line in fh if line.strip()]
        return self._entries

    def newest(self, endpoint: Endpoint, *, origin: str | None = None) -> FetchLogEntry | None:
        """The most recent log entry with a payload for this endpoint (optionally of one origin)."""
        candidates = [
            e
            for e in self.entries()
            if e.endpoint == endpoint.key and e.has_payload and (origin is None or e.origin == origin)
        ]
        return max(candidates, key=lambda e: e.fetched_at, default=None)

    # -- seeds -----------------------------------------------------------------------------
    def seed(self, source: Source) -> list[FetchLogEntry]:
        """Archive the payloads a source ships, once, dated as recorded upstream."""
        seen = {(e.endpoint, e.sha256) for e in self.entries() if e.origin == "seed"}
        added = []
        for endpoint in source.endpoints:
            for seed in endpoint.seeds:
                payload = source.seed_path(seed).read_bytes()
                digest = self.put(payload)
                if (endpoint.key, digest) in seen:
                    continue
                added.append(
                    self.log(
                        FetchLogEntry(
                            source=source.slug,
                            endpoint=endpoint.key,
                            url=endpoint.url,
                            fetched_at=dt.datetime.combine(seed.recorded_on, dt.time()).isoformat(),
                            origin="seed",
                            status=None,
                            bytes=len(payload),
                            sha256=digest,
                        )
                    )
                )
        return added
