-- description: Anthropic's published token prices in long format (USD per million tokens), from every snapshot of its pricing page. Price types: input = Base Input Tokens, cache_write = 5m Cache Writes, cache_write_1h = 1h Cache Writes, cached_input = Cache Hits & Refreshes, output = Output Tokens, batch_input/batch_output from the batch table. model_name is the name as printed without the page's "(deprecated)" marker, which becomes is_deprecated, so a model keeps one name when it is deprecated. The page states no validity dates: observed_on is the snapshot date (the seed's is approximate, about 2025-08). The long-context (>200K tokens) table is not read.
-- grain: one row per model × price type × snapshot
WITH long AS (
    UNPIVOT raw.anthropic_pricing__pricing_page
    ON base_input_tokens, cache_writes_5m, cache_writes_1h, cache_hits_refreshes, output_tokens,
       batch_input, batch_output
    INTO NAME price_field VALUE usd_per_mtok
)
SELECT
    trim(regexp_replace(model, '\(\s*deprecated\s*\)', '', 'i')) AS model_name,
    'anthropic' AS vendor,
    CASE price_field
        WHEN 'base_input_tokens' THEN 'input'
        WHEN 'cache_writes_5m' THEN 'cache_write'
        WHEN 'cache_writes_1h' THEN 'cache_write_1h'
        WHEN 'cache_hits_refreshes' THEN 'cached_input'
        WHEN 'output_tokens' THEN 'output'
        ELSE price_field
    END AS price_type,
    usd_per_mtok,
    _first_seen_at::DATE AS observed_on,
    _snapshot_sha256 AS snapshot_sha256,
    _first_seen_at::DATE AS snapshot_date,
    regexp_matches(model, '\(\s*deprecated\s*\)', 'i') AS is_deprecated,
    model AS model_name_as_printed
FROM long
