-- The embedded engine has no partitions: its audit trail stays one table (see the PostgreSQL
-- migration of the same number, for national size).
SELECT 1;
