-- description: The Epoch Capabilities Index (epoch_capabilities_index.csv in benchmark_data.zip), every snapshot, in the leaderboard conventions: score is the ECI (score_unit index), NULL for the many model versions Epoch lists without one. The shipped seed is a third-party copy (peterhurford/metr_graph, 2026-04-10) whose top rows were added by hand (Claude Mythos 161, Muse Spark 154, GPT-5.4...); is_unverified is true where the file's Confidence is "Unverified", which marks those rows, and also Epoch's own not-yet-verified entries: the file cannot tell the two apart. model_name is the model version id; effort and thinking_budget_tokens are read from its suffix; model (the Model name) is trimmed of the stray newlines some cells carry.
-- grain: one row per model version × snapshot
SELECT DISTINCT
    'epoch_capabilities_index' AS benchmark,
    "Model version" AS model_name,
    nullif(regexp_extract("Model version", '_(minimal|low|medium|high|xhigh|max|none)$', 1), '') AS effort,
    CAST(NULL AS VARCHAR) AS scaffold,
    "ECI Score" AS score,
    'index' AS score_unit,
    CAST(NULL AS DOUBLE) AS total_cost_usd,
    CAST(NULL AS DOUBLE) AS cost_per_task_usd,
    CAST(NULL AS BIGINT) AS tasks,
    CAST(NULL AS BIGINT) AS input_tokens,
    CAST(NULL AS BIGINT) AS output_tokens,
    CAST(NULL AS DATE) AS evaluated_on,
    "Release date" AS released_on,
    _first_seen_at::DATE AS snapshot_date,
    _snapshot_sha256 AS snapshot_sha256,
    coalesce("Confidence" = 'Unverified', false) AS is_unverified,
    "Confidence" AS confidence,
    try_cast(regexp_extract("Model version", '_(\d+)K$', 1) AS BIGINT) * 1000 AS thinking_budget_tokens,
    trim("Model name", E' \t\r\n') AS model,
    "Display name" AS display_name,
    "Organization" AS organization,
    "Country" AS country,
    "Model accessibility" AS model_accessibility,
    "Training compute (FLOP)" AS training_compute_flop,
    "Description" AS description
FROM raw.epoch__capabilities_index
