-- description: Every leaderboard result from every source in one shape, matched to canonical models: score (higher is better, unit in score_unit), total cost and cost per task in USD where the source gives them, effort and scaffold as published, evaluation date. model_id is NULL where the name is unmatched (see core.model_aliases); effort falls back to the config the normaliser split off the name. The input for Pareto frontiers and crossing points.
-- grain: one row per benchmark × model × config (effort, scaffold) × source × snapshot
WITH results AS (
    SELECT 'aider' AS source, benchmark, model_name, effort, scaffold, score, score_unit, total_cost_usd,
           cost_per_task_usd, tasks, input_tokens, output_tokens, evaluated_on, released_on, snapshot_date,
           run_id AS entry_id
    FROM staging.stg_aider__results
    UNION ALL
    SELECT 'swe_bench', benchmark, model_name, effort, scaffold, score, score_unit, total_cost_usd,
           cost_per_task_usd, tasks, input_tokens, output_tokens, evaluated_on, released_on, snapshot_date, folder
    FROM staging.stg_swe_bench__results
    UNION ALL
    SELECT 'arc_prize', benchmark, model_name, effort, scaffold, score, score_unit, total_cost_usd,
           cost_per_task_usd, tasks, input_tokens, output_tokens, evaluated_on, released_on, snapshot_date,
           coalesce(entry_id, origin || ':' || model_name)
    FROM staging.stg_arc_prize__results
    WHERE NOT is_human_baseline
    UNION ALL
    SELECT 'epoch', benchmark, model_name, effort, scaffold, score, score_unit, total_cost_usd,
           cost_per_task_usd, tasks, input_tokens, output_tokens, evaluated_on, released_on, snapshot_date, run_id
    FROM staging.stg_epoch__benchmark_runs
    UNION ALL
    SELECT 'epoch', 'epoch_copy_of_' || benchmark, model_name, effort, scaffold, score, score_unit, total_cost_usd,
           cost_per_task_usd, tasks, input_tokens, output_tokens, evaluated_on, released_on, snapshot_date, entry_id
    FROM staging.stg_epoch__external_benchmarks
    UNION ALL
    SELECT 'epoch', benchmark, model_name, effort, scaffold, score, score_unit, total_cost_usd,
           cost_per_task_usd, tasks, input_tokens, output_tokens, evaluated_on, released_on, snapshot_date, model_name
    FROM staging.stg_epoch__capabilities_index
    WHERE score IS NOT NULL
    UNION ALL
    SELECT 'lmarena', benchmark, model_name, effort, scaffold, score, score_unit, total_cost_usd,
           cost_per_task_usd, tasks, input_tokens, output_tokens, evaluated_on, released_on, snapshot_date, model_name
    FROM staging.stg_lmarena__elo
)
SELECT
    r.benchmark,
    a.model_id,
    r.model_name,
    coalesce(r.effort, a.config) AS effort,
    r.scaffold,
    r.score,
    r.score_unit,
    r.total_cost_usd,
    r.cost_per_task_usd,
    r.tasks,
    r.input_tokens,
    r.output_tokens,
    r.evaluated_on,
    r.released_on,
    r.snapshot_date,
    r.source,
    r.entry_id
FROM results r
LEFT JOIN core.model_aliases a ON a.source = r.source AND a.alias = r.model_name
