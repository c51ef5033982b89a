-- description: OpenRouter usage ranking as derived by token-tariff (7-day average of tokens per day per model), from every snapshot. slug is token-tariff's own model slug (claude-4-8-opus), not an OpenRouter id; usage_rank 1 = most tokens in that snapshot.
-- grain: one row per model slug × snapshot
SELECT
    slug,
    tokens_per_day,
    rank() OVER (PARTITION BY _snapshot_sha256 ORDER BY tokens_per_day DESC) AS usage_rank,
    slug LIKE '%:free' AS is_free_variant,
    _first_seen_at::DATE AS snapshot_date,
    _snapshot_sha256 AS snapshot_sha256
FROM raw.openrouter__usage_rankings
