-- Issue 6: the analysis' findings and alerts as it keeps them. A finding is stored when it opens
-- and completed when it closes (closed_at; window_end follows it); an alert likewise (resolved_at).
-- finding_id and alert_id are the analysis' own ids: a write repeated, or arriving out of order,
-- is one row.
ALTER TABLE findings
  ADD COLUMN finding_id  text,
  ADD COLUMN finding_key text,
  ADD COLUMN kind        text,
  ADD COLUMN suspects    text[] NOT NULL DEFAULT '{}',
  ADD COLUMN source      text,
  ADD COLUMN closed_at   timestamptz,
  ALTER COLUMN suspect_tenant DROP NOT NULL;
CREATE UNIQUE INDEX findings_by_id ON findings (finding_id);
CREATE INDEX findings_open ON findings (finding_key) WHERE closed_at IS NULL;

ALTER TABLE alerts
  ADD COLUMN alert_id text,
  ADD COLUMN kind     text;
CREATE UNIQUE INDEX alerts_by_id ON alerts (alert_id);
