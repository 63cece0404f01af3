#include "domain/placements/consent.hpp"

#include <algorithm>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/digest.hpp"

namespace waypoint::domain {

std::vector<std::string> consent_terms(const DirectionNotice& n, int review_interval_weeks) {
  std::vector<std::string> lines;
  std::string where = "Where: " + n.provider_name;
  for (const auto& a : n.provider_addresses) where += "; " + a.name + ", " + a.address;
  lines.push_back(where);
  if (!n.report_to.empty()) lines.push_back("On arrival, report to: " + n.report_to);
  lines.push_back("From " + weekday_date_text(n.first_day) + " to " + weekday_date_text(n.planned_last_day));
  if (n.sessions.empty()) {
    lines.push_back("Days and times: not timetabled yet; the school will agree them with you before the first day");
  } else {
    std::string days =
        "Days and times: " + std::to_string(n.days_per_week) + (n.days_per_week == 1 ? " day" : " days") + " a week";
    for (const auto& s : n.sessions) days += "; " + s.day + " " + s.times;
    lines.push_back(days);
  }
  if (!n.breaks.empty()) lines.push_back("Breaks: " + n.breaks);
  lines.push_back("Why: " + n.reasons);
  lines.push_back("What it aims to achieve: " + n.objectives);
  lines.push_back("Reviewed every " + std::to_string(review_interval_weeks) +
                  " weeks, with you invited; you may ask for a review at any time");
  return lines;
}

std::string consent_terms_text(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& l : lines) all += l + "\n";
  return all;
}

std::string consent_terms_version(const std::vector<std::string>& lines) {
  return blake2b_hex(consent_terms_text(lines)).substr(0, 16);
}

const std::vector<CodeLabel>& consent_answers() {
  static const std::vector<CodeLabel> list{{"given", "Consented"}, {"refused", "Did not consent"}};
  return list;
}

const std::vector<CodeLabel>& consent_ways() {
  static const std::vector<CodeLabel> list{{"waypoint", "In Waypoint"},
                                           {"paper", "On a signed form"},
                                           {"phone", "By phone"},
                                           {"email", "By e-mail"},
                                           {"in_person", "In person"}};
  return list;
}

FieldErrors consent_answer_problems(std::string_view answer, std::string_view version_seen,
                                    std::string_view current_version, std::string_view comment) {
  FieldErrors errors;
  if (answer != "given" && answer != "refused")
    errors.push_back({"answer", "Select whether you consent to the placement"});
  else if (version_seen != current_version)
    errors.push_back(
        {"answer", "The school changed the terms while you were reading them. Read them again before you answer"});
  if (answer == "refused" && comment.empty())
    errors.push_back({"comment", "Tell the school why you do not consent, so they can talk to you about it"});
  return errors;
}

}  // namespace waypoint::domain
