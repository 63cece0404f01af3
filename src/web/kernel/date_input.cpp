#include "web/kernel/date_input.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace waypoint::web {

namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

bool digits(const std::string& s, std::size_t min, std::size_t max) {
  return s.size() >= min && s.size() <= max &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::string padded(const std::string& s, std::size_t width) {
  return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

std::string without_leading_zeros(const std::string& s) {
  const auto first = s.find_first_not_of('0');
  return first == std::string::npos ? s : s.substr(first);
}

const std::string* find(const std::map<std::string, std::string>& m, const std::string& key) {
  const auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

std::string date_from(const std::map<std::string, std::string>& values, const std::string& name) {
  const auto* day = find(values, name + "-day");
  const auto* month = find(values, name + "-month");
  const auto* year = find(values, name + "-year");
  if (!day && !month && !year) {
    const auto* whole = find(values, name);
    return whole ? *whole : "";
  }
  return join_date_parts({day ? *day : "", month ? *month : "", year ? *year : ""});
}

}  // namespace

std::string join_date_parts(const DateParts& parts) {
  const auto day = trimmed(parts.day), month = trimmed(parts.month), year = trimmed(parts.year);
  if (day.empty() && month.empty() && year.empty()) return "";
  if (digits(day, 1, 2) && digits(month, 1, 2) && digits(year, 4, 4))
    return year + "-" + padded(month, 2) + "-" + padded(day, 2);
  return day + "/" + month + "/" + year;
}

DateParts date_parts(const std::string& value) {
  if (value.size() == 10 && value[4] == '-' && value[7] == '-' && digits(value.substr(0, 4), 4, 4) &&
      digits(value.substr(5, 2), 2, 2) && digits(value.substr(8, 2), 2, 2))
    return {without_leading_zeros(value.substr(8, 2)), without_leading_zeros(value.substr(5, 2)), value.substr(0, 4)};
  const auto first = value.find('/');
  const auto second = first == std::string::npos ? first : value.find('/', first + 1);
  if (second != std::string::npos && value.find('/', second + 1) == std::string::npos)
    return {value.substr(0, first), value.substr(first + 1, second - first - 1), value.substr(second + 1)};
  return {};
}

std::string date_example(std::chrono::year_month_day day) {
  return "For example, " + std::to_string(static_cast<unsigned>(day.day())) + " " +
         std::to_string(static_cast<unsigned>(day.month())) + " " + std::to_string(static_cast<int>(day.year()));
}

std::string date_field(const Request& r, const std::string& name) { return date_from(r.form, name); }

std::string date_query(const Request& r, const std::string& name) { return date_from(r.query, name); }

}  // namespace waypoint::web
