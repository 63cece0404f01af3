-- Each placement's sessions by the code that counts (the school's where it changed one, else the
-- provider's), kept by a trigger as marks are written: outcomes read a few rows a placement instead
-- of every mark of its history. A count that falls to 0 stays as a row of 0.
CREATE TABLE attendance_code_totals (
  placement_id BIGINT NOT NULL,
  code TEXT NOT NULL,
  sessions INTEGER NOT NULL,
  PRIMARY KEY (placement_id, code)
);
INSERT INTO attendance_code_totals (placement_id, code, sessions)
  SELECT placement_id, COALESCE(school_code, provider_code), COUNT(*) FROM attendance_marks GROUP BY 1, 2;
CREATE FUNCTION attendance_code_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE attendance_code_totals SET sessions = sessions - 1
      WHERE placement_id = OLD.placement_id AND code = COALESCE(OLD.school_code, OLD.provider_code);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO attendance_code_totals (placement_id, code, sessions)
      VALUES (NEW.placement_id, COALESCE(NEW.school_code, NEW.provider_code), 1)
      ON CONFLICT (placement_id, code) DO UPDATE SET sessions = attendance_code_totals.sessions + 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER attendance_code_totals_follow
  AFTER INSERT OR DELETE OR UPDATE OF placement_id, provider_code, school_code ON attendance_marks
  FOR EACH ROW EXECUTE FUNCTION attendance_code_totals_follow();
