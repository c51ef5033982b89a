-- description: LMArena text leaderboard Elo per model, every snapshot, in the leaderboard conventions (benchmark lmarena_text, score = Elo, score_unit elo). From a third-party scrape (maxencefrenette/all-the-benchmarks), not an LMArena export; no cost, tokens or dates are published. model_name is LMArena's model key; effort is not stated (keys such as qwen3-235b-a22b-no-thinking name it only in prose).
-- grain: one row per model × snapshot
SELECT DISTINCT
    'lmarena_text' AS benchmark,
    model AS model_name,
    CAST(NULL AS VARCHAR) AS effort,
    CAST(NULL AS VARCHAR) AS scaffold,
    elo AS score,
    'elo' AS score_unit,
    CAST(NULL AS DOUBLE) AS total_cost_usd,
    CAST(NULL AS DOUBLE) AS cost_per_task_usd,
    CAST(NULL AS BIGINT) AS tasks,
    CAST(NULL AS BIGINT) AS input_tokens,
    CAST(NULL AS BIGINT) AS output_tokens,
    CAST(NULL AS DATE) AS evaluated_on,
    CAST(NULL AS DATE) AS released_on,
    _first_seen_at::DATE AS snapshot_date,
    _snapshot_sha256 AS snapshot_sha256,
    benchmark AS leaderboard
FROM raw.lmarena__text_derived
