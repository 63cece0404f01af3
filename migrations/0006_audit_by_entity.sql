-- A provider's history reads the audit trail by what was changed.
CREATE INDEX audit_events_entity ON audit_events(entity, entity_id, id);
