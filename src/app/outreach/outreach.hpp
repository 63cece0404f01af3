#pragma once
// Outreach to children referred to AP who do not attend, or who are missing education: the school or
// the LA puts a pupil on a worker's caseload; the worker visits at home, assesses the barriers, plans
// sessions and records them (they count in the school's register); a child not seen twice in a row,
// or a worry at a visit, alerts the DSL and the LA's children-missing-education officer at once.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/outreach/outreach.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/outreach/outreach_store.hpp"

namespace waypoint::app {

struct PupilOutreach {
  domain::Pupil pupil;
  std::vector<store::OutreachCaseRow> cases;  // newest first
  bool can_open = false;
};
PupilOutreach outreach_of_pupil(const Services& s, const Actor& a, std::int64_t pupil_id);

struct OpenCaseForm {
  std::string worker_email;  // an LA officer of the pupil's area, or a provider's staff
  std::string referred_because;
};
// Opened today, arranged by the actor's school or, for an LA officer, by their LA.
std::int64_t open_outreach_case(const Services& s, const Actor& a, std::int64_t pupil_id, const OpenCaseForm& f);

struct OutreachCaseView {
  store::OutreachCaseRow row;
  domain::Pupil pupil;
  std::vector<store::HomeVisitRow> visits;  // oldest first
  std::vector<store::BarrierRow> barriers;
  std::vector<domain::PlanSessionInput> plan;  // weekday as its ISO number
  std::vector<store::OutreachSessionRow> sessions;
  std::optional<domain::Date> next_visit_due;  // while open
  bool overdue = false;
  bool can_work = false;
  bool can_close = false;
};
OutreachCaseView view_outreach_case(const Services& s, const Actor& a, std::int64_t case_id);

struct VisitRecorded {
  std::int64_t id = 0;
  domain::OutreachAlert alert = domain::OutreachAlert::None;
};
VisitRecorded record_home_visit(const Services& s, const Actor& a, std::int64_t case_id,
                                const domain::HomeVisitInput& in);

// The barriers found, each with its notes (a barrier with no notes is refused by name).
void assess_barriers(const Services& s, const Actor& a, std::int64_t case_id,
                     const std::vector<store::BarrierRow>& barriers);
void plan_outreach_sessions(const Services& s, const Actor& a, std::int64_t case_id,
                            std::vector<domain::PlanSessionInput> plan);

struct OutreachSessionForm {
  std::string held_on, session, focus, attended, absence_code;
};
// A session on a school day of the pupil's school, from the case's opening to today; it counts in the
// school's register as K (the LA's) or B (the school's), or with the absence code given.
void record_outreach_session(const Services& s, const Actor& a, std::int64_t case_id, const OutreachSessionForm& f);

void close_outreach_case(const Services& s, const Actor& a, std::int64_t case_id, const std::string& outcome,
                         const std::string& note);

struct CaseloadEntry {
  store::OutreachCaseRow row;
  std::optional<domain::Date> next_visit_due;
  bool overdue = false;
};
struct Caseload {
  std::vector<CaseloadEntry> cases;
  int limit = domain::kDefaultCaseloadLimit;
};
// The actor's own open cases, with when each next visit is due.
Caseload my_caseload(const Services& s, const Actor& a);

struct WorkerLoad {
  std::int64_t worker_id = 0;
  std::string worker_name, organisation;
  int open = 0;
};
struct AreaOutreach {
  std::vector<WorkerLoad> workers;
  std::vector<CaseloadEntry> open_cases;  // overdue first, then by when the next visit is due
  int limit = domain::kDefaultCaseloadLimit;
  int closed = 0, to_placement = 0, back_to_school = 0;  // this academic year
  std::string from;                                      // its first day
};
AreaOutreach area_outreach(const Services& s, const Actor& a);

}  // namespace waypoint::app
