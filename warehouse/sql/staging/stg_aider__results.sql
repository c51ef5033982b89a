-- description: Every entry of Aider's three leaderboards (polyglot, legacy edit, refactor) from every snapshot. score is pass_rate_2 (percent solved after one retry) where the board has it, else pass_rate_1 (refactor board), named in score_metric. tasks is the number of exercises the run completed (test_cases); in newer polyglot entries pass rates are over the full suite (total_tests = suite_tasks), so a run that completed 224 of 225 counts the missing case as failed. Costs are NULL where Aider wrote 0 (not recorded: free previews, local models). effort is the reasoning_effort field, else the --reasoning-effort of the command, else the thinking-token budget of the field or the command, as written ("thinking 32000", "thinking 32k"). The same model appears several times with other settings: run_id (Aider's run directory) tells entries apart. suite_matches_board is false for a run of another suite listed on a board (the edit board lists one 225-case polyglot run).
-- grain: one row per board entry (run directory) × board × snapshot
WITH boards AS (
    SELECT 'aider_polyglot' AS benchmark, 225 AS nominal_suite_tasks, *
    FROM raw.aider__polyglot_leaderboard
    UNION ALL BY NAME
    SELECT 'aider_edit' AS benchmark, 133 AS nominal_suite_tasks, *
    FROM raw.aider__edit_leaderboard
    UNION ALL BY NAME
    SELECT 'aider_refactor' AS benchmark, 89 AS nominal_suite_tasks, *
    FROM raw.aider__refactor_leaderboard
)
SELECT
    benchmark,
    model AS model_name,
    coalesce(
        reasoning_effort,
        nullif(regexp_extract(command, '--reasoning-effort[ =]+([A-Za-z]+)', 1), ''),
        'thinking ' || thinking_tokens,
        'thinking ' || nullif(regexp_extract(command, '--thinking-tokens[ =]+([0-9]+[kKmM]?)', 1), '')
    ) AS effort,
    edit_format AS scaffold,
    coalesce(pass_rate_2, pass_rate_1) AS score,
    CASE WHEN pass_rate_2 IS NULL THEN 'pass_rate_1' ELSE 'pass_rate_2' END AS score_metric,
    'percent' AS score_unit,
    nullif(total_cost, 0) AS total_cost_usd,
    nullif(total_cost, 0) / test_cases AS cost_per_task_usd,
    test_cases AS tasks,
    prompt_tokens AS input_tokens,
    completion_tokens AS output_tokens,
    date AS evaluated_on,
    coalesce(released, _released) AS released_on,
    _first_seen_at::DATE AS snapshot_date,
    _snapshot_sha256 AS snapshot_sha256,
    dirname AS run_id,
    _row AS board_position,
    coalesce(total_tests, nominal_suite_tasks) AS suite_tasks,
    coalesce(total_tests, nominal_suite_tasks) = nominal_suite_tasks AS suite_matches_board,
    pass_rate_1,
    pass_rate_2,
    pass_num_1,
    pass_num_2,
    percent_cases_well_formed,
    seconds_per_case,
    thinking_tokens,
    reasoning_effort,
    editor_model,
    editor_edit_format,
    total_cost AS total_cost_reported,
    error_outputs,
    num_malformed_responses,
    num_with_malformed_responses,
    user_asks,
    lazy_comments,
    syntax_errors,
    indentation_errors,
    exhausted_context_windows,
    test_timeouts,
    command,
    versions AS aider_versions,
    commit_hash AS aider_commit
FROM boards
