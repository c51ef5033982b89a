-- description: Artificial Analysis indices, speed, latency and prices per model, every snapshot, from three kinds of payload told apart by origin: api (the AA API), token_tariff_reduced (token-tariff's cut of it: slug, speed, ttft, intelligence, coding only) and openrouter_derived (token-tariff's AA indices keyed by OpenRouter id, so slug is an OpenRouter id and creator_slug its vendor prefix). Indices are AA's 0-100 scales. output_tokens_per_second and ttft_seconds are NULL where AA reports 0 (not measured). Prices are USD per 1M tokens (blended = 3:1 input:output), present only from the API. Columns a payload does not carry are NULL.
-- grain: one row per model × origin × snapshot
WITH models AS (
    SELECT
        payload_shape AS origin,
        slug,
        name,
        model_creator__name AS creator_name,
        model_creator__slug AS creator_slug,
        evaluations__artificial_analysis_intelligence_index AS intelligence_index,
        evaluations__artificial_analysis_coding_index AS coding_index,
        evaluations__artificial_analysis_agentic_index AS agentic_index,
        evaluations__artificial_analysis_math_index AS math_index,
        nullif(median_output_tokens_per_second, 0) AS output_tokens_per_second,
        nullif(median_time_to_first_token_seconds, 0) AS ttft_seconds,
        nullif(median_time_to_first_answer_token, 0) AS ttfa_seconds,
        pricing__price_1m_blended_3_to_1 AS price_1m_blended_usd,
        pricing__price_1m_input_tokens AS price_1m_input_usd,
        pricing__price_1m_output_tokens AS price_1m_output_usd,
        release_date AS released_on,
        id AS aa_id,
        _first_seen_at,
        _snapshot_sha256
    FROM raw.artificial_analysis__models
    UNION ALL BY NAME
    SELECT
        'openrouter_derived' AS origin,
        id AS slug,
        split_part(id, '/', 1) AS creator_slug,
        intelligence AS intelligence_index,
        coding AS coding_index,
        agentic AS agentic_index,
        _first_seen_at,
        _snapshot_sha256
    FROM raw.artificial_analysis__openrouter_benchmark_scores
)
SELECT DISTINCT
    origin,
    slug,
    name,
    creator_name,
    creator_slug,
    intelligence_index,
    coding_index,
    agentic_index,
    math_index,
    output_tokens_per_second,
    ttft_seconds,
    ttfa_seconds,
    price_1m_blended_usd,
    price_1m_input_usd,
    price_1m_output_usd,
    released_on,
    aa_id,
    _first_seen_at::DATE AS snapshot_date,
    _snapshot_sha256 AS snapshot_sha256
FROM models
