-- The pupil's own voice, each half term: how they feel it is going, what helps, what does not,
-- what they want next, whether they want to go back to school, and how their words reached us.
CREATE TABLE pupil_voices (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  answered_on TEXT NOT NULL,
  feeling TEXT NOT NULL,
  helps TEXT NOT NULL,
  does_not_help TEXT NOT NULL,
  wants_next TEXT NOT NULL,
  back_to_school TEXT NOT NULL,
  how TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX pupil_voices_pupil ON pupil_voices(pupil_id, answered_on);
