-- description: LiteLLM token prices in long format, from every snapshot of its price file, converted from USD per token to USD per million tokens (rounded to 1e-9). Only text-generation entries (mode chat, completion or responses) are kept: embeddings, image, audio, rerank and moderation entries are priced per image/second/query or have no output, and the mode-less fireworks size tiers are billing classes, not models. cached_input is cache_read_input_token_cost, or DeepSeek's input_cost_per_token_cache_hit where that is the only cache price; cache_write is cache_creation_input_token_cost (5-minute cache), cache_write_1h is cache_creation_input_token_cost_above_1hr. A price type the entry does not state has no row. usd_per_mtok_above_128k/_above_200k: the long-prompt input/output price where LiteLLM states one.
-- grain: one row per model key × price type × snapshot
WITH entries AS (
    SELECT
        *,
        coalesce(cache_read_input_token_cost, input_cost_per_token_cache_hit) AS cached_input_cost
    FROM raw.litellm__model_prices
    WHERE mode IN ('chat', 'completion', 'responses')
),
long AS (
    UNPIVOT entries
    ON input_cost_per_token, output_cost_per_token, cached_input_cost, cache_creation_input_token_cost,
       cache_creation_input_token_cost_above_1hr, input_cost_per_token_batches, output_cost_per_token_batches
    INTO NAME price_field VALUE usd_per_token
)
SELECT
    model AS model_name,
    litellm_provider AS vendor,
    CASE price_field
        WHEN 'input_cost_per_token' THEN 'input'
        WHEN 'output_cost_per_token' THEN 'output'
        WHEN 'cached_input_cost' THEN 'cached_input'
        WHEN 'cache_creation_input_token_cost' THEN 'cache_write'
        WHEN 'cache_creation_input_token_cost_above_1hr' THEN 'cache_write_1h'
        WHEN 'input_cost_per_token_batches' THEN 'batch_input'
        WHEN 'output_cost_per_token_batches' THEN 'batch_output'
    END AS price_type,
    round(usd_per_token * 1e6, 9) AS usd_per_mtok,
    _first_seen_at::DATE AS observed_on,
    _snapshot_sha256 AS snapshot_sha256,
    _first_seen_at::DATE AS snapshot_date,
    mode,
    CASE price_field
        WHEN 'input_cost_per_token' THEN round(input_cost_per_token_above_128k_tokens * 1e6, 9)
        WHEN 'output_cost_per_token' THEN round(output_cost_per_token_above_128k_tokens * 1e6, 9)
    END AS usd_per_mtok_above_128k,
    CASE price_field
        WHEN 'input_cost_per_token' THEN round(input_cost_per_token_above_200k_tokens * 1e6, 9)
        WHEN 'output_cost_per_token' THEN round(output_cost_per_token_above_200k_tokens * 1e6, 9)
    END AS usd_per_mtok_above_200k,
    max_input_tokens,
    max_output_tokens,
    deprecation_date AS deprecated_on,
    supports_prompt_caching,
    supports_function_calling,
    supports_vision
FROM long
