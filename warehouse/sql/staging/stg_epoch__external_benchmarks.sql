-- description: Epoch AI's copies of four external leaderboards (external_benchmark_*.csv in benchmark_data.zip), every snapshot, in the leaderboard conventions. aider_polyglot: score percent correct, scaffold the edit format, cost_per_task_usd Epoch's "Cost" (USD per task: 0.13 for gpt-5 high, whose Aider run cost $29.08 over 225 tasks). arc_agi_1: percent, rounded to whole points by Epoch (its values match ARC-AGI-1, e.g. o3 medium 54 vs 53.8); entry_name is ARC Prize's label. metr_time_horizon: METR's 50% horizon in minutes (Time Horizon 1.0), with score_ci_low/high and average_score. terminal_bench: accuracy percent, scaffold the agent, score_stderr its standard error in points. model_name is Epoch's model version id, NULL where Epoch left it blank on purpose (mixed-model entries); effort is read from its suffix; released_on comes from model_versions.csv of the same zip.
-- grain: one row per leaderboard entry × benchmark × snapshot
WITH entries AS (
    SELECT 'aider_polyglot' AS benchmark, id, "Model version" AS model_name, "Edit format" AS scaffold,
           "Percent correct" AS score, 'percent' AS score_unit, "Cost" AS cost_per_task_usd,
           "Percent using correct edit format" AS percent_well_formed,
           "Source" AS source_name, "Source link" AS source_link, "Notes" AS notes,
           _first_seen_at, _snapshot_sha256
    FROM raw.epoch__external_aider_polyglot
    UNION ALL BY NAME
    SELECT 'arc_agi_1' AS benchmark, id, "Model version" AS model_name, "Name" AS entry_name,
           "Score" AS score, 'percent' AS score_unit,
           "Source" AS source_name, "Source link" AS source_link, "Notes" AS notes,
           _first_seen_at, _snapshot_sha256
    FROM raw.epoch__external_arc_agi
    UNION ALL BY NAME
    SELECT 'metr_time_horizon' AS benchmark, id, "Model version" AS model_name,
           "Time horizon" AS score, 'minutes' AS score_unit,
           "CI_low" AS score_ci_low, "CI_high" AS score_ci_high, average_score,
           "Source" AS source_name, "Source link" AS source_link, "Notes" AS notes,
           _first_seen_at, _snapshot_sha256
    FROM raw.epoch__external_metr
    UNION ALL BY NAME
    SELECT 'terminal_bench' AS benchmark, id, "Model version" AS model_name, "Agent" AS scaffold,
           "Accuracy mean" AS score, 'percent' AS score_unit, "Accuracy SE" AS score_stderr,
           "Source" AS source_name, "Source link" AS source_link, "Notes" AS notes,
           _first_seen_at, _snapshot_sha256
    FROM raw.epoch__external_terminal_bench
)
SELECT DISTINCT
    e.benchmark,
    e.model_name,
    nullif(regexp_extract(e.model_name, '_(minimal|low|medium|high|xhigh|max|none)$', 1), '') AS effort,
    e.scaffold,
    e.score,
    e.score_unit,
    CAST(NULL AS DOUBLE) AS total_cost_usd,
    e.cost_per_task_usd,
    CAST(NULL AS BIGINT) AS tasks,
    CAST(NULL AS BIGINT) AS input_tokens,
    CAST(NULL AS BIGINT) AS output_tokens,
    CAST(NULL AS DATE) AS evaluated_on,
    mv."Version release date" AS released_on,
    e._first_seen_at::DATE AS snapshot_date,
    e._snapshot_sha256 AS snapshot_sha256,
    e.id AS entry_id,
    e.entry_name,
    try_cast(regexp_extract(e.model_name, '_(\d+)K$', 1) AS BIGINT) * 1000 AS thinking_budget_tokens,
    e.score_ci_low,
    e.score_ci_high,
    e.score_stderr,
    e.average_score,
    e.percent_well_formed,
    e.source_name,
    e.source_link,
    e.notes
FROM entries e
LEFT JOIN raw.epoch__model_versions mv
    ON mv._snapshot_sha256 = e._snapshot_sha256 AND mv.id = e.model_name
