-- Pupils' needs and contacts, school calendars, placements and whole-week timetables.

-- Needs are codes separated by commas (see domain/pupil_details.cpp); flags are 0 or 1.
ALTER TABLE pupils ADD COLUMN gender TEXT NOT NULL DEFAULT '';
ALTER TABLE pupils ADD COLUMN needs TEXT NOT NULL DEFAULT '';
ALTER TABLE pupils ADD COLUMN looked_after INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pupils ADD COLUMN child_in_need INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pupils ADD COLUMN child_protection_plan INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pupils ADD COLUMN updated_at TEXT;

-- Parents and carers, and the professionals around a pupil (social worker, youth offending worker).
CREATE TABLE pupil_contacts (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  contact_role TEXT NOT NULL,
  name TEXT NOT NULL,
  relationship TEXT NOT NULL,
  parental_responsibility INTEGER NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  address TEXT NOT NULL,
  preferred_contact TEXT NOT NULL,
  created_at TEXT NOT NULL,
  removed_at TEXT
);
CREATE INDEX pupil_contacts_pupil ON pupil_contacts(pupil_id, contact_role);

-- Term dates and closures. A school with no terms of its own uses its local authority's.
CREATE TABLE calendar_terms (
  id ID_PK,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  first_day TEXT NOT NULL,
  last_day TEXT NOT NULL
);
CREATE INDEX calendar_terms_organisation ON calendar_terms(organisation_id, first_day);

CREATE TABLE calendar_closures (
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  day TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (organisation_id, day)
);

-- A school's own full-time week, in minutes; none means the national reference (domain/timetable.hpp).
CREATE TABLE school_settings (
  school_id BIGINT PRIMARY KEY REFERENCES organisations(id),
  full_time_minutes INTEGER NOT NULL
);

CREATE TABLE placements (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  school_id BIGINT NOT NULL REFERENCES organisations(id),
  provider_id BIGINT NOT NULL REFERENCES providers(organisation_id),
  commissioner_id BIGINT NOT NULL REFERENCES organisations(id),
  legal_basis TEXT NOT NULL,
  reason TEXT NOT NULL,
  reason_detail TEXT NOT NULL,
  objectives TEXT NOT NULL,
  start_date TEXT NOT NULL,
  planned_end_date TEXT NOT NULL,
  cost_pence INTEGER,
  cost_unit TEXT,
  paid_by TEXT NOT NULL,
  report_to TEXT NOT NULL,
  breaks TEXT NOT NULL,
  status TEXT NOT NULL,
  notice_sent_on TEXT,
  la_informed_on TEXT,
  parent_consent_on TEXT,
  parent_consent_from TEXT,
  authority_consent_on TEXT,
  override_reason TEXT,
  activated_on TEXT,
  ended_on TEXT,
  end_reason TEXT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX placements_pupil ON placements(pupil_id, start_date);
CREATE INDEX placements_school ON placements(school_id, status, start_date);
CREATE INDEX placements_provider ON placements(provider_id, status, pupil_id);

CREATE TABLE placement_sites (
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  site_id BIGINT NOT NULL REFERENCES provider_sites(id),
  PRIMARY KEY (placement_id, site_id)
);

-- A pupil's whole week. Slots at a provider name the placement (and so the provider) they belong to.
CREATE TABLE timetable_slots (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  weekday INTEGER NOT NULL,
  start_minute INTEGER NOT NULL,
  end_minute INTEGER NOT NULL,
  setting TEXT NOT NULL,
  placement_id BIGINT REFERENCES placements(id),
  site_id BIGINT REFERENCES provider_sites(id)
);
CREATE INDEX timetable_slots_pupil ON timetable_slots(pupil_id, weekday, start_minute);
CREATE INDEX timetable_slots_placement ON timetable_slots(placement_id);

-- What makes a part-time timetable lawful: a reason, the parent's agreement, an end date, reviews.
CREATE TABLE part_time_arrangements (
  pupil_id BIGINT PRIMARY KEY REFERENCES pupils(id),
  reason TEXT NOT NULL,
  parent_agreed_on TEXT,
  ends_on TEXT NOT NULL,
  review_dates TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
