-- Outcome figures read each placement's marks, and placements by when they ended.
CREATE INDEX attendance_marks_placement ON attendance_marks(placement_id, session_date);
CREATE INDEX placements_school_ended ON placements(school_id, ended_on);
CREATE INDEX placements_provider_ended ON placements(provider_id, ended_on);
