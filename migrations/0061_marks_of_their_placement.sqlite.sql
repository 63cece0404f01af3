-- A mark's pupil, provider and school are its placement's: one foreign key says so, as on PostgreSQL
-- since 0057, in place of a key each to pupils, placements, providers and organisations. A mark that
-- names another pupil, provider or school than its placement's is now refused here too.
-- What it saves: a placement leaving (retention) had its marks found by an index of their own,
-- (placement_id, provider_code, school_code), which nothing else reads since the outcomes moved to
-- the totals. Every mark sent wrote a leaf of it: a 30-pupil register's first send wrote 114 pages,
-- 28 of them that index's. The key's four columns find a placement's marks by the pupil's own
-- index now, so the index goes. SQLite cannot change a table's keys in place: the table is made
-- again, its rows copied across, and its indexes and totals' triggers made again (the totals
-- already hold these rows, so the triggers are made after the copy).
-- legacy_alter_table: as in 0056, the rename finds the table by name without re-checking every
-- trigger while the old table is gone.
PRAGMA legacy_alter_table = ON;
CREATE UNIQUE INDEX placements_parties ON placements(id, pupil_id, provider_id, school_id);
CREATE TABLE attendance_marks_of_placement (
  id INTEGER PRIMARY KEY,
  pupil_id BIGINT NOT NULL,
  placement_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  school_id BIGINT NOT NULL,
  session_date TEXT NOT NULL,
  session TEXT NOT NULL,
  mark TEXT NOT NULL,
  minutes_late INTEGER NOT NULL,
  absence_code TEXT NOT NULL,
  provider_code TEXT NOT NULL,
  school_code TEXT,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  changed_reason TEXT,
  school_reason TEXT,
  UNIQUE (pupil_id, session_date, session),
  FOREIGN KEY (placement_id, pupil_id, provider_id, school_id)
    REFERENCES placements (id, pupil_id, provider_id, school_id)
);
INSERT INTO attendance_marks_of_placement (id, pupil_id, placement_id, provider_id, school_id, session_date, session,
                                           mark, minutes_late, absence_code, provider_code, school_code, recorded_by,
                                           recorded_at, changed_reason, school_reason)
  SELECT id, pupil_id, placement_id, provider_id, school_id, session_date, session, mark, minutes_late, absence_code,
         provider_code, school_code, recorded_by, recorded_at, changed_reason, school_reason
  FROM attendance_marks;
DROP TABLE attendance_marks;
ALTER TABLE attendance_marks_of_placement RENAME TO attendance_marks;
CREATE INDEX attendance_marks_provider ON attendance_marks(provider_id, session_date, session);
CREATE INDEX attendance_marks_school ON attendance_marks(school_id, session_date, placement_id, provider_code, school_code);
CREATE INDEX attendance_marks_day ON attendance_marks(session_date, pupil_id);
CREATE TRIGGER attendance_code_totals_delete AFTER DELETE ON attendance_marks BEGIN
  UPDATE attendance_code_totals SET sessions = sessions - 1
    WHERE placement_id = OLD.placement_id AND code = COALESCE(OLD.school_code, OLD.provider_code);
END;
CREATE TRIGGER attendance_code_totals_insert AFTER INSERT ON attendance_marks BEGIN
  INSERT INTO attendance_code_totals (placement_id, code, sessions)
    VALUES (NEW.placement_id, COALESCE(NEW.school_code, NEW.provider_code), 1)
    ON CONFLICT (placement_id, code) DO UPDATE SET sessions = sessions + 1;
END;
CREATE TRIGGER attendance_code_totals_update AFTER UPDATE OF placement_id, provider_code, school_code
    ON attendance_marks BEGIN
  UPDATE attendance_code_totals SET sessions = sessions - 1
    WHERE placement_id = OLD.placement_id AND code = COALESCE(OLD.school_code, OLD.provider_code);
  INSERT INTO attendance_code_totals (placement_id, code, sessions)
    VALUES (NEW.placement_id, COALESCE(NEW.school_code, NEW.provider_code), 1)
    ON CONFLICT (placement_id, code) DO UPDATE SET sessions = sessions + 1;
END;
CREATE TRIGGER attendance_week_totals_delete AFTER DELETE ON attendance_marks BEGIN
  UPDATE attendance_week_totals SET sessions = sessions - 1
    WHERE school_id = OLD.school_id AND week_start = date(OLD.session_date, '-6 days', 'weekday 1')
      AND placement_id = OLD.placement_id AND code = COALESCE(OLD.school_code, OLD.provider_code);
END;
CREATE TRIGGER attendance_week_totals_insert AFTER INSERT ON attendance_marks BEGIN
  INSERT INTO attendance_week_totals (school_id, week_start, placement_id, code, sessions)
    VALUES (NEW.school_id, date(NEW.session_date, '-6 days', 'weekday 1'), NEW.placement_id,
            COALESCE(NEW.school_code, NEW.provider_code), 1)
    ON CONFLICT (school_id, week_start, placement_id, code) DO UPDATE SET sessions = sessions + 1;
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
PRAGMA legacy_alter_table = OFF;
