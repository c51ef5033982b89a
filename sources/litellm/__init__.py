"""LiteLLM's model price and context-window map: USD per token for ~2,000 model deployments.

See README.md in this folder for the endpoint, grain, licence, cadence and which fields are loaded.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from sources.litellm import parse
from sources.schema import Column
from sources.spec import Endpoint, Seed, Source

SLUG = "litellm"

# Every field the recorded 2025-02-06 file carries (nested `metadata` flattened), plus the newer
# 1-hour cache-write and >200k-token prices the staging table reads. Fields added upstream since are
# reported by the schema-drift check (a WARN), not loaded: declare them here to keep them.
_COSTS = (  # USD per token unless the name says otherwise (per character, second, image, pixel, query)
    "input_cost_per_token",
    "output_cost_per_token",
    "cache_read_input_token_cost",
    "cache_creation_input_token_cost",
    "cache_creation_input_token_cost_above_1hr",
    "input_cost_per_token_batches",
    "output_cost_per_token_batches",
    "input_cost_per_token_batch_requests",
    "input_cost_per_token_cache_hit",
    "input_cost_per_token_above_128k_tokens",
    "output_cost_per_token_above_128k_tokens",
    "input_cost_per_token_above_200k_tokens",
    "output_cost_per_token_above_200k_tokens",
    "input_cost_per_audio_token",
    "output_cost_per_audio_token",
    "cache_creation_input_audio_token_cost",
    "input_cost_per_character",
    "output_cost_per_character",
    "input_cost_per_character_above_128k_tokens",
    "output_cost_per_character_above_128k_tokens",
    "input_cost_per_image",
    "input_cost_per_image_above_128k_tokens",
    "output_cost_per_image",
    "input_cost_per_pixel",
    "output_cost_per_pixel",
    "input_cost_per_second",
    "output_cost_per_second",
    "input_cost_per_audio_per_second",
    "input_cost_per_audio_per_second_above_128k_tokens",
    "input_cost_per_video_per_second",
    "input_cost_per_video_per_second_above_128k_tokens",
    "input_cost_per_query",
    "input_cost_per_request",
    "input_dbu_cost_per_token",
    "output_dbu_cost_per_token",
    "output_db_cost_per_token",
)
_COUNTS = (
    "max_tokens",
    "max_input_tokens",
    "max_output_tokens",
    "max_query_tokens",
    "max_images_per_prompt",
    "max_videos_per_prompt",
    "max_video_length",
    "max_audio_per_prompt",
    "max_pdf_size_mb",
    "output_vector_size",
    "tool_use_system_prompt_tokens",
    "rpm",
    "tpm",
    "rpd",
)
_FLAGS = (
    "supports_function_calling",
    "supports_parallel_function_calling",
    "supports_tool_choice",
    "supports_vision",
    "supports_response_schema",
    "supports_prompt_caching",
    "supports_system_messages",
    "supports_assistant_prefill",
    "supports_audio_input",
    "supports_audio_output",
    "supports_pdf_input",
    "supports_image_input",
    "supports_embedding_image_input",
    "metadata__supports_tool_choice",
)

COLUMNS = (
    Column("model", pl.String, required=True, description="the map key, e.g. gpt-4o or bedrock/..."),
    Column("litellm_provider", pl.String, required=True, description="e.g. openai, bedrock, vertex_ai"),
    Column("mode", pl.String, description="chat, completion, embedding, image_generation, ..."),
    Column("deprecation_date", pl.Date),
    Column("source", pl.String, description="URL the price was taken from"),
    Column("metadata__notes", pl.String),
    Column("max_audio_length_hours", pl.Float64),
    *(Column(name, pl.Float64, description="USD (see name for the unit)") for name in _COSTS),
    *(Column(name, pl.Int64) for name in _COUNTS),
    *(Column(name, pl.Boolean) for name in _FLAGS),
)

SOURCE = Source(
    slug=SLUG,
    title="LiteLLM model prices and context windows",
    licence="MIT (BerriAI/litellm); the recorded copy comes from the RoCry/llm-api-price mirror",
    cadence="several times a day (community pull requests)",
    package=__name__,
    endpoints=(
        Endpoint(
            SLUG,
            "model_prices",
            "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json",
            parse.model_prices,
            COLUMNS,
            seeds=(Seed("model_prices_and_context_window_2025-02-06.json", dt.date(2025, 2, 6)),),
            max_bytes=32 * 1024 * 1024,
            grain="one row per model key (a model as served by one provider)",
        ),
    ),
)
