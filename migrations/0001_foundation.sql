-- Organisations, accounts, sessions, API tokens, pupils and the audit trail.
-- ID_PK is the engine's auto-numbered integer key (see store/migrations.cpp).

CREATE TABLE organisations (
  id ID_PK,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_id BIGINT REFERENCES organisations(id),
  urn TEXT,
  ukprn TEXT,
  created_at TEXT NOT NULL,
  disabled_at TEXT
);
CREATE INDEX organisations_parent ON organisations(parent_id);
CREATE INDEX organisations_kind_name ON organisations(kind, name, id);
CREATE UNIQUE INDEX organisations_urn ON organisations(urn) WHERE urn IS NOT NULL;

CREATE TABLE users (
  id ID_PK,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  disabled_at TEXT
);
CREATE INDEX users_organisation ON users(organisation_id, display_name);
CREATE INDEX users_name ON users(display_name);

-- Keyed by the address typed, not by user, so unknown addresses are throttled the same way.
CREATE TABLE sign_in_failures (
  email TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until TEXT,
  last_failure_at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_last ON sign_in_failures(last_failure_at);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_last_seen ON sessions(last_seen_at);

CREATE TABLE api_tokens (
  id ID_PK,
  user_id BIGINT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE pupils (
  id ID_PK,
  school_id BIGINT NOT NULL REFERENCES organisations(id),
  upn TEXT NOT NULL UNIQUE,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX pupils_school ON pupils(school_id, family_name, given_name, id);

CREATE TABLE pupil_guardians (
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  PRIMARY KEY (pupil_id, user_id)
);
CREATE INDEX pupil_guardians_user ON pupil_guardians(user_id);

-- Append-only hash chain; ids are given by the writer, which holds the append lock.
CREATE TABLE audit_events (
  id BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  user_id BIGINT,
  organisation_id BIGINT,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT,
  pupil_id BIGINT,
  client TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_user ON audit_events(user_id, id);
CREATE INDEX audit_events_pupil ON audit_events(pupil_id, id);
CREATE INDEX audit_events_at ON audit_events(at, id);
