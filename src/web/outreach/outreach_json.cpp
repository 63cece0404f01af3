#include "web/outreach/outreach_json.hpp"

#include "domain/attendance/attendance.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/placements/timetable.hpp"

namespace waypoint::web {

nlohmann::json outreach_case_json(const store::OutreachCaseRow& r) {
  return {{"id", r.id},
          {"pupil_id", r.pupil_id},
          {"pupil_name", r.pupil_name},
          {"school_name", r.school_name},
          {"worker_name", r.worker_name},
          {"worker_organisation", r.worker_organisation},
          {"arranged_by", r.arranged_by_la ? "local_authority" : "school"},
          {"referred_because", r.referred_because},
          {"referred_because_label",
           std::string(domain::label_of(domain::outreach_referral_reasons(), r.referred_because))},
          {"opened_on", r.opened_on},
          {"opened_on_text", domain::date_text(r.opened_on)},
          {"closed_on", r.closed_on ? nlohmann::json(*r.closed_on) : nlohmann::json()},
          {"closed_on_text", domain::date_text(r.closed_on.value_or(""))},
          {"open", !r.closed_on},
          {"outcome", r.outcome},
          {"outcome_label", std::string(domain::label_of(domain::outreach_outcomes(), r.outcome))},
          {"outcome_note", r.outcome_note},
          {"last_visit", r.last_visit ? nlohmann::json(*r.last_visit) : nlohmann::json()},
          {"last_visit_text", domain::date_text(r.last_visit.value_or(""))}};
}

nlohmann::json caseload_entry_json(const app::CaseloadEntry& e) {
  auto j = outreach_case_json(e.row);
  const auto due = e.next_visit_due ? domain::format_date(*e.next_visit_due) : "";
  j["next_visit_due"] = due.empty() ? nlohmann::json() : nlohmann::json(due);
  j["next_visit_due_text"] = domain::date_text(due);
  j["overdue"] = e.overdue;
  return j;
}

nlohmann::json home_visit_json(const store::HomeVisitRow& r) {
  const auto& v = r.visit;
  return {{"id", r.id},
          {"visited_on", v.visited_on},
          {"visited_on_text", domain::date_text(v.visited_on)},
          {"who_seen", v.who_seen},
          {"child_seen", v.child_seen == "yes"},
          {"barriers_found", v.barriers_found},
          {"safety_observed", v.safety_observed},
          {"worry", v.worry == "yes"},
          {"next_step", v.next_step},
          {"recorded_by", r.recorded_by_name},
          {"recorded_at", r.recorded_at}};
}

nlohmann::json outreach_case_view_json(const app::OutreachCaseView& v) {
  auto j = caseload_entry_json({v.row, v.next_visit_due, v.overdue});
  nlohmann::json visits = nlohmann::json::array();
  for (auto it = v.visits.rbegin(); it != v.visits.rend(); ++it)
    visits.push_back(home_visit_json(*it));  // newest first
  nlohmann::json barriers = nlohmann::json::array();
  for (const auto& b : v.barriers)
    barriers.push_back({{"barrier", b.barrier},
                        {"label", std::string(domain::label_of(domain::outreach_barriers(), b.barrier))},
                        {"notes", b.notes}});
  nlohmann::json plan = nlohmann::json::array();
  for (const auto& p : v.plan) {
    const auto weekday = std::chrono::weekday(static_cast<unsigned>(std::stoi(p.weekday)));
    const auto session = domain::parse_session(p.session).value_or(domain::Session::Morning);
    plan.push_back(
        {{"focus", p.focus},
         {"focus_label",
          p.focus == "subject" ? p.subject : std::string(domain::label_of(domain::outreach_focuses(), p.focus))},
         {"subject", p.subject},
         {"weekday", domain::weekday_name(weekday)},
         {"session", p.session},
         {"session_label", std::string(domain::session_label(session))},
         {"notes", p.notes}});
  }
  nlohmann::json sessions = nlohmann::json::array();
  for (const auto& s : v.sessions)
    sessions.push_back({{"held_on", s.held_on},
                        {"held_on_text", domain::date_text(s.held_on)},
                        {"session", s.session},
                        {"session_label", std::string(domain::session_label(
                                              domain::parse_session(s.session).value_or(domain::Session::Morning)))},
                        {"focus", s.focus},
                        {"focus_label", std::string(domain::label_of(domain::outreach_focuses(), s.focus))},
                        {"attended", s.attended},
                        {"absence_code", s.absence_code},
                        {"code", s.school_code}});
  j["pupil_id"] = v.pupil.id;
  j["visits"] = std::move(visits);
  j["barriers"] = std::move(barriers);
  j["plan"] = std::move(plan);
  j["sessions"] = std::move(sessions);
  j["can_work"] = v.can_work;
  j["can_close"] = v.can_close;
  return j;
}

nlohmann::json area_outreach_json(const app::AreaOutreach& v) {
  nlohmann::json workers = nlohmann::json::array();
  for (const auto& w : v.workers)
    workers.push_back({{"worker_id", w.worker_id},
                       {"worker_name", w.worker_name},
                       {"organisation", w.organisation},
                       {"open", w.open},
                       {"full", w.open >= v.limit}});
  nlohmann::json open = nlohmann::json::array();
  int overdue = 0;
  for (const auto& e : v.open_cases) {
    open.push_back(caseload_entry_json(e));
    overdue += e.overdue;
  }
  return {{"from", v.from},
          {"caseload_limit", v.limit},
          {"workers", std::move(workers)},
          {"open_cases", std::move(open)},
          {"overdue", overdue},
          {"closed", v.closed},
          {"to_placement", v.to_placement},
          {"back_to_school", v.back_to_school}};
}

}  // namespace waypoint::web
