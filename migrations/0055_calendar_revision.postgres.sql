-- Calendars are read on most pages (every deadline counts school days) and change a few times a
-- year. Any change to terms, closures or which LA a school belongs to moves this one number, so a
-- server can keep the calendars it has read for as long as the number stands, however the change
-- was made (a page, an import, a COPY, another server). Once a statement, not once a row.
CREATE TABLE calendar_revisions (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  revision BIGINT NOT NULL
);
INSERT INTO calendar_revisions (id, revision) VALUES (1, 0);
CREATE FUNCTION calendar_revised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE calendar_revisions SET revision = revision + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER calendar_terms_revised AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_terms
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_revised();
CREATE TRIGGER calendar_closures_revised AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_closures
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_revised();
CREATE TRIGGER calendar_keeper_moved AFTER UPDATE OF parent_id ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_revised();
