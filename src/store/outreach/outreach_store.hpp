#pragma once
// Outreach cases, their home visits, barrier assessments, plans and the sessions held.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/outreach/outreach.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::store {

struct OutreachCaseRow {
  std::int64_t id = 0;
  std::int64_t pupil_id = 0;
  std::string pupil_name;
  std::int64_t school_id = 0;
  std::string school_name;
  std::optional<std::int64_t> local_authority_id;  // the school's
  std::int64_t arranged_by_id = 0;
  bool arranged_by_la = false;
  std::int64_t worker_id = 0;
  std::string worker_name;
  std::string worker_organisation;
  std::string referred_because;
  std::string opened_on;
  std::optional<std::string> closed_on;
  std::string outcome;
  std::string outcome_note;
  std::optional<std::string> last_visit;
};

std::int64_t insert_outreach_case(Connection& c, const OutreachCaseRow& row, std::int64_t opened_by,
                                  const std::string& now);
std::optional<OutreachCaseRow> find_outreach_case(Connection& c, std::int64_t case_id);
// A pupil's cases, newest first.
std::vector<OutreachCaseRow> outreach_cases_of_pupil(Connection& c, std::int64_t pupil_id);
// A worker's open cases: their caseload.
std::vector<OutreachCaseRow> caseload_of(Connection& c, std::int64_t worker_id);
int open_cases_of(Connection& c, std::int64_t worker_id);
// Whether `worker_id` has an open case of the pupil: what lets them see the pupil's record.
bool works_with_pupil(Connection& c, std::int64_t worker_id, std::int64_t pupil_id);
// The cases of schools in an LA's area open on some day from `from`, newest first.
std::vector<OutreachCaseRow> outreach_cases_in_area(Connection& c, std::int64_t local_authority_id,
                                                    const std::string& from);
void close_outreach_case(Connection& c, std::int64_t case_id, const std::string& closed_on, const std::string& outcome,
                         const std::string& note);

struct HomeVisitRow {
  std::int64_t id = 0;
  domain::HomeVisitInput visit;
  std::string recorded_by_name;
  std::string recorded_at;
};
std::int64_t insert_home_visit(Connection& c, std::int64_t case_id, const domain::HomeVisitInput& v,
                               std::int64_t recorded_by, const std::string& now);
// A case's visits, oldest first.
std::vector<HomeVisitRow> home_visits_of(Connection& c, std::int64_t case_id);

struct BarrierRow {
  std::string barrier;
  std::string notes;
};
void replace_barriers(Connection& c, std::int64_t case_id, const std::vector<BarrierRow>& barriers,
                      std::int64_t assessed_by, const std::string& now);
std::vector<BarrierRow> barriers_of(Connection& c, std::int64_t case_id);

void replace_outreach_plan(Connection& c, std::int64_t case_id, const std::vector<domain::PlanSessionInput>& plan);
std::vector<domain::PlanSessionInput> outreach_plan_of(Connection& c, std::int64_t case_id);

struct OutreachSessionRow {
  std::int64_t case_id = 0;
  std::int64_t pupil_id = 0;
  std::int64_t school_id = 0;
  std::string held_on;
  std::string session;  // am, pm
  std::string focus;
  bool attended = false;
  std::string absence_code;
  std::string school_code;
};
// Records a session, replacing what was recorded for the pupil's same half day.
void save_outreach_session(Connection& c, const OutreachSessionRow& row, std::int64_t recorded_by,
                           const std::string& now);
// A case's sessions, newest first.
std::vector<OutreachSessionRow> outreach_sessions_of(Connection& c, std::int64_t case_id);

}  // namespace waypoint::store
