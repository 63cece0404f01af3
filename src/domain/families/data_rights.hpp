#pragma once
// A family's data rights (UK GDPR; the Data (Use and Access) Act 2025): a request for a copy of the
// child's record, answered within one month (extendable by two more for a complex request, with a
// reason), and a data protection complaint, acknowledged within 30 days and tracked to an outcome.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

const std::vector<CodeLabel>& data_request_kinds();  // access (a copy of the record), complaint
const std::vector<CodeLabel>& complaint_outcomes();  // upheld, partly_upheld, not_upheld

using Date = std::chrono::year_month_day;

// The same day `months` later; a month without that day ends on its last day (31 January plus one
// month is 28 or 29 February), as the regulator counts a calendar month.
Date months_after(Date from, int months);

// When the school must have done what the request needs next: for a copy, answer one month after it
// was received (three with an extension); for a complaint, acknowledge it within 30 days, after which
// no clock runs until the outcome.
std::optional<Date> data_request_due(std::string_view kind, Date received, bool extended, bool acknowledged);

// "12 days left", "Due today", "3 days overdue".
std::string clock_text(Date due, Date today);

// What a request from the portal needs: a kind, and for a complaint what it is about.
FieldErrors data_request_problems(std::string_view kind, std::string_view details);
// Extending a request for a copy needs a reason, once, before it is answered.
FieldErrors extension_problems(std::string_view kind, bool already_extended, std::string_view reason);
// Closing: a complaint's outcome and what was decided; a copy says what was released.
FieldErrors closing_problems(std::string_view kind, std::string_view outcome, std::string_view summary);

}  // namespace waypoint::domain
