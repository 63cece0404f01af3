-- Every request writes an entry on the audit trail, and each of the trail's indexes is one more
-- write in it. The index on the id alone (migration 0051, made to find the chain's newest entry
-- across the years) repeats the key's first column: the key (id, at) serves every read by id, and
-- the newest entry has had its own row since migration 0053. 20,000 entries written in one
-- statement took 12-15 % less time without it.
DROP INDEX IF EXISTS audit_events_id;
