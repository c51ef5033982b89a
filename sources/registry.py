"""Every source the pipeline knows, by slug."""

from __future__ import annotations

from sources import metr
from sources.spec import Source

SOURCES: tuple[Source, ...] = (metr.SOURCE,)


def source(slug: str) -> Source:
    for candidate in SOURCES:
        if candidate.slug == slug:
            return candidate
    known = ", ".join(s.slug for s in SOURCES)
    raise KeyError(f"unknown source {slug!r} (known: {known})")
