-- Outcome figures count each placement's marks by code (from this index alone, without reading the
-- table), and read placements by when they ended.
CREATE INDEX attendance_marks_placement ON attendance_marks(placement_id, provider_code, school_code);
CREATE INDEX placements_school_ended ON placements(school_id, ended_on);
CREATE INDEX placements_provider_ended ON placements(provider_id, ended_on);
