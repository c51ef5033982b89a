-- description: simonw/llm-prices price history in long format, from every snapshot of every vendor file; USD per million tokens as published. valid_from = from_date (inclusive), valid_to = to_date taken unchanged: llm-prices defines to_date as EXCLUSIVE ("effective up to (but NOT including) this date", data/README.md, and a changed price's to_date equals its successor's from_date); NULL = open (since the model appeared / still current). An entry listed twice verbatim in one file (same model, interval and price) is kept once, times_listed counts it. overlaps_previous: the interval starts before an earlier interval of the same vendor × model × price type (in the same snapshot) ends, which must never happen; gap_days_before: days from the latest earlier end to this start (0 contiguous, > 0 a gap with no price, < 0 an overlap; NULL for the first interval or after an open end).
-- grain: one row per vendor × model × price type × validity interval × snapshot
WITH files AS (
    SELECT * FROM raw.llm_prices__amazon
    UNION ALL BY NAME SELECT * FROM raw.llm_prices__anthropic
    UNION ALL BY NAME SELECT * FROM raw.llm_prices__deepseek
    UNION ALL BY NAME SELECT * FROM raw.llm_prices__google
    UNION ALL BY NAME SELECT * FROM raw.llm_prices__meta_ai
    UNION ALL BY NAME SELECT * FROM raw.llm_prices__minimax
    UNION ALL BY NAME SELECT * FROM raw.llm_prices__mistral
    UNION ALL BY NAME SELECT * FROM raw.llm_prices__moonshot_ai
    UNION ALL BY NAME SELECT * FROM raw.llm_prices__openai
    UNION ALL BY NAME SELECT * FROM raw.llm_prices__qwen
    UNION ALL BY NAME SELECT * FROM raw.llm_prices__xai
),
long AS (
    -- UNPIVOT drops NULL prices: a model without a cached-input price has no cached_input row.
    UNPIVOT files ON input, output, input_cached INTO NAME price_field VALUE usd_per_mtok
),
entries AS (
    SELECT
        id AS model_name,
        vendor,
        CASE price_field WHEN 'input_cached' THEN 'cached_input' ELSE price_field END AS price_type,
        usd_per_mtok,
        from_date AS valid_from,
        to_date AS valid_to,
        _first_seen_at::DATE AS observed_on,
        _snapshot_sha256 AS snapshot_sha256,
        arg_min(name, _row) AS model_display_name,  -- the first listing's name
        count(*) AS times_listed
    FROM long
    GROUP BY ALL
),
ordered AS (
    SELECT
        *,
        -- the latest end among the intervals that start earlier (open end = infinity)
        max(coalesce(valid_to, 'infinity'::DATE)) OVER (
            PARTITION BY snapshot_sha256, vendor, model_name, price_type
            ORDER BY valid_from NULLS FIRST, valid_to NULLS LAST, usd_per_mtok
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS previous_end
    FROM entries
)
SELECT
    model_name,
    vendor,
    price_type,
    usd_per_mtok,
    valid_from,
    valid_to,
    observed_on,
    snapshot_sha256,
    observed_on AS snapshot_date,
    model_display_name,
    coalesce(previous_end > coalesce(valid_from, '-infinity'::DATE), false) AS overlaps_previous,
    CASE WHEN isfinite(previous_end) AND valid_from IS NOT NULL
         THEN date_diff('day', previous_end, valid_from) END AS gap_days_before,
    times_listed
FROM ordered
