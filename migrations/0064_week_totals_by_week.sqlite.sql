-- The week totals are kept in the order of their week first, then school, placement and code (0056
-- put the school first). A register's marks are one week's, at a provider whose pupils come from
-- many schools: each mark sent added to a row of its school's own stretch of the table, 27 pages
-- written to the log for a 30-pupil register's first send. In the week's order they are side by
-- side: 3 pages. The area reads its weeks the same way, a stretch of weeks with the LA's schools
-- picked out as it goes (store/area).
-- legacy_alter_table: as in 0056, the totals' triggers name this table and find it again by name.
PRAGMA legacy_alter_table = ON;
CREATE TABLE attendance_week_totals_by_week (
  school_id INTEGER NOT NULL,
  week_start TEXT NOT NULL,
  placement_id INTEGER NOT NULL,
  code TEXT NOT NULL,
  sessions INTEGER NOT NULL,
  PRIMARY KEY (week_start, school_id, placement_id, code)
) WITHOUT ROWID;
INSERT INTO attendance_week_totals_by_week (school_id, week_start, placement_id, code, sessions)
  SELECT school_id, week_start, placement_id, code, sessions FROM attendance_week_totals
  ORDER BY week_start, school_id, placement_id, code;
DROP TABLE attendance_week_totals;
ALTER TABLE attendance_week_totals_by_week RENAME TO attendance_week_totals;
CREATE INDEX attendance_week_totals_placement ON attendance_week_totals(placement_id);
PRAGMA legacy_alter_table = OFF;
