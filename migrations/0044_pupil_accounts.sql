-- The pupil's own account, off by default. A school's headteacher chooses whether the school gives
-- its pupils of 11 and over accounts at all; the school then invites a pupil at their school e-mail
-- address (a single-use link that runs out, only its hash kept), and can end the account with a
-- reason. The rows stay as the record of who could sign in as the pupil and until when.
CREATE TABLE pupil_account_choices (
  school_id BIGINT PRIMARY KEY REFERENCES organisations(id),
  allowed INTEGER NOT NULL DEFAULT 0,
  chosen_by BIGINT NOT NULL REFERENCES users(id),
  chosen_at TEXT NOT NULL
);

CREATE TABLE pupil_invitations (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  email TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  invited_by BIGINT NOT NULL REFERENCES users(id),
  invited_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_at TEXT,
  accepted_by BIGINT REFERENCES users(id),
  withdrawn_at TEXT
);
CREATE INDEX pupil_invitations_pupil ON pupil_invitations(pupil_id, invited_at);

CREATE TABLE pupil_accounts (
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  linked_at TEXT NOT NULL,
  ended_at TEXT,
  ended_by BIGINT REFERENCES users(id),
  end_reason TEXT,
  PRIMARY KEY (pupil_id, user_id)
);
CREATE INDEX pupil_accounts_user ON pupil_accounts(user_id);
