-- Runs, their steps, status changes and per-minute rollups (issue 4, "Keep every result").
-- Instants are timestamptz (microseconds) plus the nanoseconds below the microsecond, so that a
-- run reads back exactly as written; durations are nanoseconds.

-- One row per run. Partitioned by day of started_at (partitions runs_dYYYYMMDD, created by the
-- writer and the retention job); runs older than the raw retention land in runs_default.
-- The key includes the partition key: a run written again carries the same started_at, so
-- (run_id, started_at) still stores each run once.
CREATE TABLE runs (
  run_id          text        NOT NULL,
  tenant_id       text        NOT NULL,
  journey_id      text        NOT NULL,
  scheduled_at    timestamptz NOT NULL,
  scheduled_ns    smallint    NOT NULL DEFAULT 0,
  started_at      timestamptz NOT NULL,
  started_ns      smallint    NOT NULL DEFAULT 0,
  duration_ns     bigint      NOT NULL,
  outcome         text        NOT NULL,
  error_class     text,
  message         text        NOT NULL,
  odoo_version    integer,
  over_budget     boolean     NOT NULL,
  runner          text        NOT NULL,
  source          text        NOT NULL,
  PRIMARY KEY (run_id, started_at)
) PARTITION BY RANGE (started_at);
CREATE INDEX runs_by_check ON runs (tenant_id, journey_id, started_at DESC, run_id DESC);
CREATE INDEX runs_by_tenant ON runs (tenant_id, started_at DESC, run_id DESC);
CREATE TABLE runs_default PARTITION OF runs DEFAULT;

-- The steps (phase 'step') and teardown steps (phase 'teardown') of each run, in order.
CREATE TABLE run_steps (
  run_id          text        NOT NULL,
  started_at      timestamptz NOT NULL,
  phase           text        NOT NULL,
  position        smallint    NOT NULL,
  name            text        NOT NULL,
  kind            text        NOT NULL,
  outcome         text        NOT NULL,
  duration_ns     bigint      NOT NULL,
  error_class     text,
  message         text        NOT NULL,
  soft            boolean     NOT NULL,
  over_budget     boolean     NOT NULL,
  used_fallback   boolean     NOT NULL,
  timings         jsonb,
  artifact        text,
  PRIMARY KEY (run_id, started_at, phase, position)
) PARTITION BY RANGE (started_at);
CREATE TABLE run_steps_default PARTITION OF run_steps DEFAULT;

-- Status transitions; a run causes at most one.
CREATE TABLE status_changes (
  run_id          text        PRIMARY KEY,
  tenant_id       text        NOT NULL,
  journey_id      text        NOT NULL,
  from_status     text,
  to_status       text        NOT NULL,
  at              timestamptz NOT NULL,
  at_ns           smallint    NOT NULL DEFAULT 0,
  reason          text        NOT NULL
);
CREATE INDEX status_changes_by_check ON status_changes (tenant_id, journey_id, at DESC);

-- Per minute, per tenant × journey × step (step '' is the whole journey): runs, failures, runs
-- over budget, and the latency distribution as LatencyHistogram's sparse (bucket, count) pairs.
-- Partitioned by month (rollups_mYYYYMM); older than the rollup retention: rollups_default.
CREATE TABLE rollups (
  tenant_id       text        NOT NULL,
  journey_id      text        NOT NULL,
  step            text        NOT NULL,
  minute          timestamptz NOT NULL,
  count           bigint      NOT NULL,
  failures        bigint      NOT NULL,
  over_budget     bigint      NOT NULL,
  latency         integer[]   NOT NULL,
  PRIMARY KEY (tenant_id, journey_id, step, minute)
) PARTITION BY RANGE (minute);
CREATE INDEX rollups_by_journey ON rollups (journey_id, step, minute);
CREATE TABLE rollups_default PARTITION OF rollups DEFAULT;

-- Merges two sparse (bucket, count) latency histograms: counts of the same bucket add up.
CREATE FUNCTION latency_merge(a integer[], b integer[]) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(v ORDER BY bucket, ord), '{}')
  FROM (
    SELECT h[i] AS bucket, sum(h[i + 1])::integer AS n
    FROM (VALUES (a), (b)) AS hs(h), generate_series(1, coalesce(array_length(h, 1), 0), 2) AS i
    GROUP BY h[i]
  ) merged, LATERAL (VALUES (1, bucket), (2, n)) AS pair(ord, v)
$$;

-- Alerts raised for a tenant × journey or for the platform (owner), deduplicated by key.
CREATE TABLE alerts (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dedup_key       text        NOT NULL,
  owner           text        NOT NULL,
  tenant_id       text,
  journey_id      text,
  severity        text        NOT NULL,
  title           text        NOT NULL,
  detail          jsonb       NOT NULL DEFAULT '{}',
  runbook_url     text,
  opened_at       timestamptz NOT NULL,
  resolved_at     timestamptz
);
CREATE UNIQUE INDEX alerts_open_once ON alerts (dedup_key) WHERE resolved_at IS NULL;
CREATE INDEX alerts_by_tenant ON alerts (tenant_id, opened_at DESC);

-- Noisy-neighbour findings: a suspect, its victims on a shared placement, a window, a confidence.
CREATE TABLE findings (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  placement       text        NOT NULL,
  suspect_tenant  text        NOT NULL,
  victim_tenants  text[]      NOT NULL,
  window_start    timestamptz NOT NULL,
  window_end      timestamptz NOT NULL,
  confidence      double precision NOT NULL,
  evidence        jsonb       NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX findings_by_window ON findings (window_start DESC);

-- API bearer tokens, kept as a hash only. tenant_id is set for role tenant-admin.
CREATE TABLE api_tokens (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash      bytea       NOT NULL UNIQUE,
  role            text        NOT NULL,
  tenant_id       text,
  label           text        NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz,
  last_used_at    timestamptz
);

-- Who did what through the API.
CREATE TABLE audit_log (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at              timestamptz NOT NULL DEFAULT now(),
  actor_token_id  bigint      REFERENCES api_tokens (id),
  action          text        NOT NULL,
  target          text,
  detail          jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_time ON audit_log (at DESC);
