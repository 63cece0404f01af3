-- Alerts: raised by what happens (an unexplained absence), worked by the people they are for, and
-- closed only with an outcome. Their actions are a log: added to, never changed.

CREATE TABLE alerts (
  id ID_PK,
  kind TEXT NOT NULL,
  pupil_id BIGINT REFERENCES pupils(id),
  school_id BIGINT NOT NULL REFERENCES organisations(id),
  provider_id BIGINT REFERENCES organisations(id),
  for_role TEXT NOT NULL,
  session_date TEXT NOT NULL,
  session TEXT NOT NULL,
  summary TEXT NOT NULL,
  raised_at TEXT NOT NULL,
  closed_at TEXT,
  closed_by BIGINT REFERENCES users(id),
  outcome TEXT,
  UNIQUE (kind, pupil_id, session_date, session)
);
CREATE INDEX alerts_inbox ON alerts(school_id, for_role, closed_at, id);

CREATE TABLE alert_actions (
  id ID_PK,
  alert_id BIGINT NOT NULL REFERENCES alerts(id),
  action TEXT NOT NULL,
  note TEXT NOT NULL,
  by_user BIGINT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL
);
CREATE INDEX alert_actions_alert ON alert_actions(alert_id, id);
