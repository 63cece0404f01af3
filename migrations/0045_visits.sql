-- Monitoring visits to the provider by the commissioning school, on the schedule the placement
-- sets (each half term unless chosen otherwise), each with the actions agreed.
ALTER TABLE placements ADD COLUMN visit_every TEXT NOT NULL DEFAULT 'half_term';

CREATE TABLE provider_visits (
  id ID_PK,
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  visited_on TEXT NOT NULL,
  visitors TEXT NOT NULL,
  pupil_seen_learning INTEGER NOT NULL,
  what_seen TEXT NOT NULL,
  safeguarding TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX provider_visits_placement ON provider_visits(placement_id, visited_on);

CREATE TABLE visit_actions (
  id ID_PK,
  visit_id BIGINT NOT NULL REFERENCES provider_visits(id),
  action TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_on TEXT NOT NULL
);
CREATE INDEX visit_actions_visit ON visit_actions(visit_id);
