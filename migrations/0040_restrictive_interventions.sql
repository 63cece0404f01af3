-- Restrictive interventions: each significant use of force, restraint or seclusion, with the items
-- the law asks schools to record and report to parents since April 2026. Recorded by the school or
-- the provider where it happened; the pupil's SEN status is kept as it was that day.
CREATE TABLE restrictive_interventions (
  id ID_PK,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id),
  recorded_by_org BIGINT NOT NULL REFERENCES organisations(id),
  happened_on TEXT NOT NULL,
  started_at TEXT NOT NULL,
  place TEXT NOT NULL,
  staff TEXT NOT NULL,
  led_up_to TEXT NOT NULL,
  de_escalation TEXT NOT NULL,
  kind TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  reason TEXT NOT NULL,
  reason_detail TEXT NOT NULL,
  injuries TEXT NOT NULL,
  support_afterwards TEXT NOT NULL,
  pupil_sen TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX restrictive_interventions_pupil ON restrictive_interventions(pupil_id, happened_on);
CREATE INDEX restrictive_interventions_recorder ON restrictive_interventions(recorded_by_org, happened_on);
