-- Each placement's sessions by the code that counts, week by week (weeks begin on Monday), with the
-- pupil's school, kept by triggers as marks are written: the LA's picture of its area adds up a
-- few rows a placement and week instead of reading every mark of the period. A count that falls
-- to 0 stays as a row of 0.
CREATE TABLE attendance_week_totals (
  school_id INTEGER NOT NULL,
  week_start TEXT NOT NULL,
  placement_id INTEGER NOT NULL,
  code TEXT NOT NULL,
  sessions INTEGER NOT NULL,
  PRIMARY KEY (school_id, week_start, placement_id, code)
);
CREATE INDEX attendance_week_totals_placement ON attendance_week_totals(placement_id);
INSERT INTO attendance_week_totals (school_id, week_start, placement_id, code, sessions)
  SELECT school_id, date(session_date, '-6 days', 'weekday 1'), placement_id, COALESCE(school_code, provider_code),
         COUNT(*)
  FROM attendance_marks GROUP BY 1, 2, 3, 4;
CREATE TRIGGER attendance_week_totals_insert AFTER INSERT ON attendance_marks BEGIN
  INSERT INTO attendance_week_totals (school_id, week_start, placement_id, code, sessions)
    VALUES (NEW.school_id, date(NEW.session_date, '-6 days', 'weekday 1'), NEW.placement_id,
            COALESCE(NEW.school_code, NEW.provider_code), 1)
    ON CONFLICT (school_id, week_start, placement_id, code) DO UPDATE SET sessions = sessions + 1;
END;
CREATE TRIGGER attendance_week_totals_delete AFTER DELETE ON attendance_marks BEGIN
  UPDATE attendance_week_totals SET sessions = sessions - 1
    WHERE school_id = OLD.school_id AND week_start = date(OLD.session_date, '-6 days', 'weekday 1')
      AND placement_id = OLD.placement_id AND code = COALESCE(OLD.school_code, OLD.provider_code);
END;
CREATE TRIGGER attendance_week_totals_update
    AFTER UPDATE OF school_id, session_date, placement_id, provider_code, school_code ON attendance_marks BEGIN
  UPDATE attendance_week_totals SET sessions = sessions - 1
    WHERE school_id = OLD.school_id AND week_start = date(OLD.session_date, '-6 days', 'weekday 1')
      AND placement_id = OLD.placement_id AND code = COALESCE(OLD.school_code, OLD.provider_code);
  INSERT INTO attendance_week_totals (school_id, week_start, placement_id, code, sessions)
    VALUES (NEW.school_id, date(NEW.session_date, '-6 days', 'weekday 1'), NEW.placement_id,
            COALESCE(NEW.school_code, NEW.provider_code), 1)
    ON CONFLICT (school_id, week_start, placement_id, code) DO UPDATE SET sessions = sessions + 1;
END;
