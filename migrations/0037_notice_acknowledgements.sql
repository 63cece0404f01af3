-- A parent's acknowledgement, in Waypoint, of the written notice of an off-site direction: one a
-- parent a notice (the day it was sent names it), kept with the time it was given.
CREATE TABLE notice_acknowledgements (
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  notice_sent_on TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL,
  PRIMARY KEY (placement_id, user_id, notice_sent_on)
);
