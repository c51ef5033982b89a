-- description: Every distinct value METR has published for each model's p50, p80 and average score, with when it was first and last seen, so a silent upstream revision is visible. An observation is each time a headline file was seeded or fetched; a revision starts whenever the value (estimate or CI) differs from the previous observation.
-- grain: one row per model × benchmark version × metric × revision
WITH observations AS (
    SELECT endpoint, sha256, fetched_at AS observed_at
    FROM raw.fetch_log
    WHERE endpoint IN ('metr/benchmark_results_1_0', 'metr/benchmark_results_1_1')
      AND sha256 IS NOT NULL AND error IS NULL
),
observed AS (
    SELECT h.model, h.benchmark_version, m.metric, m.estimate, m.ci_low, m.ci_high,
           o.observed_at, h.snapshot_sha256
    FROM staging.stg_metr__horizons h
    JOIN observations o ON o.endpoint = h.endpoint AND o.sha256 = h.snapshot_sha256
    CROSS JOIN LATERAL (
        VALUES ('p50', h.p50, h.p50_ci_low, h.p50_ci_high),
               ('p80', h.p80, h.p80_ci_low, h.p80_ci_high),
               ('average_score', h.average_score, NULL::DOUBLE, NULL::DOUBLE)
    ) AS m(metric, estimate, ci_low, ci_high)
    WHERE m.estimate IS NOT NULL
),
flagged AS (
    SELECT *,
        CASE WHEN lag(observed_at) OVER w IS NULL
               OR estimate IS DISTINCT FROM lag(estimate) OVER w
               OR ci_low IS DISTINCT FROM lag(ci_low) OVER w
               OR ci_high IS DISTINCT FROM lag(ci_high) OVER w
             THEN 1 ELSE 0 END AS starts_revision
    FROM observed
    WINDOW w AS (PARTITION BY model, benchmark_version, metric ORDER BY observed_at)
),
numbered AS (
    SELECT *, sum(starts_revision) OVER (
        PARTITION BY model, benchmark_version, metric ORDER BY observed_at
    )::INTEGER AS revision
    FROM flagged
),
revisions AS (
    SELECT model, benchmark_version, metric, revision,
           any_value(estimate) AS estimate, any_value(ci_low) AS ci_low, any_value(ci_high) AS ci_high,
           min(observed_at) AS first_seen, max(observed_at) AS last_seen,
           count(*) AS observations,
           arg_min(snapshot_sha256, observed_at) AS first_snapshot_sha256
    FROM numbered
    GROUP BY ALL
),
latest AS (
    SELECT endpoint, max(observed_at) AS observed_at FROM observations GROUP BY endpoint
)
SELECT
    r.model,
    r.benchmark_version,
    r.metric,
    r.revision,
    r.estimate,
    r.ci_low,
    r.ci_high,
    lag(r.estimate) OVER (PARTITION BY r.model, r.benchmark_version, r.metric ORDER BY r.revision)
        AS previous_estimate,
    r.first_seen,
    r.last_seen,
    r.observations,
    r.last_seen = l.observed_at AS is_current,
    r.first_snapshot_sha256
FROM revisions r
JOIN latest l ON l.endpoint = 'metr/benchmark_results_' || replace(r.benchmark_version, '.', '_')
