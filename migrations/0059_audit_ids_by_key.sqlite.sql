-- The embedded engine's audit trail is keyed by its id alone: it never had the second index on the
-- id that PostgreSQL's partitioned trail drops here.
SELECT 1;
