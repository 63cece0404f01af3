-- An LA's outcomes read every placement of its schools that ran in the period, their sessions by
-- code, first baselines and checks after the return: at national size 4 ms of PostgreSQL and 3 ms of
-- the server a request, and the same figures again until something they rest on changes. What they
-- rest on, besides the marks (whose weeks' revisions, 0060, move with every change to an area's
-- totals), moves a number here, so a server can keep an area's figures while the numbers stand,
-- however the change was made (a page, an import, a COPY, retention, another server). Placements,
-- plans and checks change a few times a day an area, never on a register's send: the row each
-- change takes is not one registers wait on. Row 0 is every area: an organisation renamed, or a
-- school moved to another LA.
CREATE TABLE outcome_revisions (
  la_id BIGINT PRIMARY KEY,
  revision BIGINT NOT NULL
);
INSERT INTO outcome_revisions (la_id, revision) VALUES (0, 0);

-- Moves the revisions of the areas of these schools, each once and in order (two writers take the
-- rows they share in the same order).
CREATE FUNCTION outcome_areas_revised(schools BIGINT[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO outcome_revisions (la_id, revision)
    SELECT DISTINCT parent_id, 1 FROM organisations WHERE id = ANY(schools) AND parent_id IS NOT NULL ORDER BY 1
    ON CONFLICT (la_id) DO UPDATE SET revision = outcome_revisions.revision + 1;
$$;

-- The areas of the placements in `changed_rows`.
CREATE FUNCTION outcome_placements_revised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM outcome_areas_revised(ARRAY(SELECT DISTINCT school_id FROM changed_rows));
  RETURN NULL;
END
$$;
CREATE TRIGGER outcome_placements_added AFTER INSERT ON placements
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_placements_revised();
CREATE TRIGGER outcome_placements_changed AFTER UPDATE ON placements
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_placements_revised();
CREATE TRIGGER outcome_placements_removed AFTER DELETE ON placements
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_placements_revised();

-- The same for rows that name their placement: plan versions and the checks after a return.
CREATE FUNCTION outcome_placement_rows_revised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM outcome_areas_revised(ARRAY(
    SELECT DISTINCT school_id FROM placements WHERE id IN (SELECT placement_id FROM changed_rows)));
  RETURN NULL;
END
$$;
CREATE TRIGGER outcome_plans_added AFTER INSERT ON plan_versions
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_placement_rows_revised();
CREATE TRIGGER outcome_plans_changed AFTER UPDATE ON plan_versions
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_placement_rows_revised();
CREATE TRIGGER outcome_plans_removed AFTER DELETE ON plan_versions
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_placement_rows_revised();
CREATE TRIGGER outcome_checks_added AFTER INSERT ON return_follow_ups
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_placement_rows_revised();
CREATE TRIGGER outcome_checks_changed AFTER UPDATE ON return_follow_ups
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_placement_rows_revised();
CREATE TRIGGER outcome_checks_removed AFTER DELETE ON return_follow_ups
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_placement_rows_revised();

-- And for a plan's objectives, whose baselines the figures compare against, through their version.
CREATE FUNCTION outcome_objectives_revised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM outcome_areas_revised(ARRAY(
    SELECT DISTINCT pl.school_id FROM plan_versions v JOIN placements pl ON pl.id = v.placement_id
    WHERE v.id IN (SELECT plan_version_id FROM changed_rows)));
  RETURN NULL;
END
$$;
CREATE TRIGGER outcome_objectives_added AFTER INSERT ON plan_objectives
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_objectives_revised();
CREATE TRIGGER outcome_objectives_changed AFTER UPDATE ON plan_objectives
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_objectives_revised();
CREATE TRIGGER outcome_objectives_removed AFTER DELETE ON plan_objectives
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_objectives_revised();

-- A school's or provider's name is on every area's figures that count it, and a school that moves
-- LA takes its placements with it: every area's figures are read again.
CREATE FUNCTION outcome_organisations_revised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE outcome_revisions SET revision = revision + 1 WHERE la_id = 0;
  RETURN NULL;
END
$$;
CREATE TRIGGER outcome_organisations_changed AFTER UPDATE OF name, parent_id ON organisations
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.parent_id IS DISTINCT FROM NEW.parent_id)
  EXECUTE FUNCTION outcome_organisations_revised();
