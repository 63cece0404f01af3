#include "domain/progress/progress.hpp"

#include <cstdlib>
#include <map>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::domain {

const std::vector<CodeLabel>& engagement_levels() {
  static const std::vector<CodeLabel> list{
      {"1", "1: Did not engage, even with support"},
      {"2", "2: Engaged briefly, with a lot of support"},
      {"3", "3: Engaged for some of the time, with some support"},
      {"4", "4: Engaged for most of the time, with little support"},
      {"5", "5: Fully engaged and working independently"},
  };
  return list;
}

const std::vector<CodeLabel>& log_periods() {
  static const std::vector<CodeLabel> list{{"am", "Morning"}, {"pm", "Afternoon"}, {"day", "The whole day"}};
  return list;
}

const std::vector<CodeLabel>& incident_severities() {
  static const std::vector<CodeLabel> list{
      {"low", "Low: dealt with at the time"},
      {"medium", "Medium: the school is told today"},
      {"high", "High: harm, or risk of harm; the DSL is told at once"},
  };
  return list;
}

std::optional<double> parse_measure(std::string_view text) {
  // An optional minus, digits, and at most one decimal point with digits after it: nothing strtod
  // would also take (exponents, hex, inf, nan).
  const auto t = trimmed(std::string(text));
  const auto digits = t.substr(t.starts_with('-') ? 1 : 0);
  const auto point = digits.find('.');
  const auto all_digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  const bool ok =
      t.size() <= 20 && (point == std::string::npos ? all_digits(digits)
                                                    : all_digits(std::string_view(digits).substr(0, point)) &&
                                                          all_digits(std::string_view(digits).substr(point + 1)));
  if (!ok) return std::nullopt;
  return std::strtod(t.c_str(), nullptr);
}

namespace {

void check_day(FieldErrors& e, const std::string& field, const std::string& text, std::chrono::year_month_day today,
               std::chrono::year_month_day start) {
  const auto day = parse_date(trimmed(text));
  if (!day)
    e.push_back({field, "Date must be a real date, like 2026-11-23"});
  else if (std::chrono::sys_days(*day) > std::chrono::sys_days(today))
    e.push_back({field, "Date cannot be in the future"});
  else if (std::chrono::sys_days(*day) < std::chrono::sys_days(start))
    e.push_back({field, "Date must be on or after the placement started, " + date_text(start)});
}

}  // namespace

FieldErrors progress_problems(const ProgressInput& in, std::chrono::year_month_day today,
                              std::chrono::year_month_day placement_start) {
  FieldErrors e;
  check_day(e, "date", in.date, today, placement_start);
  if (!in_list(log_periods(), trimmed(in.period)))
    e.push_back({"period", "Select the morning, afternoon or whole day"});
  if (!in_list(engagement_levels(), trimmed(in.engagement)))
    e.push_back({"engagement", "Select how well the pupil engaged, from 1 to 5"});
  for (const auto& v : in.values)
    if (!trimmed(v.value).empty() && !parse_measure(v.value))
      e.push_back({"value_" + std::to_string(v.objective_id), "Enter a number, like 3 or 72.5, or leave it blank"});
  const std::pair<const char*, const std::string*> texts[] = {
      {"behaviour", &in.behaviour}, {"wellbeing", &in.wellbeing}, {"work_covered", &in.work_covered}};
  for (const auto& [field, text] : texts)
    if (text->size() > 5000) e.push_back({field, "Must be 5,000 characters or fewer"});
  return e;
}

FieldErrors incident_problems(const IncidentInput& in, std::chrono::year_month_day today,
                              std::chrono::year_month_day placement_start) {
  FieldErrors e;
  check_day(e, "happened_on", in.date, today, placement_start);
  if (!in_list(incident_severities(), trimmed(in.severity))) e.push_back({"severity", "Select how serious it was"});
  if (trimmed(in.description).empty()) e.push_back({"description", "Say what happened"});
  return e;
}

std::vector<WeekEngagement> weekly_engagement(const std::vector<DatedEngagement>& logs) {
  std::map<std::chrono::sys_days, std::pair<int, int>> weeks;  // Monday -> (sum, count)
  for (const auto& l : logs) {
    const auto d = std::chrono::sys_days(l.day);
    const auto monday = d - (std::chrono::weekday(d) - std::chrono::Monday);
    auto& [sum, count] = weeks[monday];
    sum += l.engagement;
    ++count;
  }
  std::vector<WeekEngagement> out;
  for (const auto& [monday, w] : weeks)
    out.push_back({std::chrono::year_month_day(monday), static_cast<double>(w.first) / w.second, w.second});
  return out;
}

}  // namespace waypoint::domain
