"""Artificial Analysis: intelligence/coding indices, output speed, latency and prices per model.

The API needs a key (`ARTIFICIAL_ANALYSIS_API_KEY`, sent as `x-api-key`); without it the endpoints
are served from the archive, and say so. The seeds are token-tariff's reduced copies. See README.md.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from sources.artificial_analysis import parse
from sources.schema import Column
from sources.spec import Endpoint, Seed, Source

SLUG = "artificial_analysis"

_EVALUATIONS = (
    "artificial_analysis_math_index",
    "artificial_analysis_agentic_index",
    "mmlu_pro",
    "gpqa",
    "hle",
    "livecodebench",
    "scicode",
    "math_500",
    "aime",
    "aime_25",
    "ifbench",
    "lcr",
    "terminalbench_hard",
    "tau2",
)

MODEL_COLUMNS = (
    Column("slug", pl.String, required=True, description="AA model slug, e.g. o3"),
    Column("payload_shape", pl.String, required=True, description="api | token_tariff_reduced (parser's)"),
    Column("id", pl.String, description="AA model uuid (API only)"),
    Column("name", pl.String),
    Column("release_date", pl.Date),
    Column("model_creator__id", pl.String),
    Column("model_creator__name", pl.String),
    Column("model_creator__slug", pl.String),
    # In the reduced shape: `intelligence` and `coding`.
    Column("evaluations__artificial_analysis_intelligence_index", pl.Float64),
    Column("evaluations__artificial_analysis_coding_index", pl.Float64),
    *(Column(f"evaluations__{name}", pl.Float64) for name in _EVALUATIONS),
    Column("pricing__price_1m_blended_3_to_1", pl.Float64, description="USD per 1M tokens, 3:1 input:output"),
    Column("pricing__price_1m_input_tokens", pl.Float64, description="USD per 1M input tokens"),
    Column("pricing__price_1m_output_tokens", pl.Float64, description="USD per 1M output tokens"),
    Column("median_output_tokens_per_second", pl.Float64, description="reduced: speed; 0 = not measured"),
    Column("median_time_to_first_token_seconds", pl.Float64, description="reduced: ttft; 0 = not measured"),
    Column("median_time_to_first_answer_token", pl.Float64, description="seconds"),
)

OPENROUTER_SCORE_COLUMNS = (
    Column("id", pl.String, required=True, description="OpenRouter model id, e.g. anthropic/claude-opus-5"),
    Column("intelligence", pl.Float64, description="AA Intelligence Index"),
    Column("coding", pl.Float64, description="AA Coding Index"),
    Column("agentic", pl.Float64, description="AA Agentic Index"),
)

SOURCE = Source(
    slug=SLUG,
    title="Artificial Analysis model indices, speed and prices",
    licence="Artificial Analysis data terms (attribution required); seeds via token-tariff (MIT)",
    cadence="continuous (AA re-measures every few hours); seeds are irregular third-party copies",
    package=__name__,
    endpoints=(
        Endpoint(
            SLUG,
            "models",
            "https://artificialanalysis.ai/api/v2/data/llms/models",
            parse.models,
            MODEL_COLUMNS,
            # token-tariff's aa_models.json @ dc2baf9; its provenance dates the data no later than 2026-07-05.
            seeds=(Seed("aa_models_2026-07-05.json", dt.date(2026, 7, 5)),),
            max_bytes=16 * 1024 * 1024,
            api_key_env="ARTIFICIAL_ANALYSIS_API_KEY",
            api_key_header="x-api-key",
            grain="one row per model (AA slug)",
        ),
        Endpoint(
            SLUG,
            "openrouter_benchmark_scores",
            "https://raw.githubusercontent.com/Prajwalsrinvas/token-tariff/main/benchmark_scores.json",
            parse.openrouter_benchmark_scores,
            OPENROUTER_SCORE_COLUMNS,
            seeds=(Seed("benchmark_scores_openrouter-derived_2026-08-06.json", dt.date(2026, 8, 6)),),
            max_bytes=4 * 1024 * 1024,
            grain="one row per OpenRouter model id carrying AA indices",
        ),
    ),
)
