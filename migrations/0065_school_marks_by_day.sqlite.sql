-- The marks' covering index for a school's days leads with the day, then the school (it led with the
-- school). A register is one day's marks from many schools: its first send wrote 27 of this index's
-- pages to the log, now 3, as the week totals in 0064. A school's day is read as before (both
-- columns given); an area's days and a school's export read a stretch of days with the schools
-- picked out, or by the school's placements (store/area, store/attendance).
DROP INDEX attendance_marks_school;
CREATE INDEX attendance_marks_school ON attendance_marks(session_date, school_id, placement_id, provider_code, school_code);
