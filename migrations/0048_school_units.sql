-- A school's own unit (an on-site inclusion or learning support unit) is a setting of that school:
-- a provider entry offered only to it, for Tier 1 support. Its LA stays the provider's parent.
ALTER TABLE providers ADD COLUMN unit_of_school BIGINT REFERENCES organisations(id);
CREATE INDEX providers_unit_of_school ON providers(unit_of_school);
