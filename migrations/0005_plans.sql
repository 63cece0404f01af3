-- Personalised plans: versioned. An agreed version is never changed; changing it makes a new version.

CREATE TABLE plan_versions (
  id ID_PK,
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  monitoring TEXT NOT NULL,
  curriculum_fit TEXT NOT NULL,
  ehc_outcomes TEXT NOT NULL,
  pupil_views TEXT NOT NULL,
  parent_views TEXT NOT NULL,
  agreed_on TEXT,
  agreed_by BIGINT REFERENCES users(id),
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (placement_id, version)
);

CREATE TABLE plan_objectives (
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
  responsible TEXT NOT NULL
);
CREATE INDEX plan_objectives_version ON plan_objectives(plan_version_id, position);
