-- What providers log each session or day, and incidents. A log for the same placement, day and
-- period is replaced by the newer one (the form shows what was logged); incidents are added.
CREATE TABLE progress_logs (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  provider_id BIGINT NOT NULL REFERENCES organisations(id),
  log_date TEXT NOT NULL,
  period TEXT NOT NULL,
  engagement INTEGER NOT NULL,
  behaviour TEXT NOT NULL,
  wellbeing TEXT NOT NULL,
  work_covered TEXT NOT NULL,
  logged_by BIGINT NOT NULL REFERENCES users(id),
  logged_at TEXT NOT NULL,
  UNIQUE (placement_id, log_date, period)
);
CREATE INDEX progress_logs_pupil ON progress_logs(pupil_id, log_date);

-- A value against one of the plan's objectives, in the objective's own measure and unit.
CREATE TABLE objective_values (
  log_id BIGINT NOT NULL REFERENCES progress_logs(id),
  objective_id BIGINT NOT NULL REFERENCES plan_objectives(id),
  value TEXT NOT NULL,  -- a number, as parse_measure reads it
  PRIMARY KEY (log_id, objective_id)
);
CREATE INDEX objective_values_objective ON objective_values(objective_id);

CREATE TABLE incidents (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  provider_id BIGINT NOT NULL REFERENCES organisations(id),
  happened_on TEXT NOT NULL,
  severity TEXT NOT NULL,
  description TEXT NOT NULL,
  action_taken TEXT NOT NULL,
  logged_by BIGINT NOT NULL REFERENCES users(id),
  logged_at TEXT NOT NULL
);
CREATE INDEX incidents_pupil ON incidents(pupil_id, happened_on);
