-- The audit chain's newest entry, kept in one row beside the trail: each append (nearly every
-- request) reads it under the chain's lock instead of finding the newest entry, which on
-- PostgreSQL looks into every year of the partitioned trail (migration 0051). Written by the same
-- transaction as the entry it names.
CREATE TABLE audit_chain_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_id BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, last_id, hash)
  SELECT 1, id, hash FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events);
