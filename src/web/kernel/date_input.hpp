#pragma once
// GOV.UK's date input: people type a date as day, month and year in three boxes named
// `<field>-day`, `<field>-month` and `<field>-year`. The use cases and the API take ISO 8601, so
// the boxes are joined here and split again to show a form back.
#include <chrono>
#include <string>

#include "web/kernel/http.hpp"

namespace waypoint::web {

struct DateParts {
  std::string day;
  std::string month;
  std::string year;
};

// "2026-12-07" from "7", "12", "2026"; "" when all three are blank. Parts that are not numbers of
// the right length are kept as typed ("7/Dec/2026"), so the use case refuses them as not a real
// date, naming the field.
std::string join_date_parts(const DateParts& parts);
// The boxes for a value: an ISO date is split without leading zeros; a refused "d/m/y" is shown as
// it was typed; anything else leaves them blank.
DateParts date_parts(const std::string& value);

// A hint for the boxes: "For example, 7 12 2026".
std::string date_example(std::chrono::year_month_day day);

// A date typed into the boxes of form field `name`. A client that sends `name` itself (the ISO
// date, as the API and older forms do) is read as before.
std::string date_field(const Request& r, const std::string& name);
// The same for a query string, for filters whose links carry `?from=2026-09-01`.
std::string date_query(const Request& r, const std::string& name);

}  // namespace waypoint::web
