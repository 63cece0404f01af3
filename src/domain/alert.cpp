#include "domain/alert.hpp"

namespace waypoint::domain {

const std::vector<CodeLabel>& alert_actions() {
  static const std::vector<CodeLabel> list{
      {"contacted_parent", "Contacted the parent or carer"},
      {"contacted_provider", "Contacted the provider"},
      {"home_visit", "Home visit"},
      {"reported_to_social_worker", "Reported to the social worker"},
      {"other", "Other"},
  };
  return list;
}

const std::vector<CodeLabel>& alert_outcomes() {
  static const std::vector<CodeLabel> list{
      {"reason_found_authorised", "Reason found: absence authorised"},
      {"reason_found_unauthorised", "Reason found: absence unauthorised"},
      {"pupil_safe", "Pupil seen and safe"},
      {"referred", "Referred to children's social care or the police"},
      {"recorded_in_error", "Mark recorded in error"},
  };
  return list;
}

std::string unexplained_absence_summary(const Pupil& pupil, const std::vector<PupilContact>& contacts,
                                        const std::string& provider_name, const std::string& date,
                                        const std::string& session_name) {
  std::string out = pupil.given_name + " " + pupil.family_name + " is absent without a reason from " + provider_name +
                    " on the " + session_name + " of " + date + ".";
  for (const auto& c : contacts)
    if (c.role == "social_worker" || c.role == "youth_offending_worker")
      out += " " + std::string(label_of(contact_roles(), c.role)) + ": " + c.name +
             (c.phone.empty() ? "" : ", " + c.phone) + (c.email.empty() ? "" : ", " + c.email) + ".";
  return out;
}

}  // namespace waypoint::domain
