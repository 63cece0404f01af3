-- The audit trail stays append-only, except that entries up to the recorded start of the trail
-- (audit_trail_start, written by retention before it disposes of them) may be removed.
DROP TRIGGER audit_events_no_delete;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
WHEN OLD.id > COALESCE((SELECT last_disposed_id FROM audit_trail_start WHERE id = 1), 0)
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
