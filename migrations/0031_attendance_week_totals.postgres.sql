-- Each placement's sessions by the code that counts, week by week (weeks begin on Monday), with the
-- pupil's school, kept by triggers once a statement as marks are written: the LA's picture of its
-- area adds up a few rows a placement and week instead of reading every mark of the period. A count
-- that falls to 0 stays as a row of 0.
CREATE TABLE attendance_week_totals (
  school_id BIGINT NOT NULL,
  week_start TEXT NOT NULL,
  placement_id BIGINT NOT NULL,
  code TEXT NOT NULL,
  sessions INTEGER NOT NULL,
  PRIMARY KEY (school_id, week_start, placement_id, code)
);
CREATE INDEX attendance_week_totals_placement ON attendance_week_totals(placement_id);
CREATE FUNCTION attendance_week_of(day TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(date_trunc('week', CAST(day AS date)), 'YYYY-MM-DD')
$$;
INSERT INTO attendance_week_totals (school_id, week_start, placement_id, code, sessions)
  SELECT school_id, attendance_week_of(session_date), placement_id, COALESCE(school_code, provider_code), COUNT(*)
  FROM attendance_marks GROUP BY 1, 2, 3, 4;
-- New rows count +1 and old rows -1, as one net change a school, week, placement and code.
CREATE FUNCTION attendance_week_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO attendance_week_totals (school_id, week_start, placement_id, code, sessions)
      SELECT school_id, attendance_week_of(session_date), placement_id, COALESCE(school_code, provider_code), COUNT(*)
      FROM new_marks GROUP BY 1, 2, 3, 4
      ON CONFLICT (school_id, week_start, placement_id, code)
      DO UPDATE SET sessions = attendance_week_totals.sessions + excluded.sessions;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE attendance_week_totals t SET sessions = t.sessions - gone.sessions
      FROM (SELECT school_id, attendance_week_of(session_date) AS week_start, placement_id,
                   COALESCE(school_code, provider_code) AS code, COUNT(*) AS sessions
            FROM old_marks GROUP BY 1, 2, 3, 4) gone
      WHERE t.school_id = gone.school_id AND t.week_start = gone.week_start AND t.placement_id = gone.placement_id
        AND t.code = gone.code;
  ELSE
    INSERT INTO attendance_week_totals (school_id, week_start, placement_id, code, sessions)
      SELECT school_id, week_start, placement_id, code, SUM(n) FROM (
        SELECT school_id, attendance_week_of(session_date) AS week_start, placement_id,
               COALESCE(school_code, provider_code) AS code, 1 AS n FROM new_marks
        UNION ALL
        SELECT school_id, attendance_week_of(session_date), placement_id, COALESCE(school_code, provider_code), -1
        FROM old_marks) moved
      GROUP BY 1, 2, 3, 4 HAVING SUM(n) <> 0
      ON CONFLICT (school_id, week_start, placement_id, code)
      DO UPDATE SET sessions = attendance_week_totals.sessions + excluded.sessions;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER attendance_week_totals_insert AFTER INSERT ON attendance_marks
  REFERENCING NEW TABLE AS new_marks FOR EACH STATEMENT EXECUTE FUNCTION attendance_week_totals_apply();
CREATE TRIGGER attendance_week_totals_delete AFTER DELETE ON attendance_marks
  REFERENCING OLD TABLE AS old_marks FOR EACH STATEMENT EXECUTE FUNCTION attendance_week_totals_apply();
CREATE TRIGGER attendance_week_totals_update AFTER UPDATE ON attendance_marks
  REFERENCING OLD TABLE AS old_marks NEW TABLE AS new_marks FOR EACH STATEMENT
  EXECUTE FUNCTION attendance_week_totals_apply();
