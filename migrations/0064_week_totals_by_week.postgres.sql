-- SQLite keeps its week totals in the week's order from here (see its migration of this number).
-- PostgreSQL keeps its rows in a heap, whatever the key, and writes a register's totals to the
-- pages the heap has room in: nothing to change.
SELECT 1;
