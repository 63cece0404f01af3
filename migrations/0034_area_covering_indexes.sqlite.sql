-- The LA's picture of its area reads a half term of every school's marks, weekly totals and the
-- timetables of running placements. Indexes that carry the columns it reads answer it from the
-- index alone, without a lookup into the table for each of tens of thousands of rows.
DROP INDEX attendance_marks_school;
CREATE INDEX attendance_marks_school ON attendance_marks(school_id, session_date, placement_id, provider_code, school_code);
DROP INDEX timetable_slots_placement;
CREATE INDEX timetable_slots_placement ON timetable_slots(placement_id, weekday, start_minute, end_minute);
CREATE INDEX attendance_week_totals_school ON attendance_week_totals(school_id, week_start, placement_id, code, sessions);
