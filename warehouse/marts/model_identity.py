"""core.model_aliases and core.dim_model: one canonical id per model, every name any source uses.

Built from the curated file (`warehouse/identity/curated.yaml`), the normaliser, and the names seen in
every staging table. Unmatched names are kept (model_id NULL) with their nearest candidates, so a new
model shows up as one line to add to the curated file, not as silently missing data.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

import polars as pl
import yaml

from warehouse.identity.match import Canonical, canonical_models, match_aliases
from warehouse.marts import PythonMart

# Where each source publishes model names: staging table -> (source slug, name columns, row filter).
NAME_COLUMNS: dict[str, tuple[str, tuple[str, ...], pl.Expr | None]] = {
    "staging.stg_metr__horizons": ("metr", ("model",), None),
    "staging.stg_metr__runs": ("metr", ("model", "alias"), ~pl.col("is_human_baseline")),
    "staging.stg_metr__release_dates": ("metr", ("alias",), None),
    "staging.stg_aider__results": ("aider", ("model_name",), None),
    "staging.stg_swe_bench__results": ("swe_bench", ("model_name",), None),
    "staging.stg_swe_bench__instance_costs": ("swe_bench", ("model_name",), None),
    "staging.stg_arc_prize__results": ("arc_prize", ("model_name",), ~pl.col("is_human_baseline")),
    "staging.stg_epoch__benchmark_runs": ("epoch", ("model_name",), None),
    "staging.stg_epoch__external_benchmarks": ("epoch", ("model_name",), None),
    "staging.stg_epoch__capabilities_index": ("epoch", ("model_name",), None),
    "staging.stg_lmarena__elo": ("lmarena", ("model_name",), None),
    "staging.stg_artificial_analysis__models": ("artificial_analysis", ("slug",), None),
    "staging.stg_llm_prices__price_history": ("llm_prices", ("model_name",), None),
    "staging.stg_litellm__prices": ("litellm", ("model_name",), None),
    "staging.stg_openrouter__prices": ("openrouter", ("model_name",), None),
    "staging.stg_anthropic_pricing__prices": ("anthropic_pricing", ("model_name",), None),
}
_LITELLM_FIRST_PARTY = (
    "openai",
    "text-completion-openai",
    "anthropic",
    "gemini",
    "xai",
    "deepseek",
    "mistral",
)


def litellm_first_party() -> pl.Expr:
    """LiteLLM rows for the vendor's own API (not Bedrock, Azure, Vertex, fine-tunes or regional ids)."""
    return pl.col("vendor").is_in(_LITELLM_FIRST_PARTY) & ~pl.col("model_name").str.contains(r"[/:]|^ft")


@cache
def curated() -> dict:
    return yaml.safe_load(resources.files("warehouse.identity").joinpath("curated.yaml").read_text("utf-8"))


def names_seen(inputs: Mapping[str, pl.DataFrame]) -> list[tuple[str, str]]:
    """Every (source, model name) in every staging table."""
    seen: set[tuple[str, str]] = set()
    for table, (source, columns, keep) in NAME_COLUMNS.items():
        frame = inputs[table] if keep is None else inputs[table].filter(keep)
        for column in columns:
            seen.update((source, name) for name in frame[column].drop_nulls().unique() if name.strip())
    return sorted(seen)


def canonicals(inputs: Mapping[str, pl.DataFrame]) -> list[Canonical]:
    def rows(table: str, name: str, vendor: str, display: str, keep: pl.Expr | None = None):
        frame = inputs[table] if keep is None else inputs[table].filter(keep)
        return (
            frame.select(pl.col(name).alias("n"), pl.col(vendor).alias("v"), pl.col(display).alias("d"))
            .unique()
            .rows()
        )

    return canonical_models(
        curated()["models"],
        {
            "llm_prices": rows(
                "staging.stg_llm_prices__price_history", "model_name", "vendor", "model_display_name"
            ),
            "openrouter": rows(
                "staging.stg_openrouter__prices",
                "model_name",
                "vendor",
                "model_display_name",
                ~pl.col("model_name").str.starts_with("~") & pl.col("alias_of").is_null(),
            ),
            "litellm": rows(
                "staging.stg_litellm__prices", "model_name", "vendor", "model_name", litellm_first_party()
            ),
        },
    )


