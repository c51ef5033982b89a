"""OpenRouter: its models API (prices as strings of USD per token) and token-tariff's usage ranking.

See README.md in this folder for endpoints, grain, licence, cadence and the price conventions.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from sources.openrouter import parse
from sources.schema import Column
from sources.spec import Endpoint, Seed, Source

SLUG = "openrouter"

# Besides prompt and completion: USD per token (per request, image or search for those three).
_OTHER_PRICES = (
    "input_cache_read",
    "input_cache_write",
    "input_cache_write_1h",
    "internal_reasoning",
    "request",
    "image",
    "image_output",
    "web_search",
    "audio",
    "audio_output",
    "input_audio_cache",
)

_DEFAULT_PARAMETERS = (
    "temperature",
    "top_p",
    "top_k",
    "frequency_penalty",
    "presence_penalty",
    "repetition_penalty",
)

MODEL_COLUMNS = (
    Column("id", pl.String, required=True, description="e.g. openai/o3, deepseek/x:free, ~openai/gpt-latest"),
    Column("canonical_slug", pl.String, description="dated slug, e.g. openai/o3-2025-04-16"),
    Column("hugging_face_id", pl.String),
    Column("name", pl.String, required=True, description="display name, e.g. 'OpenAI: o3'"),
    Column("created", pl.Int64, description="unix SECONDS (staging converts)"),
    Column("description", pl.String),
    Column("context_length", pl.Int64),
    Column("architecture__modality", pl.String),
    Column("architecture__input_modalities", pl.List(pl.String)),
    Column("architecture__output_modalities", pl.List(pl.String)),
    Column("architecture__tokenizer", pl.String),
    Column("architecture__instruct_type", pl.String),
    Column("pricing__prompt", pl.Float64, required=True, description="USD/input token; -1 = variable"),
    Column("pricing__completion", pl.Float64, required=True, description="USD/output token; -1 = variable"),
    *(Column(f"pricing__{name}", pl.Float64) for name in _OTHER_PRICES),
    Column("pricing__overrides", pl.String, description="JSON: long-prompt price tiers"),
    Column("top_provider__context_length", pl.Int64),
    Column("top_provider__max_completion_tokens", pl.Int64),
    Column("top_provider__is_moderated", pl.Boolean),
    Column("per_request_limits", pl.String),
    Column("supported_parameters", pl.List(pl.String)),
    Column("supported_voices", pl.List(pl.String)),
    *(Column(f"default_parameters__{name}", pl.Float64) for name in _DEFAULT_PARAMETERS),
    # Text, not DATE: a reshaped date here must not reject the whole price list (staging try_casts).
    Column("knowledge_cutoff", pl.String, description="YYYY-MM-DD when stated"),
    Column("expiration_date", pl.String, description="YYYY-MM-DD when the model is scheduled to go"),
    Column("links__details", pl.String),
    Column("benchmarks__artificial_analysis__intelligence_index", pl.Float64),
    Column("benchmarks__artificial_analysis__coding_index", pl.Float64),
    Column("benchmarks__artificial_analysis__agentic_index", pl.Float64),
    Column("benchmarks__design_arena", pl.String, description="JSON list of {arena, category, elo, ...}"),
    Column("reasoning__mandatory", pl.Boolean),
    Column("reasoning__default_enabled", pl.Boolean),
    Column("reasoning__supported_efforts", pl.List(pl.String)),
    Column("reasoning__default_effort", pl.String),
    Column("reasoning__supports_max_tokens", pl.Boolean),
    Column("alias_target__slug", pl.String, description="for ~aliases: the model they currently point to"),
    Column("alias_target__name", pl.String),
)

USAGE_COLUMNS = (
    Column("slug", pl.String, required=True, description="token-tariff's slug, e.g. claude-4-8-opus"),
    Column("tokens_per_day", pl.Float64, required=True, description="7-day average of daily tokens"),
)

SOURCE = Source(
    slug=SLUG,
    title="OpenRouter models and usage",
    licence="OpenRouter API response (terms of openrouter.ai); usage ranking by token-tariff (MIT)",
    cadence="models: continuously (prices change without notice); usage ranking: daily",
    package=__name__,
    endpoints=(
        Endpoint(
            SLUG,
            "models",
            "https://openrouter.ai/api/v1/models",
            parse.models,
            MODEL_COLUMNS,
            seeds=(Seed("openrouter_models_2026-08-01.json", dt.date(2026, 8, 1)),),
            max_bytes=16 * 1024 * 1024,
            grain="one row per model id listed by the API",
        ),
        Endpoint(
            SLUG,
            "usage_rankings",
            "https://raw.githubusercontent.com/Prajwalsrinvas/token-tariff/main/usage_rankings.json",
            parse.usage_rankings,
            USAGE_COLUMNS,
            seeds=(Seed("usage_rankings_2026-08-06.json", dt.date(2026, 8, 6)),),
            max_bytes=4 * 1024 * 1024,
            grain="one row per model slug in token-tariff's usage ranking",
        ),
    ),
)
