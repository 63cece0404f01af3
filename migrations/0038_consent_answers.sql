-- Parents' answers to a placement made with their consent: given or refused, by the parent in
-- Waypoint or recorded by the school with how it reached them (a signed form, a phone call, ...),
-- each kept with the terms exactly as they were shown and their version. The latest answer stands.
CREATE TABLE consent_answers (
  id ID_PK,
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  answer TEXT NOT NULL,
  how TEXT NOT NULL,
  given_by TEXT NOT NULL,
  parent_user_id BIGINT REFERENCES users(id),
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  comment TEXT NOT NULL DEFAULT '',
  terms_shown TEXT NOT NULL,
  terms_version TEXT NOT NULL,
  answered_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX consent_answers_placement ON consent_answers(placement_id, id);
