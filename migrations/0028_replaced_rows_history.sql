-- What the last few replacements that deleted rows now keep, as the progress log, the week and the
-- return plan do: the sites a placement used, a draft plan's objectives as they stood before each
-- edit, a provider's offer, and the term dates and closures a calendar keeper removed or changed.
-- Each row is as it was, with when it stopped being current; who changed it is in the audit trail.
CREATE TABLE placement_site_history (
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  site_id BIGINT NOT NULL REFERENCES provider_sites(id),
  superseded_at TEXT NOT NULL
);
CREATE INDEX placement_site_history_placement ON placement_site_history(placement_id, superseded_at);

CREATE TABLE plan_objective_history (
  id ID_PK,
  plan_version_id BIGINT NOT NULL REFERENCES plan_versions(id),
  position INTEGER NOT NULL,
  area TEXT NOT NULL,
  description TEXT NOT NULL,
  baseline_value TEXT NOT NULL,
  baseline_date TEXT NOT NULL,
  baseline_source TEXT NOT NULL,
  target TEXT NOT NULL,
  measure TEXT NOT NULL,
  unit TEXT NOT NULL,
  target_date TEXT NOT NULL,
  responsible TEXT NOT NULL,
  superseded_at TEXT NOT NULL
);
CREATE INDEX plan_objective_history_version ON plan_objective_history(plan_version_id, superseded_at);

CREATE TABLE provider_offer_history (
  provider_id BIGINT NOT NULL REFERENCES providers(organisation_id),
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  superseded_at TEXT NOT NULL
);
CREATE INDEX provider_offer_history_provider ON provider_offer_history(provider_id, superseded_at);

CREATE TABLE calendar_term_history (
  term_id BIGINT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  first_day TEXT NOT NULL,
  last_day TEXT NOT NULL,
  removed_at TEXT NOT NULL
);
CREATE INDEX calendar_term_history_organisation ON calendar_term_history(organisation_id, removed_at);

CREATE TABLE calendar_closure_history (
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  day TEXT NOT NULL,
  reason TEXT NOT NULL,
  superseded_at TEXT NOT NULL
);
CREATE INDEX calendar_closure_history_organisation ON calendar_closure_history(organisation_id, superseded_at);
