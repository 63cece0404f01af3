-- The embedded engine reads an area's weekly totals school by school through the table's own key
-- (school, week, ...), a few milliseconds for a half term at LA scale: the week-led index of the
-- same number on PostgreSQL has no counterpart here.
SELECT 1;
