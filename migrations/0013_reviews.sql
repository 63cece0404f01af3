-- Reviews of a placement: the schedule set when it is agreed, written requests from parents (or
-- the LA for an EHC plan), and the record of each review held.

-- The first review (none: one interval after the start), then one every interval from the last.
ALTER TABLE placements ADD COLUMN review_interval_weeks INTEGER NOT NULL DEFAULT 6;
ALTER TABLE placements ADD COLUMN first_review_on TEXT;

CREATE TABLE review_requests (
  id ID_PK,
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  requested_by TEXT NOT NULL,  -- parent, local_authority
  requester_name TEXT NOT NULL,
  requested_on TEXT NOT NULL,  -- the date of the written request
  owed_on TEXT,                -- the day a review fell due because of it; none when one was held in the 10 weeks before
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX review_requests_placement ON review_requests(placement_id, requested_on);

-- A review as it was held. What it saw (attendance, engagement, objectives' values) is kept as it
-- was then, so a later correction of a mark does not rewrite what the meeting decided on.
CREATE TABLE reviews (
  id ID_PK,
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  held_on TEXT NOT NULL,
  attendees TEXT NOT NULL,       -- codes separated by commas: pupil, parents, provider, school, local_authority
  other_attendees TEXT NOT NULL,  -- names and roles of anyone else
  la_invited_on TEXT,            -- for a pupil with an EHC plan
  pupil_voice TEXT NOT NULL,
  parent_voice TEXT NOT NULL,
  since_date TEXT NOT NULL,      -- the start of the period it looked at: the last review, or the start
  sessions_possible INTEGER NOT NULL,
  sessions_attended INTEGER NOT NULL,
  engagement_total INTEGER NOT NULL,  -- the sum of the levels logged: the mean is total / logs
  engagement_logs INTEGER NOT NULL,
  incidents INTEGER NOT NULL,
  plan_version INTEGER,          -- the agreed plan it reviewed
  decision TEXT NOT NULL,        -- continue, amend_plan, extend, start_reintegration, end_placement
  decision_notes TEXT NOT NULL,
  extended_to TEXT,              -- the new planned end date, for extend
  new_plan_version INTEGER,      -- the draft it started, for amend_plan
  next_review_on TEXT,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX reviews_placement ON reviews(placement_id, held_on);
CREATE INDEX reviews_pupil ON reviews(pupil_id, held_on);

CREATE TABLE review_objectives (
  review_id BIGINT NOT NULL REFERENCES reviews(id),
  position INTEGER NOT NULL,
  area TEXT NOT NULL,
  description TEXT NOT NULL,
  baseline TEXT NOT NULL,
  target TEXT NOT NULL,
  suggested_value TEXT NOT NULL,  -- what the logs and attendance showed
  suggested_from TEXT NOT NULL,
  value TEXT NOT NULL,            -- what the review agreed
  change_reason TEXT NOT NULL,    -- why it differs from the suggestion
  PRIMARY KEY (review_id, position)
);
