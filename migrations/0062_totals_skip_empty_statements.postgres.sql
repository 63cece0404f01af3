-- The totals' triggers run once a statement, and PostgreSQL runs an UPDATE trigger for every
-- INSERT ... ON CONFLICT DO UPDATE even when no row was updated (and an INSERT trigger when none was
-- inserted): each then ran its statement over an empty set, and the week totals' own upsert set
-- off the revisions' triggers twice more. A statement with no rows now returns at once.
CREATE OR REPLACE FUNCTION attendance_code_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM new_marks) THEN RETURN NULL; END IF;
  INSERT INTO attendance_code_totals (placement_id, code, sessions)
    SELECT placement_id, COALESCE(school_code, provider_code), COUNT(*) FROM new_marks GROUP BY 1, 2
    ON CONFLICT (placement_id, code) DO UPDATE SET sessions = attendance_code_totals.sessions + excluded.sessions;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION attendance_code_totals_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM new_marks) THEN RETURN NULL; END IF;
  INSERT INTO attendance_code_totals (placement_id, code, sessions)
    SELECT placement_id, code, SUM(n) FROM (
      SELECT placement_id, COALESCE(school_code, provider_code) AS code, 1 AS n FROM new_marks
      UNION ALL
      SELECT placement_id, COALESCE(school_code, provider_code), -1 FROM old_marks) moved
    GROUP BY 1, 2 HAVING SUM(n) <> 0
    ON CONFLICT (placement_id, code) DO UPDATE SET sessions = attendance_code_totals.sessions + excluded.sessions;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION attendance_code_totals_take() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM old_marks) THEN RETURN NULL; END IF;
  UPDATE attendance_code_totals t SET sessions = t.sessions - gone.sessions
    FROM (SELECT placement_id, COALESCE(school_code, provider_code) AS code, COUNT(*) AS sessions
          FROM old_marks GROUP BY 1, 2) gone
    WHERE t.placement_id = gone.placement_id AND t.code = gone.code;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION attendance_week_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT FROM new_marks) THEN RETURN NULL; END IF;
    INSERT INTO attendance_week_totals (school_id, week_start, placement_id, code, sessions)
      SELECT school_id, attendance_week_of(session_date), placement_id, COALESCE(school_code, provider_code), COUNT(*)
      FROM new_marks GROUP BY 1, 2, 3, 4
      ON CONFLICT (school_id, week_start, placement_id, code)
      DO UPDATE SET sessions = attendance_week_totals.sessions + excluded.sessions;
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT FROM old_marks) THEN RETURN NULL; END IF;
    UPDATE attendance_week_totals t SET sessions = t.sessions - gone.sessions
      FROM (SELECT school_id, attendance_week_of(session_date) AS week_start, placement_id,
                   COALESCE(school_code, provider_code) AS code, COUNT(*) AS sessions
            FROM old_marks GROUP BY 1, 2, 3, 4) gone
      WHERE t.school_id = gone.school_id AND t.week_start = gone.week_start AND t.placement_id = gone.placement_id
        AND t.code = gone.code;
  ELSE
    IF NOT EXISTS (SELECT FROM new_marks) THEN RETURN NULL; END IF;
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

CREATE OR REPLACE FUNCTION attendance_weeks_revised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT FROM gone_totals) THEN RETURN NULL; END IF;
    INSERT INTO attendance_week_revisions (la_id, week_start, revision)
      SELECT DISTINCT sc.parent_id, t.week_start, 1 FROM gone_totals t JOIN organisations sc ON sc.id = t.school_id
      WHERE sc.parent_id IS NOT NULL ORDER BY 1, 2
      ON CONFLICT (la_id, week_start) DO UPDATE SET revision = attendance_week_revisions.revision + 1;
  ELSE
    IF NOT EXISTS (SELECT FROM new_totals) THEN RETURN NULL; END IF;
    INSERT INTO attendance_week_revisions (la_id, week_start, revision)
      SELECT DISTINCT sc.parent_id, t.week_start, 1 FROM new_totals t JOIN organisations sc ON sc.id = t.school_id
      WHERE sc.parent_id IS NOT NULL ORDER BY 1, 2
      ON CONFLICT (la_id, week_start) DO UPDATE SET revision = attendance_week_revisions.revision + 1;
  END IF;
  RETURN NULL;
END
$$;
