"""Anthropic's pricing page: per-model token prices (base, cache writes and hits, batch).

See README.md in this folder for the endpoint, grain, licence, cadence and what is read from the page.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from sources.anthropic_pricing import parse
from sources.schema import Column
from sources.spec import Endpoint, Seed, Source

SLUG = "anthropic_pricing"

_PRICE_COLUMNS = (
    ("base_input_tokens", "Base Input Tokens"),
    ("cache_writes_5m", "5m Cache Writes"),
    ("cache_writes_1h", "1h Cache Writes"),
    ("cache_hits_refreshes", "Cache Hits & Refreshes"),
    ("output_tokens", "Output Tokens"),
)

COLUMNS = (
    Column("model", pl.String, required=True, description="as printed: 'Claude Sonnet 3.5 (deprecated)'"),
    *(
        Column(name, pl.Float64, required=True, description=f"'{header}', USD per million tokens")
        for name, header in _PRICE_COLUMNS
    ),
    Column("batch_input", pl.Float64, description="'Batch input' (batch table), USD per million tokens"),
    Column("batch_output", pl.Float64, description="'Batch output' (batch table), USD per million tokens"),
)

SOURCE = Source(
    slug=SLUG,
    title="Anthropic pricing page",
    licence="Anthropic documentation (© Anthropic); the seed is an excerpt of its price tables only",
    cadence="irregular, with model launches and price changes",
    package=__name__,
    endpoints=(
        Endpoint(
            SLUG,
            "pricing_page",
            "https://docs.anthropic.com/en/docs/about-claude/pricing",
            parse.pricing_page,
            COLUMNS,
            # Capture date unknown: the lineup (Claude Opus 4.1 newest) dates it to about August 2025.
            seeds=(Seed("anthropic_pricing_docs_EXCERPT.txt", dt.date(2025, 8, 15)),),
            max_bytes=8 * 1024 * 1024,
            grain="one row per model in the page's model pricing table",
        ),
    ),
)
