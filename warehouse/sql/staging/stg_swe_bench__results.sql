-- description: Every submission on every SWE-bench leaderboard (Verified, Lite, Test, Multimodal, bash-only) from every snapshot. score is the published percent resolved. model_name is the submission's "Model:" tag (several joined with " + " in tag order), else the submission name; system_name is the submission name, org its "Org:" tag(s). Costs exist only for mini-SWE-agent runs (bash-only, mirrored on Verified) and are NULL where SWE-bench wrote 0. tasks is the number of instances in the run's per-instance breakdown, else the largest breakdown on the same leaderboard (Verified and bash-only: 500), else NULL. effort is parsed from the submission name only where it says "(<level> reasoning)" or "<level> (<date>)". SWE-bench data is CC BY-NC 4.0 (non-commercial).
-- grain: one row per leaderboard × submission (folder) × snapshot
WITH results AS (
    SELECT
        *,
        [trim(t[8:]) FOR t IN tags IF starts_with(t, 'Model: ')] AS model_tags,
        [trim(t[6:]) FOR t IN tags IF starts_with(t, 'Org: ')] AS org_tags,
        [trim(t[20:]) FOR t IN tags IF starts_with(t, 'System: Attempts - ')] AS attempt_tags
    FROM raw.swe_bench__leaderboards
)
SELECT
    'swe_bench_' || regexp_replace(lower(leaderboard__name), '[^a-z0-9]+', '_', 'g') AS benchmark,
    CASE WHEN len(model_tags) > 0 THEN array_to_string(model_tags, ' + ') ELSE name END AS model_name,
    nullif(lower(regexp_extract(name, '(?i)\b(minimal|low|medium|high|xhigh)(?: reasoning\)| \()', 1)), '')
        AS effort,
    'mini-SWE-agent ' || "mini-swe-agent_version" AS scaffold,
    resolved AS score,
    'percent' AS score_unit,
    nullif(cost, 0) AS total_cost_usd,
    nullif(instance_cost, 0) AS cost_per_task_usd,
    coalesce(
        per_instance_details__instances,
        max(per_instance_details__instances) OVER (PARTITION BY _snapshot_sha256, leaderboard__name)
    ) AS tasks,
    NULL::BIGINT AS input_tokens,
    NULL::BIGINT AS output_tokens,
    date AS evaluated_on,
    NULL::DATE AS released_on,
    _first_seen_at::DATE AS snapshot_date,
    _snapshot_sha256 AS snapshot_sha256,
    leaderboard__name AS leaderboard,
    name AS system_name,
    folder,
    nullif(array_to_string(org_tags, ' + '), '') AS org,
    model_tags,
    len(model_tags) AS model_count,
    attempt_tags[1] AS attempts,
    instance_calls AS calls_per_task,
    per_instance_details__instances AS instances_reported,
    per_instance_details__resolved AS instances_resolved,
    per_instance_details__cost AS instances_cost_usd,
    per_instance_details__api_calls AS instances_api_calls,
    CASE
        WHEN lower(checked) LIKE 'true%' THEN true
        WHEN lower(checked) LIKE 'false%' THEN false
    END AS is_checked,
    checked AS checked_note,
    os_model AS is_open_model,
    os_system AS is_open_system,
    "mini-swe-agent_version" AS mini_swe_agent_version,
    tags,
    site,
    nullif(logs, 'False') AS logs_url,
    nullif(trajs, 'False') AS trajs_url,
    nullif(trajs_docent, 'False') AS trajs_docent_url,
    warning
FROM results
