-- A provider's pupils expected on a day (twice on every register page: the pupils and their slots)
-- are its active placements running that day. The server plans each statement once for any provider
-- and day, and PostgreSQL's plan crossed the index of the provider's placements with that of every
-- active placement ending after the day: 2,000 entries read for 30 pupils at LA scale, the whole
-- country's at national scale. With this index the provider's active placements are read alone.
-- SQLite plans with the values and reads them by placements_provider (provider_id, status) already.
CREATE INDEX placements_provider_active ON placements(provider_id, status, planned_end_date);
