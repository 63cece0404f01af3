-- A pupil's week is saved whole, and what it replaces is kept here as it was, with when it stopped
-- being the week: where a child was meant to be on a past day must still be answerable after the
-- timetable changed (the audit trail says who changed it). The same for part-time arrangements.
CREATE TABLE timetable_slot_history (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  weekday INTEGER NOT NULL,
  start_minute INTEGER NOT NULL,
  end_minute INTEGER NOT NULL,
  setting TEXT NOT NULL,
  placement_id BIGINT REFERENCES placements(id),
  site_id BIGINT REFERENCES provider_sites(id),
  superseded_at TEXT NOT NULL
);
CREATE INDEX timetable_slot_history_pupil ON timetable_slot_history(pupil_id, superseded_at);

CREATE TABLE part_time_arrangement_history (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  reason TEXT NOT NULL,
  parent_agreed_on TEXT,
  ends_on TEXT NOT NULL,
  review_dates TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  superseded_at TEXT NOT NULL
);
CREATE INDEX part_time_arrangement_history_pupil ON part_time_arrangement_history(pupil_id, superseded_at);
