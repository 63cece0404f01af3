-- The provider directory: profiles, what each offers, sites, checks and schools' own acceptance.

CREATE TABLE providers (
  organisation_id BIGINT PRIMARY KEY REFERENCES organisations(id),
  provider_kind TEXT NOT NULL,
  ofsted_judgement TEXT,
  ofsted_date TEXT,
  contact_name TEXT NOT NULL,
  contact_email TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  age_from INTEGER,
  age_to INTEGER,
  delivery TEXT NOT NULL,
  capacity INTEGER,
  cost_pence INTEGER,
  cost_unit TEXT,
  description TEXT NOT NULL,
  -- The standing computed when checks last changed, and the last day it holds; after that day an
  -- approved standing reads as lapsed (see store/provider_store.cpp), so lists can filter on it.
  standing TEXT NOT NULL,
  standing_holds_until TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX providers_kind ON providers(provider_kind);
CREATE INDEX providers_standing ON providers(standing, standing_holds_until);

-- What a provider offers, one row a value: key stages, specialisms, subjects, qualifications, courses.
CREATE TABLE provider_offer (
  provider_id BIGINT NOT NULL REFERENCES providers(organisation_id),
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (provider_id, facet, value)
);
CREATE INDEX provider_offer_facet ON provider_offer(facet, value, provider_id);

CREATE TABLE provider_sites (
  id ID_PK,
  provider_id BIGINT NOT NULL REFERENCES providers(organisation_id),
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  postcode TEXT NOT NULL,
  relationship TEXT NOT NULL,
  created_at TEXT NOT NULL,
  removed_at TEXT
);
CREATE INDEX provider_sites_provider ON provider_sites(provider_id);

CREATE TABLE provider_checks (
  id ID_PK,
  provider_id BIGINT NOT NULL REFERENCES providers(organisation_id),
  check_type TEXT NOT NULL,
  site_id BIGINT REFERENCES provider_sites(id),
  outcome TEXT NOT NULL,
  completed_on TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  notes TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  verified_by BIGINT REFERENCES users(id),
  verified_at TEXT
);
CREATE INDEX provider_checks_provider ON provider_checks(provider_id, check_type, completed_on);
CREATE INDEX provider_checks_expiry ON provider_checks(expires_on);

-- A school's own due diligence on a provider; the latest row for a school and provider counts.
CREATE TABLE provider_acceptances (
  id ID_PK,
  school_id BIGINT NOT NULL REFERENCES organisations(id),
  provider_id BIGINT NOT NULL REFERENCES providers(organisation_id),
  accepted_on TEXT NOT NULL,
  accepted_by BIGINT NOT NULL REFERENCES users(id),
  notes TEXT NOT NULL
);
CREATE INDEX provider_acceptances_school ON provider_acceptances(school_id, provider_id, id);
