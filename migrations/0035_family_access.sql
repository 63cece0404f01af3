-- Parents and carers in Waypoint. A school invites a contact with parental responsibility by
-- e-mail: a single-use link that runs out; only the token's hash is kept. Accepting it links the
-- carer's account to the child; the school can end a link, with a reason, and the row stays as
-- the record of who could see the child and until when.
CREATE TABLE family_invitations (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  contact_id BIGINT NOT NULL REFERENCES pupil_contacts(id),
  email TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  invited_by BIGINT NOT NULL REFERENCES users(id),
  invited_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_at TEXT,
  accepted_by BIGINT REFERENCES users(id),
  withdrawn_at TEXT
);
CREATE INDEX family_invitations_pupil ON family_invitations(pupil_id, invited_at);

ALTER TABLE pupil_guardians ADD COLUMN contact_id BIGINT REFERENCES pupil_contacts(id);
ALTER TABLE pupil_guardians ADD COLUMN linked_at TEXT;
ALTER TABLE pupil_guardians ADD COLUMN ended_at TEXT;
ALTER TABLE pupil_guardians ADD COLUMN ended_by BIGINT REFERENCES users(id);
ALTER TABLE pupil_guardians ADD COLUMN end_reason TEXT;
