-- Letters to a child's parents and carers (the notice of a direction, review summaries), one row a
-- recipient: sent by e-mail and read in Waypoint by a carer with an account, or printed and posted
-- by the school for one without. When each was sent, posted and first read is kept.
CREATE TABLE letters (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  kind TEXT NOT NULL,
  about_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  recipient_name TEXT NOT NULL,
  contact_id BIGINT REFERENCES pupil_contacts(id),
  user_id BIGINT REFERENCES users(id),
  channel TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  sent_at TEXT,
  posted_on TEXT,
  posted_by BIGINT REFERENCES users(id),
  first_read_at TEXT
);
CREATE INDEX letters_pupil ON letters(pupil_id, id);
CREATE INDEX letters_reader ON letters(user_id, kind, about_id);
