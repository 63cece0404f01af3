-- The LA's picture of its area adds up a half term of weekly totals. With the only index led by the
-- school, an LA that holds nearly every school of the database (a single-area deployment) had the
-- planner read the whole table, every week since the data began (128,000 rows at LA scale, 16 ms,
-- and growing every week). Led by the week, the period's rows are read from the index alone; a
-- national database, where an LA holds a few schools in a hundred, keeps the school-led index.
CREATE INDEX attendance_week_totals_week ON attendance_week_totals(week_start) INCLUDE (school_id, placement_id, code, sessions);
