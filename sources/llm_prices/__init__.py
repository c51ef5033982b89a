"""simonw/llm-prices: each vendor's price history, USD per million tokens.

See README.md in this folder for endpoints, grain, licence, cadence and the date-range semantics.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from sources.llm_prices import parse
from sources.schema import Column
from sources.spec import Endpoint, Seed, Source

SLUG = "llm_prices"
_DATA = "https://raw.githubusercontent.com/simonw/llm-prices/main/data"
# Every seed is data/<vendor>.json at commit 723ef0b (2026-08-05).
_RECORDED_ON = dt.date(2026, 8, 5)

# The vendor files the seeds cover, named as upstream names them (endpoint names swap '-' for '_').
VENDORS = (
    "amazon",
    "anthropic",
    "deepseek",
    "google",
    "meta-ai",
    "minimax",
    "mistral",
    "moonshot-ai",
    "openai",
    "qwen",
    "xai",
)

COLUMNS = (
    Column("vendor", pl.String, required=True, description="the file's vendor slug, e.g. meta-ai"),
    Column("id", pl.String, required=True, description="model id, e.g. o3"),
    Column("name", pl.String, description="display name, e.g. 'Claude Sonnet 4 and 4.5 ≤200k'"),
    Column("input", pl.Float64, required=True, description="USD per million input tokens"),
    Column("output", pl.Float64, required=True, description="USD per million output tokens"),
    Column("input_cached", pl.Float64, description="USD per million cached input tokens"),
    Column("from_date", pl.Date, description="inclusive start; NULL = since the model appeared"),
    Column("to_date", pl.Date, description="exclusive end (upstream data/README.md); NULL = current"),
)


def _endpoint(vendor: str) -> Endpoint:
    return Endpoint(
        SLUG,
        vendor.replace("-", "_"),
        f"{_DATA}/{vendor}.json",
        parse.vendor_prices,
        COLUMNS,
        seeds=(Seed(f"{vendor}.json", _RECORDED_ON),),
        max_bytes=4 * 1024 * 1024,
        grain="one row per model × price_history entry",
    )


SOURCE = Source(
    slug=SLUG,
    title="llm-prices (simonw) price history",
    licence="none stated (simonw/llm-prices has no LICENSE file)",
    cadence="irregular, edited by hand when a vendor changes prices",
    package=__name__,
    endpoints=tuple(_endpoint(vendor) for vendor in VENDORS),
)
