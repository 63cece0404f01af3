-- SQLite's index of a school's marks leads with the day from here (see its migration of this
-- number). PostgreSQL logs the row it adds to an index, not the index's page (but for a page's first
-- change after a checkpoint), and keeps its own.
SELECT 1;
