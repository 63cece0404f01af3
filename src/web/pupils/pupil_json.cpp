#include "web/pupils/pupil_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/identifiers.hpp"
#include "domain/reintegration/reintegration.hpp"
#include "web/kernel/json_value.hpp"

namespace waypoint::web {
namespace {

nlohmann::json labels(const std::vector<domain::CodeLabel>& list, const std::vector<std::string>& codes) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : codes) out.push_back(std::string(domain::label_of(list, c)));
  return out;
}

}  // namespace

nlohmann::json pupil_json(const domain::Pupil& p, std::chrono::year_month_day today) {
  nlohmann::json j{{"id", p.id},
                   {"upn", p.upn},
                   {"temporary_upn", domain::is_temporary_upn(p.upn)},
                   {"given_name", p.given_name},
                   {"family_name", p.family_name},
                   {"date_of_birth", p.date_of_birth},
                   {"date_of_birth_text", domain::date_text(p.date_of_birth)},
                   {"gender", p.gender},
                   {"school_id", p.school_id},
                   {"needs", p.needs},
                   {"need_labels", labels(domain::pupil_needs(), p.needs)},
                   {"has_ehc_plan", p.has_ehc_plan()},
                   {"looked_after", p.looked_after},
                   {"child_in_need", p.child_in_need},
                   {"child_protection_plan", p.child_protection_plan}};
  if (auto dob = domain::parse_date(p.date_of_birth)) {
    const int year = domain::year_group(*dob, today);
    j["year_group"] = year;
    j["year_group_label"] = domain::year_group_label(year);
  }
  return j;
}

nlohmann::json contact_json(const domain::PupilContact& c) {
  return {{"id", c.id},
          {"pupil_id", c.pupil_id},
          {"role", c.role},
          {"role_label", std::string(domain::label_of(domain::contact_roles(), c.role))},
          {"name", c.name},
          {"relationship", c.relationship},
          {"parental_responsibility", c.parental_responsibility},
          {"email", c.email},
          {"phone", c.phone},
          {"address", c.address},
          {"preferred_contact", c.preferred_contact},
          {"preferred_contact_label", std::string(domain::label_of(domain::contact_methods(), c.preferred_contact))},
          {"service", domain::in_list(domain::services_involved(), c.role)
                          ? std::string(domain::label_of(domain::services_involved(), c.role))
                          : ""},
          {"involved_since", c.involved_since.empty() ? nlohmann::json() : nlohmann::json(c.involved_since)},
          {"preferred_language", c.preferred_language},
          {"needs_interpreter", c.needs_interpreter},
          {"involved_since_text", c.involved_since.empty() ? "" : domain::date_text(c.involved_since)}};
}

}  // namespace waypoint::web
