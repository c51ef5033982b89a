-- description: Release date of every model alias METR has listed; the date is the one in the newest snapshot that lists the alias.
-- grain: one row per alias
SELECT
    alias,
    arg_max(release_date, _first_seen_at) AS release_date,
    min(_first_seen_at)::DATE AS first_seen,
    max(_first_seen_at)::DATE AS last_listed,
    count(DISTINCT release_date) > 1 AS date_was_revised
FROM raw.metr__release_dates
GROUP BY alias
