-- A school's home page lists the reports and visits due for the placements it commissions; without
-- this index each reading walked every active placement in the database (all the area's, or the
-- nation's) to find the school's ten.
CREATE INDEX placements_commissioner ON placements(commissioner_id, status);
