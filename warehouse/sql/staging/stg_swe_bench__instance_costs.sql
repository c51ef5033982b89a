-- description: Per-instance outcome and cost of the mini-SWE-agent (bash-only) runs SWE-bench publishes in info_for_leaderboard.json, from every snapshot. model_name is SWE-bench's short key (gpt-5, sonnet-4-5...), not the leaderboard's submission name. SWE-bench data is CC BY-NC 4.0 (non-commercial).
-- grain: one row per model × instance × snapshot
SELECT
    'swe_bench_bash_only' AS benchmark,
    model AS model_name,
    instance_id,
    resolved,
    cost AS cost_usd,
    api_calls,
    _first_seen_at::DATE AS snapshot_date,
    _snapshot_sha256 AS snapshot_sha256
FROM raw.swe_bench__info_for_leaderboard
