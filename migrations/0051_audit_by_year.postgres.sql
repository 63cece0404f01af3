-- At national size the audit trail grows by millions of entries a year: it is partitioned by
-- academic year of the time written (1 September to 31 August, as attendance marks are), so retention
-- drops a year the schedule has passed whole, and reads of recent entries touch recent years. The
-- key is (id, at), as a partitioned table's key must hold its partition column; ids stay the chain's
-- order and are still unique, as each is the one after the last. Times are ISO text, so the ranges
-- compare as text. The table is rebuilt: rows copied across, then its indexes, its append-only
-- triggers and its privileges made again, on the whole and on each year.
ALTER TABLE audit_events RENAME TO audit_events_unpartitioned;

CREATE TABLE audit_events (
  id BIGINT NOT NULL,
  at TEXT NOT NULL,
  user_id BIGINT,
  organisation_id BIGINT,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT,
  pupil_id BIGINT,
  client TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);

DO $$
BEGIN
  FOR y IN 2015..2039 LOOP
    EXECUTE format('CREATE TABLE audit_events_%s_%s PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)',
                   y, lpad(((y + 1) % 100)::text, 2, '0'), y || '-09-01', (y + 1) || '-09-01');
  END LOOP;
END
$$;
CREATE TABLE audit_events_other_years PARTITION OF audit_events DEFAULT;

INSERT INTO audit_events SELECT id, at, user_id, organisation_id, action, entity, entity_id, pupil_id, client, detail,
                                prev_hash, hash FROM audit_events_unpartitioned;
DROP TABLE audit_events_unpartitioned;

CREATE INDEX audit_events_user ON audit_events(user_id, id);
CREATE INDEX audit_events_pupil ON audit_events(pupil_id, id);
CREATE INDEX audit_events_at ON audit_events(at, id);
CREATE INDEX audit_events_entity ON audit_events(entity, entity_id, id);
-- The chain's head is found by id across the years.
CREATE INDEX audit_events_id ON audit_events(id);

-- Append-only as before (migrations 0016 and 0027): row triggers made on the whole reach every
-- year; TRUNCATE is stopped and the privileges taken on each year as well, as a year can be named.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_dispose_only_before_start();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;
REVOKE UPDATE, TRUNCATE ON audit_events FROM CURRENT_USER;
DO $$
DECLARE
  year_table regclass;
BEGIN
  FOR year_table IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'audit_events'::regclass LOOP
    EXECUTE format('CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON %s '
                   'FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()', year_table);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM PUBLIC', year_table);
    EXECUTE format('REVOKE UPDATE, TRUNCATE ON %s FROM CURRENT_USER', year_table);
  END LOOP;
END
$$;
