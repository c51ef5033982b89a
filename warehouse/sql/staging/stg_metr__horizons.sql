-- description: METR's published time horizons from every version of every headline file (benchmark_results_1_0/1_1.yaml). Horizons in minutes. usage_usd is NULL where METR published 0.0 (not recorded).
-- grain: one row per model × benchmark version × snapshot
WITH results AS (
    SELECT '1.0' AS benchmark_version, 'metr/benchmark_results_1_0' AS endpoint, *
    FROM raw.metr__benchmark_results_1_0
    UNION ALL BY NAME
    SELECT '1.1' AS benchmark_version, 'metr/benchmark_results_1_1' AS endpoint, *
    FROM raw.metr__benchmark_results_1_1
)
SELECT
    model,
    benchmark_version,
    benchmark_name,
    _first_seen_at::DATE AS snapshot_date,
    _first_seen_at AS snapshot_at,
    _snapshot_sha256 AS snapshot_sha256,
    endpoint,
    release_date,
    metrics__is_sota AS is_sota,
    metrics__average_score__estimate AS average_score,
    metrics__p50_horizon_length__estimate AS p50,
    metrics__p50_horizon_length__ci_low AS p50_ci_low,
    metrics__p50_horizon_length__ci_high AS p50_ci_high,
    metrics__p80_horizon_length__estimate AS p80,
    metrics__p80_horizon_length__ci_low AS p80_ci_low,
    metrics__p80_horizon_length__ci_high AS p80_ci_high,
    nullif(metrics__usage__usd, 0) AS usage_usd,
    nullif(metrics__usage__working_time, 0) AS usage_working_time,
    scaffolds,
    long_tasks_version,
    swaa_version
FROM results
