-- The retention schedule: how many years each kind of record is kept. What each is counted from,
-- and what it covers, is in domain/retention/retention_schedule; the years are the deployment's to
-- change (`waypoint retention schedule --set`).
CREATE TABLE retention_rules (
  record_type TEXT PRIMARY KEY,
  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 150),
  changed_at TEXT
);
INSERT INTO retention_rules (record_type, years) VALUES
  ('attendance_register', 6),
  ('pupil_ap_record', 25),
  ('sen_record', 31),
  ('safeguarding_record', 50),
  ('audit_trail', 7);

-- A legal hold stops every disposal of a pupil's records, or of what concerns a provider, until it
-- is lifted. Holds are never deleted: lifting one is recorded on it. The pupil and provider are
-- named by number without a foreign key, so a lifted hold outlives the records it once held.
CREATE TABLE legal_holds (
  id ID_PK,
  pupil_id BIGINT,
  provider_id BIGINT,
  reason TEXT NOT NULL,
  placed_by TEXT NOT NULL,
  placed_at TEXT NOT NULL,
  lifted_by TEXT,
  lifted_at TEXT,
  lift_reason TEXT,
  CHECK ((pupil_id IS NULL) <> (provider_id IS NULL))
);
CREATE INDEX legal_holds_pupil ON legal_holds(pupil_id);
CREATE INDEX legal_holds_provider ON legal_holds(provider_id);

-- What retention disposed of, under which rule, and how many records: for the data protection
-- officer. It names records by their number only, so the log keeps none of what was disposed of.
CREATE TABLE retention_disposals (
  id ID_PK,
  disposed_at TEXT NOT NULL,
  record_type TEXT NOT NULL,
  subject TEXT NOT NULL,
  subject_id BIGINT,
  disposable_from TEXT NOT NULL,
  records INTEGER NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX retention_disposals_at ON retention_disposals(disposed_at);

-- Where the audit trail starts once its oldest entries are disposed of: the last entry disposed of,
-- its hash (the first kept entry links to it) and how many went, signed with the audit key as a
-- checkpoint is, so the chain is still checked from its first kept entry and nobody without the key
-- can cut the trail's start and say retention did it. One row.
CREATE TABLE audit_trail_start (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  disposed_at TEXT NOT NULL,
  entries_disposed BIGINT NOT NULL,
  last_disposed_id BIGINT NOT NULL,
  last_disposed_hash TEXT NOT NULL,
  signature TEXT NOT NULL
);