def build_model_aliases(inputs: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    matches = match_aliases(names_seen(inputs), canonicals(inputs), curated()["aliases"])
    return pl.DataFrame(
        [
            {
                "alias": m.alias,
                "source": m.source,
                "model_id": m.model_id,
                "config": m.config,
                "match_key": m.key,
                "match_method": m.method,
                "nearest_candidates": list(m.nearest),
            }
            for m in matches
        ],
        schema={
            "alias": pl.String,
            "source": pl.String,
            "model_id": pl.String,
            "config": pl.String,
            "match_key": pl.String,
            "match_method": pl.String,
            "nearest_candidates": pl.List(pl.String),
        },
    )


# Release dates published by sources, best first: evaluators' own dates, then listing dates.
_RELEASE_DATES = (
    ("staging.stg_metr__horizons", "metr", "model", "release_date"),
    ("staging.stg_metr__release_dates", "metr", "alias", "release_date"),
    ("staging.stg_epoch__model_versions", "epoch", "model_name", "released_on"),
    ("staging.stg_artificial_analysis__models", "artificial_analysis", "slug", "released_on"),
    ("staging.stg_openrouter__prices", "openrouter", "model_name", "created_at"),
)


def build_dim_model(inputs: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    aliases = inputs["core.model_aliases"].filter(pl.col("model_id").is_not_null())
    published = pl.concat(
        [
            inputs[table]
            .select(
                pl.lit(source).alias("source"),
                pl.col(name).alias("alias"),
                pl.col(date).cast(pl.Date).alias("date"),
            )
            .drop_nulls()
            .with_columns(pl.lit(rank).alias("rank"))
            for rank, (table, source, name, date) in enumerate(_RELEASE_DATES)
        ]
    )
    dates = (
        published.join(aliases.select("alias", "source", "model_id"), on=["alias", "source"])
        .sort("rank", "date")
        .group_by("model_id", maintain_order=True)
        .agg(
            pl.col("date").first().alias("release_date"),
            pl.col("source").first().alias("release_date_source"),
        )
    )
    models = pl.DataFrame(
        [
            {
                "model_id": c.model_id,
                "display_name": c.display_name,
                "vendor": c.vendor,
                "defined_by": c.origin,
                "match_key": c.key,
                "curated_release_date": c.release_date,
            }
            for c in canonicals(inputs)
        ],
        schema={
            "model_id": pl.String,
            "display_name": pl.String,
            "vendor": pl.String,
            "defined_by": pl.String,
            "match_key": pl.String,
            "curated_release_date": pl.Date,
        },
    )
    counts = aliases.group_by("model_id").agg(
        pl.len().alias("aliases"), pl.col("source").n_unique().alias("sources")
    )
    return (
        models.join(dates, on="model_id", how="left")
        .join(counts, on="model_id", how="left")
        .with_columns(
            pl.coalesce("curated_release_date", "release_date").alias("release_date"),
            pl.when(pl.col("curated_release_date").is_not_null())
            .then(pl.lit("curated"))
            .otherwise(pl.col("release_date_source"))
            .alias("release_date_source"),
            pl.col("model_id").str.extract(r"(\d+(?:\.\d+)?)").alias("version"),
            pl.col("model_id")
            .str.replace_all(r"-?\d+(?:\.\d+)?[a-z]?\b", "")
            .str.strip_chars("-")
            .alias("family"),
            pl.col("aliases").fill_null(0),
            pl.col("sources").fill_null(0),
        )
        .select(
            "model_id",
            "display_name",
            "vendor",
            "family",
            "version",
            "release_date",
            "release_date_source",
            "defined_by",
            "match_key",
            "aliases",
            "sources",
        )
        .sort("model_id")
    )


MARTS = (
    PythonMart(
        "core.model_aliases",
        "Every model name seen in any source, matched to its canonical model (curated file first, then the "
        "deterministic normaliser: case, separators, dates, provider prefixes, scaffold tags). Reasoning "
        "effort, thinking budgets and price tiers are split into `config`, not merged into the model. "
        "model_id is NULL where nothing matched; nearest_candidates then lists the closest canonical ids.",
        "one row per source × alias",
        tuple(NAME_COLUMNS),
        build_model_aliases,
        {
            "alias": "the name exactly as the source publishes it",
            "source": "source slug, as in the staging table names",
            "model_id": "canonical model (core.dim_model); NULL = unmatched",
            "config": "effort / thinking budget / price tier / variant split off the name",
            "match_method": "curated (warehouse/identity/curated.yaml) or normalised",
        },
    ),
    PythonMart(
        "core.dim_model",
        "Canonical models: the curated list plus every model a price list sells (llm-prices, then OpenRouter, "
        "then LiteLLM's first-party entries), one per normalised name. release_date is the curated date, else "
        "the first published by METR, Epoch, Artificial Analysis, or OpenRouter's listing date (source named).",
        "one row per canonical model",
        (
            "core.model_aliases",
            "staging.stg_llm_prices__price_history",
            "staging.stg_openrouter__prices",
            "staging.stg_litellm__prices",
            "staging.stg_metr__horizons",
            "staging.stg_metr__release_dates",
            "staging.stg_epoch__model_versions",
            "staging.stg_artificial_analysis__models",
        ),
        build_dim_model,
        {
            "model_id": "canonical id: tidy lowercase name, versions with dots (claude-opus-4.5)",
            "family": "model_id without version numbers",
            "defined_by": "curated | llm_prices | openrouter | litellm",
            "release_date_source": "which source the release date comes from",
        },
    ),
)
