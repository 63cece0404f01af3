-- An area's weekly totals change mostly in the week under way: the weeks before it hardly ever do
-- (a late register, a correction, disposal). Each change to an area's totals of a week moves that
-- area and week's number here, so a server can keep what it added up for the weeks before the
-- current one for as long as their numbers stand, however the change was made (a register, a COPY,
-- retention, another server), and read only the current week at each request. Once a statement, in
-- the order of the key, so two writers take the rows they share in the same order.
CREATE TABLE attendance_week_revisions (
  la_id BIGINT NOT NULL,
  week_start TEXT NOT NULL,
  revision BIGINT NOT NULL,
  PRIMARY KEY (la_id, week_start)
);
INSERT INTO attendance_week_revisions (la_id, week_start, revision)
  SELECT DISTINCT sc.parent_id, t.week_start, 1 FROM attendance_week_totals t
  JOIN organisations sc ON sc.id = t.school_id WHERE sc.parent_id IS NOT NULL;
CREATE FUNCTION attendance_weeks_revised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO attendance_week_revisions (la_id, week_start, revision)
      SELECT DISTINCT sc.parent_id, t.week_start, 1 FROM gone_totals t JOIN organisations sc ON sc.id = t.school_id
      WHERE sc.parent_id IS NOT NULL ORDER BY 1, 2
      ON CONFLICT (la_id, week_start) DO UPDATE SET revision = attendance_week_revisions.revision + 1;
  ELSE
    INSERT INTO attendance_week_revisions (la_id, week_start, revision)
      SELECT DISTINCT sc.parent_id, t.week_start, 1 FROM new_totals t JOIN organisations sc ON sc.id = t.school_id
      WHERE sc.parent_id IS NOT NULL ORDER BY 1, 2
      ON CONFLICT (la_id, week_start) DO UPDATE SET revision = attendance_week_revisions.revision + 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER attendance_week_totals_added AFTER INSERT ON attendance_week_totals
  REFERENCING NEW TABLE AS new_totals FOR EACH STATEMENT EXECUTE FUNCTION attendance_weeks_revised();
CREATE TRIGGER attendance_week_totals_changed AFTER UPDATE ON attendance_week_totals
  REFERENCING NEW TABLE AS new_totals FOR EACH STATEMENT EXECUTE FUNCTION attendance_weeks_revised();
CREATE TRIGGER attendance_week_totals_removed AFTER DELETE ON attendance_week_totals
  REFERENCING OLD TABLE AS gone_totals FOR EACH STATEMENT EXECUTE FUNCTION attendance_weeks_revised();
