"""LMArena text leaderboard Elo, via a third-party derived copy (maxencefrenette/all-the-benchmarks).

LMArena publishes no stable JSON/CSV; this YAML is a scrape kept by all-the-benchmarks. See README.md.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from sources.lmarena import parse
from sources.schema import Column
from sources.spec import Endpoint, Seed, Source

SLUG = "lmarena"

ELO_COLUMNS = (
    Column("benchmark", pl.String, required=True, description='leaderboard name, e.g. "LMArena Text"'),
    Column("model", pl.String, required=True, description="LMArena model key, e.g. gemini-2.5-pro"),
    Column("elo", pl.Float64, required=True, description="Arena Elo (Bradley-Terry) score"),
)

SOURCE = Source(
    slug=SLUG,
    title="LMArena text leaderboard (derived copy)",
    licence="MIT (maxencefrenette/all-the-benchmarks); scores are LMArena's",
    cadence="irregular: whenever all-the-benchmarks re-scrapes LMArena",
    package=__name__,
    endpoints=(
        Endpoint(
            SLUG,
            "text_derived",
            "https://raw.githubusercontent.com/maxencefrenette/all-the-benchmarks/main/data/raw/benchmarks/"
            "lmarena-text.yaml",
            parse.text_derived,
            ELO_COLUMNS,
            # Recorded at commit f5bc05d (2025-10-21); the file itself last changed 2025-08-07.
            seeds=(Seed("lmarena-text_derived_all-the-benchmarks.yaml", dt.date(2025, 8, 7)),),
            max_bytes=4 * 1024 * 1024,
            grain="one row per model on the LMArena text leaderboard",
        ),
    ),
)
