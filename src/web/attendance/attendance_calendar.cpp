#include "web/attendance/attendance_calendar.hpp"

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>

#include "domain/attendance/attendance.hpp"
#include "domain/kernel/calendar_date.hpp"

namespace waypoint::web {
namespace {

// Attended green, authorised absence grey, unauthorised red; nothing recorded is left blank.
std::string tag_of(const std::string& code) {
  const auto c = domain::find_attendance_code(code);
  if (!c) return "govuk-tag--grey";
  switch (c->counts_as) {
    case domain::SessionMeaning::Present:
    case domain::SessionMeaning::AttendedElsewhere:
      return "govuk-tag--green";
    case domain::SessionMeaning::UnauthorisedAbsence:
      return "govuk-tag--red";
    default:
      return "govuk-tag--grey";
  }
}

}  // namespace

std::string calendar_first_day(std::chrono::year_month_day today, int weeks) {
  using namespace std::chrono;
  const auto t = sys_days(today);
  return domain::format_date(year_month_day(t - (weekday(t) - Monday) - days(7 * (weeks - 1))));
}

nlohmann::json attendance_calendar(const std::vector<store::MarkRow>& marks, std::chrono::year_month_day today,
                                   int weeks) {
  using namespace std::chrono;
  const auto first = calendar_first_day(today, weeks);
  std::map<std::string_view, std::array<const store::MarkRow*, 2>> by_day;  // date -> morning, afternoon
  for (const auto& m : marks)
    if (m.session_date >= first) by_day[m.session_date][m.session == "am" ? 0 : 1] = &m;
  const auto t = sys_days(today);
  const auto this_monday = t - (weekday(t) - Monday);
  // Built key by key: six weeks are thirty days and up to sixty sessions, each an object.
  nlohmann::json rows = nlohmann::json::array();
  for (int w = weeks - 1; w >= 0; --w) {
    const auto monday = this_monday - days(7 * w);
    auto& row = rows.emplace_back(nlohmann::json::object());
    row["week_of"] = domain::date_text(year_month_day(monday));
    auto& cells = row["days"] = nlohmann::json::array();
    for (int d = 0; d < 5; ++d) {
      auto& cell = cells.emplace_back(nlohmann::json::object());
      auto& sessions = cell["sessions"] = nlohmann::json::array();
      const auto date = domain::format_date(year_month_day(monday + days(d)));
      const auto it = by_day.find(date);
      if (it == by_day.end()) continue;
      cell["date_text"] = domain::date_text(date);  // read out before each code
      for (const auto session : {domain::Session::Morning, domain::Session::Afternoon}) {
        const auto* mark = it->second[session == domain::Session::Morning ? 0 : 1];
        if (!mark) continue;
        auto& shown = sessions.emplace_back(nlohmann::json::object());
        shown["session"] = std::string(domain::session_label(session));
        auto code = mark->code();
        shown["tag"] = tag_of(code);
        shown["code"] = std::move(code);
      }
    }
  }
  return rows;
}

}  // namespace waypoint::web
