-- Alerts reach providers and the local authority as well as schools: whom an alert is for is an
-- organisation and a role. Each alert is raised once, by a key naming what it is about, so a sweep
-- that runs every minute raises nothing twice.
ALTER TABLE alerts ADD COLUMN for_organisation_id BIGINT REFERENCES organisations(id);
UPDATE alerts SET for_organisation_id = school_id;
ALTER TABLE alerts ADD COLUMN once_key TEXT;
UPDATE alerts SET once_key = kind || ':' || pupil_id || ':' || session_date || ':' || session;
CREATE UNIQUE INDEX alerts_once ON alerts(once_key);
DROP INDEX alerts_inbox;
CREATE INDEX alerts_inbox ON alerts(for_organisation_id, for_role, closed_at, id);

-- Mail waiting to go, written in the same transaction as the alert it tells of and sent after it
-- commits, so a rolled-back alert never reaches anyone's inbox.
CREATE TABLE outbound_mail (
  id ID_PK,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE INDEX outbound_mail_waiting ON outbound_mail(sent_at, id);

-- The sweep for registers not taken and pupils missing education reads the day's active
-- placements and marks across the whole area.
CREATE INDEX placements_active ON placements(status, planned_end_date);
CREATE INDEX attendance_marks_day ON attendance_marks(session_date, pupil_id);
