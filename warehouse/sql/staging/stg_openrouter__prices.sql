-- description: OpenRouter token prices in long format, from every snapshot of its models API, converted from USD per token (strings in the payload) to USD per million tokens (rounded to 1e-9). model_name is the OpenRouter id (openai/o3); vendor is the part before '/' (without the '~' of alias ids such as ~openai/gpt-latest). A price of -1 is OpenRouter's marker for variable pricing (router models such as openrouter/auto): usd_per_mtok is NULL and is_variable_price true, never a negative price. `:free` and other `:variant` ids are their own models (usually priced 0), with base_model_name and variant split out. prompt_tiers lists the higher prices OpenRouter charges for long prompts (pricing.overrides: min_prompt_tokens -> usd_per_mtok of this price type), NULL when there is a single price. Per-request, image, web-search, audio and reasoning prices stay in the raw table.
-- grain: one row per model id × price type × snapshot
WITH models AS (
    SELECT * FROM raw.openrouter__models
),
long AS (
    UNPIVOT models
    ON pricing__prompt, pricing__completion, pricing__input_cache_read, pricing__input_cache_write,
       pricing__input_cache_write_1h
    INTO NAME price_field VALUE usd_per_token
),
tiers AS (
    SELECT _snapshot_sha256, id, unnest(tier)
    FROM (
        SELECT _snapshot_sha256, id, unnest(from_json(pricing__overrides, '[{"min_prompt_tokens": "BIGINT",
            "prompt": "DOUBLE", "completion": "DOUBLE", "input_cache_read": "DOUBLE",
            "input_cache_write": "DOUBLE", "input_cache_write_1h": "DOUBLE"}]')) AS tier
        FROM models
        WHERE pricing__overrides IS NOT NULL
    )
),
tier_prices AS (
    UNPIVOT tiers
    ON prompt, completion, input_cache_read, input_cache_write, input_cache_write_1h
    INTO NAME price_field VALUE usd_per_token
),
tier_lists AS (
    SELECT
        _snapshot_sha256,
        id,
        'pricing__' || price_field AS price_field,
        list({'min_prompt_tokens': min_prompt_tokens, 'usd_per_mtok': round(usd_per_token * 1e6, 9)}
             ORDER BY min_prompt_tokens) AS prompt_tiers
    FROM tier_prices
    GROUP BY ALL
)
SELECT
    id AS model_name,
    ltrim(split_part(id, '/', 1), '~') AS vendor,
    CASE price_field
        WHEN 'pricing__prompt' THEN 'input'
        WHEN 'pricing__completion' THEN 'output'
        WHEN 'pricing__input_cache_read' THEN 'cached_input'
        WHEN 'pricing__input_cache_write' THEN 'cache_write'
        WHEN 'pricing__input_cache_write_1h' THEN 'cache_write_1h'
    END AS price_type,
    CASE WHEN usd_per_token <> -1 THEN round(usd_per_token * 1e6, 9) END AS usd_per_mtok,
    _first_seen_at::DATE AS observed_on,
    _snapshot_sha256 AS snapshot_sha256,
    _first_seen_at::DATE AS snapshot_date,
    usd_per_token = -1 AS is_variable_price,
    split_part(id, ':', 1) AS base_model_name,
    nullif(split_part(id, ':', 2), '') AS variant,
    id LIKE '%:free' AS is_free_variant,
    alias_target__slug AS alias_of,
    name AS model_display_name,
    canonical_slug,
    epoch_ms(created * 1000) AS created_at,
    context_length,
    top_provider__max_completion_tokens AS max_completion_tokens,
    try_cast(knowledge_cutoff AS DATE) AS knowledge_cutoff,
    try_cast(expiration_date AS DATE) AS expires_on,
    prompt_tiers
FROM long
LEFT JOIN tier_lists USING (_snapshot_sha256, id, price_field)
