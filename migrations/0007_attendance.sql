-- Registers: one mark a pupil a session, taken by the provider; a school's correction is kept beside it.

CREATE TABLE attendance_marks (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  provider_id BIGINT NOT NULL REFERENCES providers(organisation_id),
  school_id BIGINT NOT NULL REFERENCES organisations(id),
  session_date TEXT NOT NULL,
  session TEXT NOT NULL,
  mark TEXT NOT NULL,
  minutes_late INTEGER NOT NULL,
  absence_code TEXT NOT NULL,
  provider_code TEXT NOT NULL,
  school_code TEXT,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  changed_reason TEXT,
  UNIQUE (pupil_id, session_date, session)
);
CREATE INDEX attendance_marks_provider ON attendance_marks(provider_id, session_date, session);
CREATE INDEX attendance_marks_school ON attendance_marks(school_id, session_date);
