#include "web/attendance/attendance_calendar.hpp"

#include <map>
#include <nlohmann/json.hpp>

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
  std::map<std::string, std::map<std::string, std::string>> by_day;  // date -> session -> code
  for (const auto& m : marks)
    if (m.session_date >= first) by_day[m.session_date][m.session] = m.code();
  const auto t = sys_days(today);
  const auto this_monday = t - (weekday(t) - Monday);
  nlohmann::json rows = nlohmann::json::array();
  for (int w = weeks - 1; w >= 0; --w) {
    const auto monday = this_monday - days(7 * w);
    nlohmann::json cells = nlohmann::json::array();
    for (int d = 0; d < 5; ++d) {
      const auto day = monday + days(d);
      const auto date = domain::format_date(year_month_day(day));
      nlohmann::json sessions = nlohmann::json::array();
      if (const auto it = by_day.find(date); it != by_day.end())
        for (const auto* s : {"am", "pm"})
          if (const auto code = it->second.find(s); code != it->second.end())
            sessions.push_back(
                {{"session", std::string(domain::session_label(std::string(s) == "am" ? domain::Session::Morning
                                                                                      : domain::Session::Afternoon))},
                 {"code", code->second},
                 {"tag", tag_of(code->second)}});
      cells.push_back({{"date", date},
                       {"date_text", domain::date_text(date)},
                       {"sessions", std::move(sessions)},
                       {"future", day > t}});
    }
    rows.push_back(
        {{"week_of", domain::date_text(domain::format_date(year_month_day(monday)))}, {"days", std::move(cells)}});
  }
  return rows;
}

}  // namespace waypoint::web
