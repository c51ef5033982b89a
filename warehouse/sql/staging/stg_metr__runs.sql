-- description: Every METR run from the newest snapshot of each runs file, in one schema for both generations: `score` is score_cont (TH 1.x files) or score (2025 all_runs file); `run_cost_usd` is generation_cost (NULL where METR wrote 0.0) or, in the 2025 file, dollar_equivalent (filled only for human baselines). Fields a generation lacks are NULL. Exact duplicate lines are dropped.
-- grain: one row per run × runs file
WITH newest AS (
    SELECT endpoint, arg_max(sha256, first_seen_at) AS sha256
    FROM raw.payloads
    WHERE endpoint IN ('metr/runs_1_1', 'metr/runs_1_0', 'metr/all_runs')
    GROUP BY endpoint
),
runs AS (
    SELECT 'runs_1_1' AS runs_file, '1.1' AS benchmark_version,
           r.* RENAME (score_cont AS score, generation_cost AS run_cost)
    FROM raw.metr__runs_1_1 r
    JOIN newest n ON n.endpoint = 'metr/runs_1_1' AND n.sha256 = r._snapshot_sha256
    UNION ALL BY NAME
    SELECT 'runs_1_0' AS runs_file, '1.0' AS benchmark_version,
           r.* RENAME (score_cont AS score, generation_cost AS run_cost)
    FROM raw.metr__runs_1_0 r
    JOIN newest n ON n.endpoint = 'metr/runs_1_0' AND n.sha256 = r._snapshot_sha256
    UNION ALL BY NAME
    SELECT 'all_runs' AS runs_file, '1.0' AS benchmark_version,
           r.* RENAME (total_tokens AS tokens_count, dollar_equivalent AS run_cost)
    FROM raw.metr__all_runs r
    JOIN newest n ON n.endpoint = 'metr/all_runs' AND n.sha256 = r._snapshot_sha256
)
SELECT DISTINCT
    run_id,
    runs_file,
    benchmark_version,
    model,
    alias,
    model = 'human' OR alias = 'human' AS is_human_baseline,
    task_id,
    task_family,
    task_source,
    task_version,
    score,
    score_binarized,
    human_minutes,
    human_score,
    human_source,
    fatal_error_from,
    started_at,
    completed_at,
    time_limit AS time_limit_seconds,
    tokens_count,
    nullif(run_cost, 0) AS run_cost_usd,
    human_cost AS human_cost_usd,
    scaffold,
    cloned,
    equal_task_weight,
    invsqrt_task_weight,
    _first_seen_at::DATE AS snapshot_date,
    _snapshot_sha256 AS snapshot_sha256
FROM runs
