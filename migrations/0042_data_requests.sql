-- A family's data rights: requests for a copy of the child's record and data protection complaints,
-- made from the portal, each with its clock, its acknowledgement, any extension and why, and how it
-- ended. Kept.
CREATE TABLE data_requests (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  school_id BIGINT NOT NULL REFERENCES organisations(id),
  kind TEXT NOT NULL,
  details TEXT NOT NULL,
  made_by BIGINT NOT NULL REFERENCES users(id),
  received_on TEXT NOT NULL,
  made_at TEXT NOT NULL,
  acknowledged_at TEXT,
  extension_reason TEXT,
  outcome TEXT,
  summary TEXT,
  closed_at TEXT,
  closed_by BIGINT REFERENCES users(id)
);
CREATE INDEX data_requests_school ON data_requests(school_id, closed_at);
CREATE INDEX data_requests_pupil ON data_requests(pupil_id);
