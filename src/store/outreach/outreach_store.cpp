#include "store/outreach/outreach_store.hpp"

namespace waypoint::store {
namespace {

const std::string kCaseSelect =
    "SELECT oc.id, oc.pupil_id, pu.given_name || ' ' || pu.family_name, oc.school_id, sc.name, sc.parent_id, "
    "oc.arranged_by_id, oc.arranged_by_la, oc.worker_id, u.display_name, wo.name, oc.referred_because, oc.opened_on, "
    "oc.closed_on, COALESCE(oc.outcome, ''), COALESCE(oc.outcome_note, ''), "
    "(SELECT MAX(v.visited_on) FROM outreach_visits v WHERE v.case_id = oc.id) "
    "FROM outreach_cases oc JOIN pupils pu ON pu.id = oc.pupil_id JOIN organisations sc ON sc.id = oc.school_id "
    "JOIN users u ON u.id = oc.worker_id JOIN organisations wo ON wo.id = u.organisation_id ";

OutreachCaseRow case_from_row(const Row& r) {
  OutreachCaseRow c;
  c.id = r.integer(0);
  c.pupil_id = r.integer(1);
  c.pupil_name = r.text(2);
  c.school_id = r.integer(3);
  c.school_name = r.text(4);
  c.local_authority_id = r.opt_integer(5);
  c.arranged_by_id = r.integer(6);
  c.arranged_by_la = r.boolean(7);
  c.worker_id = r.integer(8);
  c.worker_name = r.text(9);
  c.worker_organisation = r.text(10);
  c.referred_because = r.text(11);
  c.opened_on = r.text(12);
  c.closed_on = r.opt_text(13);
  c.outcome = r.text(14);
  c.outcome_note = r.text(15);
  c.last_visit = r.opt_text(16);
  return c;
}

}  // namespace

std::int64_t insert_outreach_case(Connection& c, const OutreachCaseRow& row, std::int64_t opened_by,
                                  const std::string& now) {
  return c.insert(
      "INSERT INTO outreach_cases (pupil_id, school_id, arranged_by_id, arranged_by_la, worker_id, referred_because, "
      "opened_on, opened_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {integer(row.pupil_id), integer(row.school_id), integer(row.arranged_by_id), integer(row.arranged_by_la ? 1 : 0),
       integer(row.worker_id), row.referred_because, row.opened_on, integer(opened_by), now});
}

std::optional<OutreachCaseRow> find_outreach_case(Connection& c, std::int64_t case_id) {
  const auto r = c.query_one(kCaseSelect + "WHERE oc.id = $1", {integer(case_id)});
  if (!r) return std::nullopt;
  return case_from_row(*r);
}

std::vector<OutreachCaseRow> outreach_cases_of_pupil(Connection& c, std::int64_t pupil_id) {
  return map_rows(
      c.query(kCaseSelect + "WHERE oc.pupil_id = $1 ORDER BY oc.opened_on DESC, oc.id DESC", {integer(pupil_id)}),
      case_from_row);
}

std::vector<OutreachCaseRow> caseload_of(Connection& c, std::int64_t worker_id) {
  return map_rows(c.query(kCaseSelect + "WHERE oc.worker_id = $1 AND oc.closed_on IS NULL ORDER BY oc.opened_on, oc.id",
                          {integer(worker_id)}),
                  case_from_row);
}

int open_cases_of(Connection& c, std::int64_t worker_id) {
  return static_cast<int>(c.query_one("SELECT COUNT(*) FROM outreach_cases WHERE worker_id = $1 AND closed_on IS NULL",
                                      {integer(worker_id)})
                              ->integer(0));
}

bool works_with_pupil(Connection& c, std::int64_t worker_id, std::int64_t pupil_id) {
  return c
      .query_one("SELECT 1 FROM outreach_cases WHERE worker_id = $1 AND pupil_id = $2 AND closed_on IS NULL",
                 {integer(worker_id), integer(pupil_id)})
      .has_value();
}

std::vector<OutreachCaseRow> outreach_cases_in_area(Connection& c, std::int64_t local_authority_id,
                                                    const std::string& from) {
  return map_rows(c.query(kCaseSelect + "WHERE sc.parent_id = $1 AND (oc.closed_on IS NULL OR oc.closed_on >= $2) "
                                        "ORDER BY oc.opened_on DESC, oc.id DESC",
                          {integer(local_authority_id), from}),
                  case_from_row);
}

void close_outreach_case(Connection& c, std::int64_t case_id, const std::string& closed_on, const std::string& outcome,
                         const std::string& note) {
  c.exec("UPDATE outreach_cases SET closed_on = $2, outcome = $3, outcome_note = $4 WHERE id = $1",
         {integer(case_id), closed_on, outcome, note});
}

