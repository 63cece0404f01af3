-- SQLite plans each statement with its values and takes the placement's index for a pupil's weeks
-- already; and there an index that held the sessions would be written at every mark sent, where
-- this one (by placement, its entries keyed by the table's key) is not.
SELECT 1;
