-- description: Epoch AI's model versions (model_versions.csv in benchmark_data.zip), every snapshot: the ids used as model_name in the other Epoch tables, with release date and display names. effort and thinking_budget_tokens are read from the id suffix as in stg_epoch__benchmark_runs. benchmark_run_ids lists the run ids Epoch links to the version.
-- grain: one row per model version × snapshot
SELECT DISTINCT
    id AS model_name,
    "Model" AS model,
    "Version release date" AS released_on,
    "Display name" AS display_name,
    "Unique display name" AS unique_display_name,
    nullif(regexp_extract(id, '_(minimal|low|medium|high|xhigh|max|none)$', 1), '') AS effort,
    try_cast(regexp_extract(id, '_(\d+)K$', 1) AS BIGINT) * 1000 AS thinking_budget_tokens,
    "Hugging Face developer id" AS hugging_face_developer_id,
    "Link" AS link,
    "Notes" AS notes,
    CASE WHEN "benchmarks/runs" IS NOT NULL
        THEN list_transform(string_split("benchmarks/runs", ','), lambda x: trim(x)) END AS benchmark_run_ids,
    _first_seen_at::DATE AS snapshot_date,
    _snapshot_sha256 AS snapshot_sha256
FROM raw.epoch__model_versions
