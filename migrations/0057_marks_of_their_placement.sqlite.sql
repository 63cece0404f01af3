-- The embedded engine keeps its foreign keys as they are (see the PostgreSQL migration of the same
-- number): SQLite checks each one by a lookup in the parent's own key, without a lock.
SELECT 1;
