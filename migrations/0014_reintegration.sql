-- The return to school: a plan with readiness criteria, phased steps and support; checks at 2, 6
-- and 12 weeks that the return holds; and where a pupil went when the placement ended.

ALTER TABLE placements ADD COLUMN destination TEXT;
ALTER TABLE placements ADD COLUMN pupil_assessment TEXT;
ALTER TABLE placements ADD COLUMN parent_view TEXT;

CREATE TABLE reintegration_plans (
  placement_id BIGINT PRIMARY KEY REFERENCES placements(id),
  review_id BIGINT NOT NULL REFERENCES reviews(id),  -- the review that decided on the return
  key_adult TEXT NOT NULL,
  mentoring TEXT NOT NULL,
  adjustments TEXT NOT NULL,
  responsibilities TEXT NOT NULL,
  updated_by BIGINT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL
);

CREATE TABLE readiness_criteria (
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  position INTEGER NOT NULL,
  objective_position INTEGER,  -- the plan objective it shows readiness on
  criterion TEXT NOT NULL,
  PRIMARY KEY (placement_id, position)
);

-- Each step: from its first day, these weekdays at the home school and the rest at the provider.
-- The last step (every day at school) is the full return.
CREATE TABLE return_steps (
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  position INTEGER NOT NULL,
  starts_on TEXT NOT NULL,
  days_at_school TEXT NOT NULL,  -- ISO weekdays separated by commas
  applied_on TEXT,               -- when it was put into the pupil's timetable
  PRIMARY KEY (placement_id, position)
);

CREATE TABLE return_follow_ups (
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  number INTEGER NOT NULL,  -- 1, 2, 3: at 2, 6 and 12 weeks
  due_on TEXT NOT NULL,
  checked_on TEXT NOT NULL,
  attendance_percent TEXT NOT NULL,
  suspensions INTEGER NOT NULL,
  engagement INTEGER NOT NULL,
  holding INTEGER NOT NULL,
  notes TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (placement_id, number)
);
