-- The embedded engine has no partitions: its attendance marks stay one table (see the PostgreSQL
-- migration of the same number, for national size).
SELECT 1;
