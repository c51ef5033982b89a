"""core.fct_prices and core.price_disagreements: one effective-dated price history per model.

llm-prices' curated history seeds the past; every snapshot of OpenRouter, LiteLLM (first-party entries)
and Anthropic's pricing page extends it — a changed price closes the open interval and opens a new one,
an unchanged price writes nothing. Precedence is in `warehouse/derivations/price_history.py`: the newest
evidence wins, then the vendor's page, then aggregators, then curated lists.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from warehouse.derivations.price_history import CLAIM_SCHEMA, observed_claims, resolve
from warehouse.identity.match import tidy_id
from warehouse.marts import PythonMart
from warehouse.marts.model_identity import litellm_first_party

# Observed sources: staging table -> (source slug, row filter). LiteLLM also lists resellers (Bedrock,
# Azure, Vertex...) whose prices differ from the vendor's: only first-party entries count.
OBSERVED = {
    "staging.stg_openrouter__prices": (
        "openrouter",
        ~pl.col("is_variable_price") & ~pl.col("is_free_variant"),
    ),
    "staging.stg_litellm__prices": ("litellm", litellm_first_party()),
    "staging.stg_anthropic_pricing__prices": ("anthropic_pricing", ~pl.col("is_deprecated")),
}
CURATED = "staging.stg_llm_prices__price_history"


def _with_model_ids(frame: pl.DataFrame, aliases: pl.DataFrame, source: str) -> pl.DataFrame:
    """Attach model_id; names with a config (":free", "-200k" tiers, effort variants) are not the
    model's list price and are left out. Where several names of one source map to one model (dated
    snapshots), the name equal to the canonical id is preferred, else the latest-sorting one."""
    matched = aliases.filter(
        (pl.col("source") == source) & pl.col("model_id").is_not_null() & pl.col("config").is_null()
    ).select(pl.col("alias").alias("model_name"), "model_id")
    return (
        frame.join(matched, on="model_name")
        .with_columns(
            (pl.col("model_name").map_elements(tidy_id, return_dtype=pl.String) == pl.col("model_id")).alias(
                "_exact"
            )
        )
        .sort(["_exact", "model_name"], descending=True)
    )


def claims(inputs: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    aliases = inputs["core.model_aliases"]
    parts = []
    for table, (source, keep) in OBSERVED.items():
        observed = (
            _with_model_ids(
                inputs[table].filter(keep & pl.col("usd_per_mtok").is_not_null()), aliases, source
            )
            .group_by("model_id", "price_type", "observed_on", maintain_order=True)
            .agg(pl.col("usd_per_mtok").first(), pl.col("model_name").first().alias("source_alias"))
        )
        parts.append(observed_claims(observed, source))
    parts.append(curated_claims(inputs[CURATED], aliases, inputs["core.dim_model"]))
    return pl.concat(parts).filter(pl.col("end").is_null() | (pl.col("start") < pl.col("end")))


def curated_claims(history: pl.DataFrame, aliases: pl.DataFrame, models: pl.DataFrame) -> pl.DataFrame:
    """llm-prices' newest snapshot of each vendor file, as published ranges. A first range without a
    from_date starts at the model's release date (or, unknown, at the snapshot date)."""
    newest = history.filter(pl.col("snapshot_date") == pl.col("snapshot_date").max().over("vendor"))
    rows = _with_model_ids(newest.filter(pl.col("usd_per_mtok").is_not_null()), aliases, "llm_prices")
    rows = rows.join(models.select("model_id", "release_date"), on="model_id", how="left")
    start = pl.coalesce("valid_from", "release_date", "snapshot_date")
    return (
        rows.unique(["model_id", "price_type", "valid_from"], keep="first", maintain_order=True)
        .select(
            "model_id",
            "price_type",
            "usd_per_mtok",
            start.alias("start"),
            pl.col("valid_to").alias("end"),
            pl.lit("llm_prices").alias("source"),
            pl.col("model_name").alias("source_alias"),
            start.alias("evidence_date"),
        )
        .cast(CLAIM_SCHEMA)
    )


def build_fct_prices(inputs: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    return resolve(claims(inputs))[0]


def build_price_disagreements(inputs: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    return resolve(claims(inputs))[1]


_READS = (CURATED, *OBSERVED, "core.model_aliases", "core.dim_model")

MARTS = (
    PythonMart(
        "core.fct_prices",
        "Effective-dated token prices per canonical model, USD per million tokens: valid_from inclusive, "
        "valid_to exclusive, NULL = still current. What did model M cost on date D is one join: "
        "valid_from <= D AND (valid_to IS NULL OR D < valid_to). Built from llm-prices' history and every "
        "snapshot of OpenRouter, LiteLLM (first-party entries) and Anthropic's pricing page; where they "
        "overlap, the newest evidence wins (then vendor page > OpenRouter > LiteLLM > llm-prices), and the "
        "losing prices are kept in core.price_disagreements. List prices only: free variants, long-context "
        "tiers and router models with variable prices are left out.",
        "one row per model × price type × validity interval",
        _READS,
        build_fct_prices,
        {
            "price_type": "input, output, cached_input, cache_write, cache_write_1h, batch_input, batch_output",
            "usd_per_mtok": "USD per million tokens",
            "valid_from": "first day the price applies (inclusive)",
            "valid_to": "first day it no longer applies (exclusive); NULL = current",
            "source": "the source whose claim won this interval",
            "source_alias": "the model name that source used",
            "evidence_date": "when the winning source first stated this price",
        },
    ),
    PythonMart(
        "core.price_disagreements",
        "Where two sources price the same model and type differently over the same dates: the price chosen "
        "for core.fct_prices, the one not chosen, and why (newer evidence, or source rank on equal dates).",
        "one row per model × price type × competing source × stretch of dates",
        _READS,
        build_price_disagreements,
    ),
)
