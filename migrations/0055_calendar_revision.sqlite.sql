-- Calendars are read on most pages (every deadline counts school days) and change a few times a
-- year. Any change to terms, closures or which LA a school belongs to moves this one number, so a
-- server can keep the calendars it has read for as long as the number stands, however the change
-- was made (a page, an import, another server).
CREATE TABLE calendar_revisions (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  revision BIGINT NOT NULL
);
INSERT INTO calendar_revisions (id, revision) VALUES (1, 0);
CREATE TRIGGER calendar_terms_added AFTER INSERT ON calendar_terms
  BEGIN UPDATE calendar_revisions SET revision = revision + 1; END;
CREATE TRIGGER calendar_terms_changed AFTER UPDATE ON calendar_terms
  BEGIN UPDATE calendar_revisions SET revision = revision + 1; END;
CREATE TRIGGER calendar_terms_removed AFTER DELETE ON calendar_terms
  BEGIN UPDATE calendar_revisions SET revision = revision + 1; END;
CREATE TRIGGER calendar_closures_added AFTER INSERT ON calendar_closures
  BEGIN UPDATE calendar_revisions SET revision = revision + 1; END;
CREATE TRIGGER calendar_closures_changed AFTER UPDATE ON calendar_closures
  BEGIN UPDATE calendar_revisions SET revision = revision + 1; END;
CREATE TRIGGER calendar_closures_removed AFTER DELETE ON calendar_closures
  BEGIN UPDATE calendar_revisions SET revision = revision + 1; END;
CREATE TRIGGER calendar_keeper_moved AFTER UPDATE OF parent_id ON organisations
  BEGIN UPDATE calendar_revisions SET revision = revision + 1; END;
