-- Safeguarding concerns: written once by whoever works with the pupil, read only by the home
-- school's DSL, the colleagues the DSL allows and the area's LA officers. There is no UPDATE or
-- DELETE of a concern or a follow-up anywhere in Waypoint: a correction is a follow-up.
CREATE TABLE safeguarding_concerns (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  school_id BIGINT NOT NULL REFERENCES organisations(id),
  category TEXT NOT NULL,
  happened_on TEXT NOT NULL,
  what_happened TEXT NOT NULL,
  action_taken TEXT NOT NULL,
  logged_by BIGINT NOT NULL REFERENCES users(id),
  logged_at TEXT NOT NULL
);
CREATE INDEX safeguarding_concerns_pupil ON safeguarding_concerns(pupil_id, id);

CREATE TABLE concern_follow_ups (
  id ID_PK,
  concern_id BIGINT NOT NULL REFERENCES safeguarding_concerns(id),
  note TEXT NOT NULL,
  by_user BIGINT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL
);
CREATE INDEX concern_follow_ups_concern ON concern_follow_ups(concern_id, id);

-- The colleagues a school's DSL allows to read its pupils' concerns (a deputy DSL, the head).
CREATE TABLE concern_readers (
  school_id BIGINT NOT NULL REFERENCES organisations(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  allowed_by BIGINT NOT NULL REFERENCES users(id),
  allowed_at TEXT NOT NULL,
  PRIMARY KEY (school_id, user_id)
);
