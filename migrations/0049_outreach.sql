-- Outreach: a worker (an LA officer, or a provider's staff) with a caseload of pupils referred to AP
-- who are not attending, or missing education. Each case has home visits, a barrier assessment, a
-- tailored plan of sessions, and the sessions held, which count in the school's register.
CREATE TABLE outreach_cases (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  school_id BIGINT NOT NULL REFERENCES organisations(id),
  -- Who arranged it: the school, or its LA (whose sessions are coded K rather than B).
  arranged_by_id BIGINT NOT NULL REFERENCES organisations(id),
  arranged_by_la INTEGER NOT NULL,
  worker_id BIGINT NOT NULL REFERENCES users(id),
  referred_because TEXT NOT NULL,
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  outcome TEXT,
  outcome_note TEXT,
  opened_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX outreach_cases_pupil ON outreach_cases(pupil_id);
CREATE INDEX outreach_cases_worker ON outreach_cases(worker_id, closed_on);
CREATE INDEX outreach_cases_school ON outreach_cases(school_id, closed_on);

CREATE TABLE outreach_visits (
  id ID_PK,
  case_id BIGINT NOT NULL REFERENCES outreach_cases(id),
  visited_on TEXT NOT NULL,
  who_seen TEXT NOT NULL,
  child_seen INTEGER NOT NULL,
  barriers_found TEXT NOT NULL,
  safety_observed TEXT NOT NULL,
  worry INTEGER NOT NULL,
  next_step TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX outreach_visits_case ON outreach_visits(case_id, visited_on);

-- The barrier assessment: one row a barrier found, with its notes; saved whole, the audit trail
-- keeps who changed it.
CREATE TABLE outreach_barriers (
  case_id BIGINT NOT NULL REFERENCES outreach_cases(id),
  barrier TEXT NOT NULL,
  notes TEXT NOT NULL,
  assessed_by BIGINT NOT NULL REFERENCES users(id),
  assessed_at TEXT NOT NULL,
  PRIMARY KEY (case_id, barrier)
);

-- The tailored plan: sessions a week, each with its focus.
CREATE TABLE outreach_plan_sessions (
  id ID_PK,
  case_id BIGINT NOT NULL REFERENCES outreach_cases(id),
  focus TEXT NOT NULL,
  subject TEXT NOT NULL,
  weekday INTEGER NOT NULL,
  session TEXT NOT NULL,
  notes TEXT NOT NULL
);
CREATE INDEX outreach_plan_sessions_case ON outreach_plan_sessions(case_id);

-- Sessions held (or missed), with the code the school's register takes from them.
CREATE TABLE outreach_sessions (
  id ID_PK,
  case_id BIGINT NOT NULL REFERENCES outreach_cases(id),
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  school_id BIGINT NOT NULL REFERENCES organisations(id),
  held_on TEXT NOT NULL,
  session TEXT NOT NULL,
  focus TEXT NOT NULL,
  attended INTEGER NOT NULL,
  absence_code TEXT NOT NULL,
  school_code TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  UNIQUE (pupil_id, held_on, session)
);
CREATE INDEX outreach_sessions_school ON outreach_sessions(school_id, held_on);
