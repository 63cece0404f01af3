#include "web/attendance/attendance_calendar.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

#include "domain/attendance/attendance.hpp"
#include "domain/kernel/calendar_date.hpp"

namespace waypoint::web {
namespace {

// Attended green, authorised absence grey, unauthorised red; nothing recorded is left blank.
std::string_view tag_of(const std::string& code) {
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
  const auto t = sys_days(today);
  const auto first = t - (weekday(t) - Monday) - days(7 * (weeks - 1));
  // Each day's morning and afternoon by its place from the first Monday: a date parsed once a mark,
  // where a map by date compared the texts of dates and formatted each day shown to find it.
  std::vector<std::array<const store::MarkRow*, 2>> by_day(static_cast<std::size_t>(7 * weeks));
  for (const auto& m : marks) {
    const auto date = domain::parse_date(m.session_date);
    if (!date) continue;
    const auto place = (sys_days(*date) - first).count();
    if (place < 0 || place >= 7 * weeks) continue;
    by_day[static_cast<std::size_t>(place)][m.session == "am" ? 0 : 1] = &m;
  }
  // Built key by key: six weeks are thirty days and up to sixty sessions, each an object.
  nlohmann::json rows = nlohmann::json::array();
  for (int w = 0; w < weeks; ++w) {
    const auto monday = first + days(7 * w);
    auto& row = rows.emplace_back(nlohmann::json::object());
    row["week_of"] = domain::date_text(year_month_day(monday));
    auto& cells = row["days"] = nlohmann::json::array();
    for (int d = 0; d < 5; ++d) {
      auto& cell = cells.emplace_back(nlohmann::json::object());
      auto& sessions = cell["sessions"] = nlohmann::json::array();
      const auto& day = by_day[static_cast<std::size_t>(7 * w + d)];
      if (!day[0] && !day[1]) continue;
      cell["date_text"] = domain::date_text(year_month_day(monday + days(d)));  // read out before each code
      for (const auto session : {domain::Session::Morning, domain::Session::Afternoon}) {
        const auto* mark = day[session == domain::Session::Morning ? 0 : 1];
        if (!mark) continue;
        auto& shown = sessions.emplace_back(nlohmann::json::object());
        shown["session"] = domain::session_label(session);
        const auto& code = mark->code();
        shown["tag"] = tag_of(code);
        shown["code"] = code;
      }
    }
  }
  return rows;
}

}  // namespace waypoint::web
