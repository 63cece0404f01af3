-- Failed sign-ins counted per account and address, and per address across accounts, each with the
-- moment its next attempt may be made. Replaces the per-address lock.
DROP TABLE sign_in_failures;
CREATE TABLE sign_in_attempts (
  throttle_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  not_before TEXT,
  last_failure_at TEXT NOT NULL
);
CREATE INDEX sign_in_attempts_last ON sign_in_attempts(last_failure_at);
