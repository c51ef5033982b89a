-- description: Epoch AI's own evaluation runs (benchmarks_runs.csv in benchmark_data.zip), every snapshot. benchmark is Epoch's task name slugified (GPQA diamond -> gpqa_diamond); model_name is Epoch's model version id (gpt-5.1_medium); effort is its suffix only when a known reasoning effort, thinking_budget_tokens its _16K-style suffix. score is the best score across scorers, a fraction 0-1. started_at parses Epoch's free-text time ("17 November 2025 4:28pm", time zone not stated); started_at_text keeps the original, and started_at is NULL only where that text is blank or unparseable. released_on comes from model_versions.csv of the same zip. No cost or token data.
-- grain: one row per run × snapshot
WITH runs AS (
    SELECT DISTINCT * EXCLUDE (_row) FROM raw.epoch__benchmarks_runs
)
SELECT
    trim(regexp_replace(lower(r.task), '[^a-z0-9]+', '_', 'g'), '_') AS benchmark,
    r.model AS model_name,
    nullif(regexp_extract(r.model, '_(minimal|low|medium|high|xhigh|max|none)$', 1), '') AS effort,
    CAST(NULL AS VARCHAR) AS scaffold,
    r."Best score (across scorers)" AS score,
    'fraction' AS score_unit,
    CAST(NULL AS DOUBLE) AS total_cost_usd,
    CAST(NULL AS DOUBLE) AS cost_per_task_usd,
    CAST(NULL AS BIGINT) AS tasks,
    CAST(NULL AS BIGINT) AS input_tokens,
    CAST(NULL AS BIGINT) AS output_tokens,
    try_strptime(r.started_at, '%d %B %Y %I:%M%p')::DATE AS evaluated_on,
    mv."Version release date" AS released_on,
    r._first_seen_at::DATE AS snapshot_date,
    r._snapshot_sha256 AS snapshot_sha256,
    r.id AS run_id,
    r.task,
    r."task version" AS task_version,
    try_cast(regexp_extract(r.model, '_(\d+)K$', 1) AS BIGINT) * 1000 AS thinking_budget_tokens,
    r."Scores" AS scores_text,
    try_strptime(r.started_at, '%d %B %Y %I:%M%p') AS started_at,
    r.started_at AS started_at_text,
    r."Status" AS status,
    r."Manual evaluation" AS manual_evaluation,
    r.logs AS log_url,
    r."log viewer" AS log_viewer_url,
    r.job AS job_url
FROM runs r
LEFT JOIN raw.epoch__model_versions mv
    ON mv._snapshot_sha256 = r._snapshot_sha256 AND mv.id = r.model
