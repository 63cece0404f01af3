-- Each placement's sessions by the code that counts (the school's where it changed one, else the
-- provider's), kept by triggers as marks are written: outcomes read a few rows a placement instead
-- of every mark of its history. A count that falls to 0 stays as a row of 0.
CREATE TABLE attendance_code_totals (
  placement_id INTEGER NOT NULL,
  code TEXT NOT NULL,
  sessions INTEGER NOT NULL,
  PRIMARY KEY (placement_id, code)
);
INSERT INTO attendance_code_totals (placement_id, code, sessions)
  SELECT placement_id, COALESCE(school_code, provider_code), COUNT(*) FROM attendance_marks GROUP BY 1, 2;
CREATE TRIGGER attendance_code_totals_insert AFTER INSERT ON attendance_marks BEGIN
  INSERT INTO attendance_code_totals (placement_id, code, sessions)
    VALUES (NEW.placement_id, COALESCE(NEW.school_code, NEW.provider_code), 1)
    ON CONFLICT (placement_id, code) DO UPDATE SET sessions = sessions + 1;
END;
CREATE TRIGGER attendance_code_totals_delete AFTER DELETE ON attendance_marks BEGIN
  UPDATE attendance_code_totals SET sessions = sessions - 1
    WHERE placement_id = OLD.placement_id AND code = COALESCE(OLD.school_code, OLD.provider_code);
END;
CREATE TRIGGER attendance_code_totals_update AFTER UPDATE OF placement_id, provider_code, school_code
    ON attendance_marks BEGIN
  UPDATE attendance_code_totals SET sessions = sessions - 1
    WHERE placement_id = OLD.placement_id AND code = COALESCE(OLD.school_code, OLD.provider_code);
  INSERT INTO attendance_code_totals (placement_id, code, sessions)
    VALUES (NEW.placement_id, COALESCE(NEW.school_code, NEW.provider_code), 1)
    ON CONFLICT (placement_id, code) DO UPDATE SET sessions = sessions + 1;
END;
