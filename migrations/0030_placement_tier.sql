-- The tier of the 2025 guidance each placement is recorded under (1 support in school, 2 time
-- limited, 3 transitional). Placements made before it was asked for: Tier 3 after a permanent
-- exclusion, otherwise Tier 2, as domain::tier_of decides for a tier left blank.
ALTER TABLE placements ADD COLUMN tier INTEGER NOT NULL DEFAULT 2;
UPDATE placements SET tier = 3 WHERE reason = 'permanent_exclusion';
