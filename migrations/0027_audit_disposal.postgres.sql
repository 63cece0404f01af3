-- The audit trail stays append-only, except that entries up to the recorded start of the trail
-- (audit_trail_start, written by retention before it disposes of them) may be removed.
CREATE FUNCTION audit_events_dispose_only_before_start() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.id <= COALESCE((SELECT last_disposed_id FROM audit_trail_start WHERE id = 1), 0) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only';
END
$$;
DROP TRIGGER audit_events_no_change ON audit_events;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_dispose_only_before_start();
GRANT DELETE ON audit_events TO CURRENT_USER;
