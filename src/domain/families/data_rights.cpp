#include "domain/families/data_rights.hpp"

namespace waypoint::domain {

using std::chrono::days;
using std::chrono::sys_days;

const std::vector<CodeLabel>& data_request_kinds() {
  static const std::vector<CodeLabel> list{{"access", "A copy of the record"},
                                           {"complaint", "A data protection complaint"}};
  return list;
}

const std::vector<CodeLabel>& complaint_outcomes() {
  static const std::vector<CodeLabel> list{
      {"upheld", "Upheld"}, {"partly_upheld", "Partly upheld"}, {"not_upheld", "Not upheld"}};
  return list;
}

Date months_after(Date from, int months) {
  const auto ym = std::chrono::year_month(from.year(), from.month()) + std::chrono::months(months);
  const auto last = std::chrono::year_month_day_last(ym.year(), std::chrono::month_day_last(ym.month())).day();
  return Date{ym.year(), ym.month(), from.day() > last ? last : from.day()};
}

std::optional<Date> data_request_due(std::string_view kind, Date received, bool extended, bool acknowledged) {
  if (kind == "access") return months_after(received, extended ? 3 : 1);
  if (kind == "complaint" && !acknowledged) return Date{sys_days(received) + days(30)};
  return std::nullopt;
}

std::string clock_text(Date due, Date today) {
  const auto left = (sys_days(due) - sys_days(today)).count();
  if (left == 0) return "Due today";
  if (left > 0) return std::to_string(left) + (left == 1 ? " day left" : " days left");
  return std::to_string(-left) + (left == -1 ? " day overdue" : " days overdue");
}

FieldErrors data_request_problems(std::string_view kind, std::string_view details) {
  FieldErrors e;
  if (!in_list(data_request_kinds(), kind))
    e.push_back({"kind", "Select whether you want a copy of the record or to make a complaint"});
  else if (kind == "complaint" && details.empty())
    e.push_back({"details", "Say what your complaint is about"});
  return e;
}

FieldErrors extension_problems(std::string_view kind, bool already_extended, std::string_view reason) {
  FieldErrors e;
  if (kind != "access")
    e.push_back({"reason", "Only a request for a copy of the record can be extended"});
  else if (already_extended)
    e.push_back({"reason", "This request has already been extended by two months"});
  else if (reason.empty())
    e.push_back({"reason", "Say why the request is complex enough to need two more months"});
  return e;
}

FieldErrors closing_problems(std::string_view kind, std::string_view outcome, std::string_view summary) {
  FieldErrors e;
  if (kind == "complaint" && !in_list(complaint_outcomes(), outcome))
    e.push_back({"outcome", "Select the outcome of the complaint"});
  if (summary.empty())
    e.push_back({"summary", kind == "complaint" ? "Say what was found and what the school will do"
                                                : "Say what was released, and anything withheld and why"});
  return e;
}

}  // namespace waypoint::domain
