-- A log sent again for the same placement, day and period replaces what the pages show, but the
-- one it replaces is kept here as it was, with who replaced it and when: nothing a provider
-- recorded about a child is deleted by recording it again.
CREATE TABLE progress_log_history (
  id ID_PK,
  log_id BIGINT NOT NULL REFERENCES progress_logs(id),
  engagement INTEGER NOT NULL,
  behaviour TEXT NOT NULL,
  wellbeing TEXT NOT NULL,
  work_covered TEXT NOT NULL,
  logged_by BIGINT NOT NULL REFERENCES users(id),
  logged_at TEXT NOT NULL,
  superseded_by BIGINT NOT NULL REFERENCES users(id),
  superseded_at TEXT NOT NULL
);
CREATE INDEX progress_log_history_log ON progress_log_history(log_id);

CREATE TABLE progress_log_history_values (
  history_id BIGINT NOT NULL REFERENCES progress_log_history(id),
  objective_id BIGINT NOT NULL REFERENCES plan_objectives(id),
  value TEXT NOT NULL,
  PRIMARY KEY (history_id, objective_id)
);
