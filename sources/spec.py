"""The shape every source shares: endpoints with a live URL, a declared schema and the seeds it ships."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import polars as pl

from sources.schema import Column, to_frame

Extractor = Callable[[bytes], list[Mapping]]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Seed:
    """A recorded real payload shipped in the package, with the date it was recorded upstream."""

    file: str
    recorded_on: dt.date


@dataclass(frozen=True)
class Endpoint:
    """One upstream file or API of a source; its payloads land in `raw.<source>__<name>`.

    `extract` turns the payload bytes into flat records keyed by the payload's own field names
    (nested keys joined with `__`); `columns` declares which of them are kept and their types.
    """

    source: str
    name: str
    url: str
    extract: Extractor
    columns: tuple[Column, ...]
    seeds: tuple[Seed, ...] = ()
    live: bool = True  # False: the URL is historical only; the endpoint is fed by seeds alone
    api_key_env: str | None = None  # live fetching only when this variable is set; sent as api_key_header
    api_key_header: str = "x-api-key"
    max_bytes: int = DEFAULT_MAX_BYTES
    grain: str = ""

    @property
    def key(self) -> str:
        return f"{self.source}/{self.name}"

    @property
    def table(self) -> str:
        return f"{self.source}__{self.name}"

    @property
    def raw_table(self) -> str:
        return f"raw.{self.table}"

    @property
    def declared_fields(self) -> frozenset[str]:
        return frozenset(c.name for c in self.columns)

    def parse(self, payload: bytes) -> pl.DataFrame:
        return self.parse_records(self.extract(payload))

    def parse_records(self, records: list[Mapping]) -> pl.DataFrame:
        return to_frame(records, self.columns)


@dataclass(frozen=True)
class Source:
    """A public source: its slug (used in table names and `source` columns) and its endpoints."""

    slug: str
    title: str
    licence: str
    cadence: str
    package: str  # the Python package holding its seeds/ folder
    endpoints: tuple[Endpoint, ...] = field(default_factory=tuple)

    def seed_path(self, seed: Seed) -> Path:
        return Path(str(resources.files(self.package) / "seeds" / seed.file))

    def endpoint(self, name: str) -> Endpoint:
        for endpoint in self.endpoints:
            if endpoint.name == name:
                return endpoint
        raise KeyError(f"{self.slug} has no endpoint {name!r}")
