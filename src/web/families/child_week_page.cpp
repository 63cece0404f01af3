// The family's page for one child, laid out for a phone: the week first, then who to call, what is
// due, attendance this half term, the plan, reviews and notices.
#include <map>
#include <nlohmann/json.hpp>

#include "app/families/child_week.hpp"
#include "domain/families/child_week.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/reviews/review_record.hpp"
#include "web/kernel/application.hpp"

namespace waypoint::web {
namespace {

using domain::Date;
using std::chrono::days;
using std::chrono::sys_days;

std::string place_of(const domain::WeekSlot& s, const app::ChildWeek& w) {
  if (s.slot.setting == "home_school") return "at " + w.school_name;
  if (s.slot.setting == "online") return "online lessons";
  if (s.slot.setting == "home_tuition") return "tuition at home";
  for (const auto& cp : w.placements)
    if (s.placement_id && cp.placement.id == *s.placement_id) {
      std::string where = "at " + cp.placement.provider_name;
      if (cp.sites.size() == 1) where += ", " + cp.sites.front().address + ", " + cp.sites.front().postcode;
      return where;
    }
  return "at the provider";
}

nlohmann::json week_json(const app::ChildWeek& w, Date today) {
  nlohmann::json days_out = nlohmann::json::array();
  for (const auto& d : w.days) {
    nlohmann::json lines = nlohmann::json::array();
    switch (d.kind) {
      case domain::DayKind::NoSchool:
        lines.push_back("No school");
        break;
      case domain::DayKind::UsualSchoolDay:
        lines.push_back("At " + w.school_name + " as usual");
        break;
      case domain::DayKind::NothingToday:
        lines.push_back("No lessons: the part-time timetable has none this day");
        break;
      case domain::DayKind::Timetabled:
        for (const auto& s : d.slots)
          lines.push_back(domain::format_clock(s.slot.start_minute) + " to " + domain::format_clock(s.slot.end_minute) +
                          " " + place_of(s, w));
        break;
    }
    const auto iso = domain::format_date(d.date);
    days_out.push_back({{"date", iso},
                        {"day_text", domain::weekday_date_text(iso)},
                        {"today", sys_days(d.date) == sys_days(today)},
                        {"lines", std::move(lines)}});
  }
  return days_out;
}

// Newest week first, each school day with its sessions in words.
nlohmann::json attendance_json(const app::ChildWeek& w) {
  std::map<std::string, std::vector<const store::MarkRow*>> by_date;
  for (const auto& m : w.marks) by_date[m.session_date].push_back(&m);
  std::map<std::string, nlohmann::json, std::greater<>> weeks;  // Monday -> days
  for (const auto& [date, marks] : by_date) {
    const auto d = domain::parse_date(date);
    if (!d) continue;
    const sys_days day{*d};
    const auto monday = domain::format_date(Date{day - (std::chrono::weekday(day) - std::chrono::Monday)});
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto* m : marks) {
      const auto words = domain::session_in_words(m->code(), m->minutes_late);
      sessions.push_back({{"session", m->session == "am" ? "Morning" : "Afternoon"},
                          {"text", words.text},
                          {"tag", words.attended       ? "govuk-tag--green"
                                  : words.unauthorised ? "govuk-tag--red"
                                                       : "govuk-tag--grey"}});
    }
    std::sort(sessions.begin(), sessions.end(),
              [](const auto& x, const auto& y) { return x["session"] == "Morning" && y["session"] != "Morning"; });
    weeks[monday].push_back({{"day_text", domain::weekday_date_text(date)}, {"sessions", std::move(sessions)}});
  }
  nlohmann::json out = nlohmann::json::array();
  for (auto& [monday, list] : weeks) out.push_back({{"week_of", domain::date_text(monday)}, {"days", std::move(list)}});
  return out;
}

nlohmann::json placements_json(const app::ChildWeek& w) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& cp : w.placements) {
    const auto& p = cp.placement;
    nlohmann::json objectives = nlohmann::json::array();
    for (const auto& o : cp.objectives)
      objectives.push_back({{"description", o.description},
                            {"target", o.target + (o.unit.empty() ? "" : " " + o.unit)},
                            {"measure", o.measure},
                            {"target_date_text", domain::date_text(o.target_date)}});
    nlohmann::json reviews = nlohmann::json::array();
    for (const auto& r : cp.reviews)
      reviews.push_back({{"id", r.id},
                         {"held_on_text", domain::date_text(r.held_on)},
                         {"decision", std::string(domain::label_of(domain::review_decisions(), r.decision))}});
    nlohmann::json contact = nlohmann::json::object();
    if (cp.provider)
      contact = {{"name", cp.provider->contact_name},
                 {"phone", cp.provider->contact_phone},
                 {"phone_link", "tel:" + cp.provider->contact_phone},
                 {"email", cp.provider->contact_email}};
    nlohmann::json sites = nlohmann::json::array();
    for (const auto& s : cp.sites) sites.push_back(s.address + ", " + s.postcode);
    out.push_back({{"id", p.id},
                   {"provider_name", p.provider_name},
                   {"contact", contact},
                   {"sites", std::move(sites)},
                   {"start_date_text", domain::date_text(p.terms.start_date)},
                   {"planned_end_date_text", domain::date_text(p.terms.planned_end_date)},
                   {"objectives", std::move(objectives)},
                   {"has_objectives", !cp.objectives.empty()},
                   {"reviews", std::move(reviews)},
                   {"has_reviews", !cp.reviews.empty()},
                   {"notice_sent", cp.notice_sent},
                   {"notice_sent_text", domain::date_text(p.notice_sent_on.value_or(""))},
                   {"notice_read", cp.notice_read},
                   {"consent_asked", cp.consent_asked},
                   {"reports_shared", cp.reports_shared},
                   {"answers_as_parent", w.answers_as_parent}});
  }
  return out;
}

