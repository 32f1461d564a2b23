-- Scale-out (issue 9): the lease each scheduled run was started under, so that the history proves
-- that every tenant × journey ran once per interval per location, and tells a run started by a
-- replica that had lost its lease (lower fencing token) from the new owner's. Null for runs under
-- no lease (gates, manual checks) and for runs written before this migration.
ALTER TABLE runs
  ADD COLUMN location    text,
  ADD COLUMN shard       integer,
  ADD COLUMN lease_token bigint;