std::int64_t insert_home_visit(Connection& c, std::int64_t case_id, const domain::HomeVisitInput& v,
                               std::int64_t recorded_by, const std::string& now) {
  return c.insert(
      "INSERT INTO outreach_visits (case_id, visited_on, who_seen, child_seen, barriers_found, safety_observed, worry, "
      "next_step, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      {integer(case_id), v.visited_on, v.who_seen, integer(v.child_seen == "yes" ? 1 : 0), v.barriers_found,
       v.safety_observed, integer(v.worry == "yes" ? 1 : 0), v.next_step, integer(recorded_by), now});
}

std::vector<HomeVisitRow> home_visits_of(Connection& c, std::int64_t case_id) {
  return map_rows(
      c.query("SELECT v.id, v.visited_on, v.who_seen, v.child_seen, v.barriers_found, v.safety_observed, v.worry, "
              "v.next_step, u.display_name, v.recorded_at FROM outreach_visits v JOIN users u ON u.id = v.recorded_by "
              "WHERE v.case_id = $1 ORDER BY v.visited_on, v.id",
              {integer(case_id)}),
      [](const Row& r) {
        HomeVisitRow v;
        v.id = r.integer(0);
        v.visit = {r.text(1), r.text(2), r.boolean(3) ? "yes" : "no", r.text(4), r.text(5), r.boolean(6) ? "yes" : "no",
                   r.text(7)};
        v.recorded_by_name = r.text(8);
        v.recorded_at = r.text(9);
        return v;
      });
}

void replace_barriers(Connection& c, std::int64_t case_id, const std::vector<BarrierRow>& barriers,
                      std::int64_t assessed_by, const std::string& now) {
  c.exec("DELETE FROM outreach_barriers WHERE case_id = $1", {integer(case_id)});
  for (const auto& b : barriers)
    c.exec(
        "INSERT INTO outreach_barriers (case_id, barrier, notes, assessed_by, assessed_at) VALUES ($1, $2, $3, $4, $5)",
        {integer(case_id), b.barrier, b.notes, integer(assessed_by), now});
}

std::vector<BarrierRow> barriers_of(Connection& c, std::int64_t case_id) {
  return map_rows(
      c.query("SELECT barrier, notes FROM outreach_barriers WHERE case_id = $1 ORDER BY barrier", {integer(case_id)}),
      [](const Row& r) {
        return BarrierRow{r.text(0), r.text(1)};
      });
}

void replace_outreach_plan(Connection& c, std::int64_t case_id, const std::vector<domain::PlanSessionInput>& plan) {
  c.exec("DELETE FROM outreach_plan_sessions WHERE case_id = $1", {integer(case_id)});
  for (const auto& s : plan)
    c.exec(
        "INSERT INTO outreach_plan_sessions (case_id, focus, subject, weekday, session, notes) VALUES ($1, $2, $3, $4, "
        "$5, $6)",
        {integer(case_id), s.focus, s.subject, integer(std::stoll(s.weekday)), s.session, s.notes});
}

std::vector<domain::PlanSessionInput> outreach_plan_of(Connection& c, std::int64_t case_id) {
  return map_rows(
      c.query("SELECT focus, subject, weekday, session, notes FROM outreach_plan_sessions WHERE case_id = "
              "$1 ORDER BY weekday, session, id",
              {integer(case_id)}),
      [](const Row& r) {
        return domain::PlanSessionInput{r.text(0), r.text(1), std::to_string(r.integer(2)), r.text(3), r.text(4)};
      });
}

void save_outreach_session(Connection& c, const OutreachSessionRow& row, std::int64_t recorded_by,
                           const std::string& now) {
  c.exec("DELETE FROM outreach_sessions WHERE pupil_id = $1 AND held_on = $2 AND session = $3",
         {integer(row.pupil_id), row.held_on, row.session});
  c.exec(
      "INSERT INTO outreach_sessions (case_id, pupil_id, school_id, held_on, session, focus, attended, absence_code, "
      "school_code, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      {integer(row.case_id), integer(row.pupil_id), integer(row.school_id), row.held_on, row.session, row.focus,
       integer(row.attended ? 1 : 0), row.absence_code, row.school_code, integer(recorded_by), now});
}

std::vector<OutreachSessionRow> outreach_sessions_of(Connection& c, std::int64_t case_id) {
  return map_rows(c.query("SELECT case_id, pupil_id, school_id, held_on, session, focus, attended, absence_code, "
                          "school_code FROM outreach_sessions WHERE case_id = $1 ORDER BY held_on DESC, session DESC",
                          {integer(case_id)}),
                  [](const Row& r) {
                    return OutreachSessionRow{r.integer(0), r.integer(1), r.integer(2), r.text(3), r.text(4),
                                              r.text(5),    r.boolean(6), r.text(7),    r.text(8)};
                  });
}

}  // namespace waypoint::store
