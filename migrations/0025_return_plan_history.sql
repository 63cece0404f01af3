-- A return plan is saved whole; the plan, criteria and steps it replaces are kept here as they
-- were, each with when it was replaced, so what was agreed for a child's return stays readable
-- after the plan changed (the audit trail says who changed it).
CREATE TABLE reintegration_plan_history (
  id ID_PK,
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  review_id BIGINT NOT NULL REFERENCES reviews(id),
  key_adult TEXT NOT NULL,
  mentoring TEXT NOT NULL,
  adjustments TEXT NOT NULL,
  responsibilities TEXT NOT NULL,
  updated_by BIGINT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  superseded_at TEXT NOT NULL
);
CREATE INDEX reintegration_plan_history_placement ON reintegration_plan_history(placement_id, superseded_at);

CREATE TABLE readiness_criteria_history (
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  position INTEGER NOT NULL,
  objective_position INTEGER,
  criterion TEXT NOT NULL,
  superseded_at TEXT NOT NULL
);
CREATE INDEX readiness_criteria_history_placement ON readiness_criteria_history(placement_id, superseded_at);

CREATE TABLE return_step_history (
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  position INTEGER NOT NULL,
  starts_on TEXT NOT NULL,
  days_at_school TEXT NOT NULL,
  applied_on TEXT,
  superseded_at TEXT NOT NULL
);
CREATE INDEX return_step_history_placement ON return_step_history(placement_id, superseded_at);
