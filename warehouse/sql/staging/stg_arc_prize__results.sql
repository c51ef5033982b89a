-- description: ARC Prize scores and cost per task from every snapshot of the official evaluations file (origin 'official') and of the third-party all-the-benchmarks copies (origin 'derived': a scrape of the official v1/v2_Semi_Private rows shown on the leaderboard, scores rounded to 0.1 point; provenance says so on each row). benchmark is arc_agi_<n> for the Semi_Private datasets and arc_agi_<n>_<dataset lowercased> for other splits (public eval scores run higher: never mix them); dataset_id keeps the official id. score is percent (official fraction × 100). model_name is the display name (official rows: modelDisplayName where the file has it, else modelId). effort is the trailing "(Low)", "(High)", "(Thinking 16K)"... of the display name, or the modelId suffix after its modelGroup, only when it is one of minimal, low, medium, high, xhigh, max, thinking [<n>k]; otherwise NULL and base_model is the whole name.
-- grain: one row per origin × dataset × model setting × snapshot
WITH official AS (
    SELECT
        'official' AS origin,
        'arcprize.org leaderboard evaluations.json' AS provenance,
        datasetId AS dataset_id,
        modelId AS model_id,
        coalesce(modelDisplayName, modelId) AS model_name,
        modelGroup AS model_group,
        CASE WHEN starts_with(modelId, modelGroup || '-')
            THEN replace(modelId[length(modelGroup) + 2:], '-', ' ') END AS id_setting,
        score * 100 AS score,
        costPerTask AS cost_per_task_usd,
        cost AS total_cost_usd,
        modelReleaseDate AS released_on,
        coalesce(providerDisplayName, providerId) AS provider,
        modelType AS model_type,
        display AS is_displayed,
        resultsUrl AS results_url,
        _first_seen_at,
        _snapshot_sha256
    FROM raw.arc_prize__evaluations
),
derived AS (
    SELECT 'v1_Semi_Private' AS dataset_id, * FROM raw.arc_prize__arc_agi_1_derived
    UNION ALL BY NAME
    SELECT 'v2_Semi_Private' AS dataset_id, * FROM raw.arc_prize__arc_agi_2_derived
),
unioned AS (
    SELECT * FROM official
    UNION ALL BY NAME
    SELECT
        'derived' AS origin,
        'third-party: maxencefrenette/all-the-benchmarks scrape of the official ARC Prize JSON '
            || '(display=true rows, score rounded to 0.1 point)' AS provenance,
        dataset_id,
        model AS model_name,
        results AS score,
        cost_per_task AS cost_per_task_usd,
        true AS is_displayed,
        _first_seen_at,
        _snapshot_sha256
    FROM derived
),
settings AS (
    SELECT
        *,
        lower(regexp_extract(model_name, '\(([^()]*)\)\*?\s*$', 1)) AS name_setting
    FROM unioned
),
efforts AS (
    SELECT
        *,
        CASE
            WHEN regexp_full_match(name_setting, 'minimal|low|medium|high|xhigh|max|thinking( [0-9]+k)?')
                THEN name_setting
            WHEN name_setting = ''
                AND regexp_full_match(id_setting, 'minimal|low|medium|high|xhigh|max|thinking( [0-9]+k)?')
                THEN id_setting
        END AS effort
    FROM settings
)
SELECT
    'arc_agi_' || regexp_extract(dataset_id, '^v([0-9]+)_', 1)
        || CASE WHEN dataset_id LIKE '%\_Semi\_Private' ESCAPE '\' THEN ''
            ELSE '_' || lower(regexp_extract(dataset_id, '^v[0-9]+_(.+)$', 1)) END AS benchmark,
    model_name,
    effort,
    NULL::VARCHAR AS scaffold,
    score,
    'percent' AS score_unit,
    total_cost_usd,
    cost_per_task_usd,
    NULL::BIGINT AS tasks,
    NULL::BIGINT AS input_tokens,
    NULL::BIGINT AS output_tokens,
    NULL::DATE AS evaluated_on,
    released_on,
    _first_seen_at::DATE AS snapshot_date,
    _snapshot_sha256 AS snapshot_sha256,
    origin,
    provenance,
    dataset_id,
    coalesce(model_id, model_name) AS entry_id,
    model_id,
    CASE
        WHEN effort IS NULL THEN model_name
        WHEN name_setting = effort THEN trim(regexp_replace(model_name, '\s*\([^()]*\)\*?\s*$', ''))
        ELSE model_group
    END AS base_model,
    model_group,
    lower(coalesce(model_group, '')) = 'human' OR model_name IN ('Human Panel', 'Stem Grad', 'Avg. Mturker')
        AS is_human_baseline,
    provider,
    model_type,
    is_displayed,
    results_url
FROM efforts
