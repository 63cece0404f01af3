-- Evidence files for provider checks. Contents are kept once per content hash, as base64 text so
-- both engines store them in the same transaction as the check they support.
CREATE TABLE evidence_contents (
  content_hash TEXT PRIMARY KEY,
  size_bytes INTEGER NOT NULL,
  content_base64 TEXT NOT NULL
);

CREATE TABLE provider_check_files (
  id ID_PK,
  check_id BIGINT NOT NULL REFERENCES provider_checks(id),
  content_hash TEXT NOT NULL REFERENCES evidence_contents(content_hash),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users(id),
  uploaded_at TEXT NOT NULL
);
CREATE INDEX provider_check_files_check ON provider_check_files(check_id);
