-- The four layers, and the ledger of what was fetched and loaded.
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS marts;

-- One row per fetch attempt or shipped seed (a copy of the archive's fetch_log.jsonl).
CREATE TABLE IF NOT EXISTS raw.fetch_log (
    fetch_id      VARCHAR PRIMARY KEY,   -- sha256 of the log line: stable across re-syncs
    source        VARCHAR NOT NULL,
    endpoint      VARCHAR NOT NULL,      -- <source>/<endpoint name>
    url           VARCHAR NOT NULL,
    fetched_at    TIMESTAMP NOT NULL,    -- UTC
    origin        VARCHAR NOT NULL,      -- live | seed
    status        INTEGER,               -- HTTP status; NULL for seeds and transport failures
    bytes         BIGINT,
    sha256        VARCHAR,               -- NULL when nothing was received
    error         VARCHAR,
    etag          VARCHAR,
    last_modified VARCHAR
);

-- One row per distinct payload loaded into its raw table: the snapshot.
CREATE TABLE IF NOT EXISTS raw.payloads (
    endpoint        VARCHAR NOT NULL,
    sha256          VARCHAR NOT NULL,
    source          VARCHAR NOT NULL,
    raw_table       VARCHAR NOT NULL,
    first_seen_at   TIMESTAMP NOT NULL,  -- the snapshot's date: first time these bytes were seen
    url             VARCHAR NOT NULL,
    rows            BIGINT NOT NULL,
    observed_fields VARCHAR[] NOT NULL,  -- every field in the payload, for schema-drift checks
    loaded_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (endpoint, sha256)
);

-- Payloads that failed to parse: kept in the archive, named here, retried on every run.
CREATE TABLE IF NOT EXISTS raw.payload_rejections (
    endpoint    VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    url         VARCHAR NOT NULL,
    field       VARCHAR NOT NULL,
    error       VARCHAR NOT NULL,
    rejected_at TIMESTAMP NOT NULL,
    PRIMARY KEY (endpoint, sha256)
);
