-- PostgreSQL keeps every table as a heap: the embedded engine's change of the same number (the
-- totals kept in their keys' order) has no counterpart here.
SELECT 1;
