-- Challenges to a provider about a placement, by the commissioning school or a parent: what
-- happened, what is asked for and the date for the answer; the provider's answer; whether the one
-- who raised it was satisfied or sent it on; and the LA's outcome, the provider's quality record.
CREATE TABLE provider_challenges (
  id ID_PK,
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  provider_id BIGINT NOT NULL REFERENCES organisations(id),
  raised_by BIGINT NOT NULL REFERENCES users(id),
  raised_by_organisation BIGINT REFERENCES organisations(id),  -- the school, when its staff raised it
  raised_at TEXT NOT NULL,
  category TEXT NOT NULL,
  what_happened TEXT NOT NULL,
  asked_for TEXT NOT NULL,
  answer_by TEXT NOT NULL,
  answer TEXT,
  answered_by BIGINT REFERENCES users(id),
  answered_at TEXT,
  resolved_at TEXT,
  referred_at TEXT,
  outcome TEXT,
  la_note TEXT,
  settled_by BIGINT REFERENCES users(id),
  settled_at TEXT
);
CREATE INDEX provider_challenges_placement ON provider_challenges(placement_id, raised_at);
CREATE INDEX provider_challenges_provider ON provider_challenges(provider_id);
