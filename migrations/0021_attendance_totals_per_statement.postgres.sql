-- The totals follow marks once a statement rather than once a row: a register of 30 marks, or a
-- COPY of a year's marks, runs one grouped change instead of a trigger call a mark. Each statement
-- adds its new rows' codes and takes away its old rows', as one net change a placement and code.
DROP TRIGGER attendance_code_totals_follow ON attendance_marks;
DROP FUNCTION attendance_code_totals_follow();
CREATE FUNCTION attendance_code_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO attendance_code_totals (placement_id, code, sessions)
    SELECT placement_id, COALESCE(school_code, provider_code), COUNT(*) FROM new_marks GROUP BY 1, 2
    ON CONFLICT (placement_id, code) DO UPDATE SET sessions = attendance_code_totals.sessions + excluded.sessions;
  RETURN NULL;
END
$$;
CREATE FUNCTION attendance_code_totals_take() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE attendance_code_totals t SET sessions = t.sessions - gone.sessions
    FROM (SELECT placement_id, COALESCE(school_code, provider_code) AS code, COUNT(*) AS sessions
          FROM old_marks GROUP BY 1, 2) gone
    WHERE t.placement_id = gone.placement_id AND t.code = gone.code;
  RETURN NULL;
END
$$;
CREATE FUNCTION attendance_code_totals_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER attendance_code_totals_insert AFTER INSERT ON attendance_marks
  REFERENCING NEW TABLE AS new_marks FOR EACH STATEMENT EXECUTE FUNCTION attendance_code_totals_add();
CREATE TRIGGER attendance_code_totals_delete AFTER DELETE ON attendance_marks
  REFERENCING OLD TABLE AS old_marks FOR EACH STATEMENT EXECUTE FUNCTION attendance_code_totals_take();
CREATE TRIGGER attendance_code_totals_update AFTER UPDATE ON attendance_marks
  REFERENCING OLD TABLE AS old_marks NEW TABLE AS new_marks FOR EACH STATEMENT
  EXECUTE FUNCTION attendance_code_totals_change();
