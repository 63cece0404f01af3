-- The provider's regular report on a placement: the interval the placement sets, whether the
-- school shares the reports with the parents, and each report as sent (the draft Waypoint made from
-- the period's records, kept as it was, and the provider's comment).
ALTER TABLE placements ADD COLUMN report_every TEXT NOT NULL DEFAULT 'week';
ALTER TABLE placements ADD COLUMN reports_to_parents INTEGER NOT NULL DEFAULT 0;

CREATE TABLE provider_reports (
  id ID_PK,
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  sections TEXT NOT NULL,
  comment TEXT NOT NULL,
  shared_with_parents INTEGER NOT NULL,
  sent_by BIGINT NOT NULL REFERENCES users(id),
  sent_at TEXT NOT NULL,
  UNIQUE (placement_id, period_to)
);