Response child_week_page(RequestContext& ctx, std::int64_t pupil_id) {
  const auto today = ctx.services.today();
  const auto w = app::child_week(ctx.services, ctx.actor(), pupil_id);
  const auto friday = Date{sys_days(w.monday) + days(4)};
  nlohmann::json due = nlohmann::json::array();
  for (const auto& d : w.due) {
    const auto iso = domain::format_date(d.on);
    due.push_back({{"date", iso}, {"date_text", domain::weekday_date_text(iso)}, {"what", d.what}});
  }
  const auto& att = w.attendance;
  nlohmann::json data{
      {"title", w.reader_is_the_pupil ? std::string("Your week") : w.pupil.given_name + "'s week"},
      {"pupil_id", w.pupil.id},
      {"given_name", w.pupil.given_name},
      {"pupil_name", w.pupil.given_name + " " + w.pupil.family_name},
      {"school_name", w.school_name},
      {"week_heading", sys_days(w.monday) > sys_days(today) ? "Next week" : "This week"},
      {"week_text", domain::date_text(w.monday) + " to " + domain::date_text(friday)},
      {"days", week_json(w, today)},
      {"placements", placements_json(w)},
      {"has_placements", !w.placements.empty()},
      {"due", std::move(due)},
      {"has_due", !w.due.empty()},
      {"attendance_from_text", domain::date_text(w.attendance_from)},
      {"attended", att.attended},
      {"possible", att.possible},
      {"rate_text", att.possible ? domain::percent_text(att.attended, att.possible) + "%" : ""},
      {"weeks", attendance_json(w)},
      {"has_marks", !w.marks.empty()},
      {"answers_as_parent", w.answers_as_parent},
      {"may_ask_about_data", w.may_ask_about_data},
  };
  return ctx.page(w.reader_is_the_pupil ? "families/my_week" : "families/child_week", std::move(data));
}

}  // namespace

void add_child_week_routes(Router& r) {
  r.add("GET", "/pupils/{id}/week",
        [](Request& req, RequestContext& ctx) { return child_week_page(ctx, id_param(req, "id")); });
}

}  // namespace waypoint::web
