-- The day a part-time timetable starts, as the LA is told it: blank before now, so the day the
-- school saved the arrangement stands in for it.
ALTER TABLE part_time_arrangements ADD COLUMN starts_on TEXT;
UPDATE part_time_arrangements SET starts_on = substr(updated_at, 1, 10) WHERE starts_on IS NULL;
ALTER TABLE part_time_arrangement_history ADD COLUMN starts_on TEXT;
UPDATE part_time_arrangement_history SET starts_on = substr(updated_at, 1, 10) WHERE starts_on IS NULL;
