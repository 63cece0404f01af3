#include "domain/alerts/alert.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "domain/kernel/calendar_date.hpp"
#include "domain/placements/timetable.hpp"

namespace waypoint::domain {

const std::vector<CodeLabel>& alert_kinds() {
  static const std::vector<CodeLabel> list{
      {"unexplained_absence", "Unexplained absence"},
      {"register_not_taken", "Register not taken"},
      {"missing_education", "Children missing education: 10 school days without attendance"},
      {"safeguarding_concern", "Safeguarding concern recorded"},
      {"serious_incident", "Serious incident at a provider"},
      {"outreach_not_seen", "Outreach: the child was not seen at two home visits in a row"},
      {"outreach_worry", "Outreach: a home visit found a safeguarding worry"},
  };
  return list;
}

const std::vector<CodeLabel>& alert_actions() {
  static const std::vector<CodeLabel> list{
      {"contacted_parent", "Contacted the parent or carer"},
      {"contacted_provider", "Contacted the provider"},
      {"contacted_school", "Contacted the school"},
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
      {"register_taken", "Register taken and every pupil accounted for"},
      {"missing_education_procedures", "Children missing education procedures started"},
      {"concern_read", "Concern read and followed up on the pupil's concerns page"},
      {"recorded_in_error", "Raised in error"},
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

std::vector<RegisterNotTaken> registers_not_taken(const std::vector<ExpectedAtProvider>& expected, int now_minute,
                                                  int alert_after_minutes) {
  std::map<std::pair<std::int64_t, Session>, int> opens;
  for (const auto& e : expected) {
    const auto key = std::pair(e.provider_id, e.session);
    const auto it = opens.find(key);
    if (it == opens.end() || e.expected_from < it->second) opens[key] = e.expected_from;
  }
  std::map<std::tuple<std::int64_t, Session, std::int64_t>, RegisterNotTaken> owed;
  for (const auto& e : expected) {
    const int opens_at = opens[{e.provider_id, e.session}];
    if (e.marked || !register_closed(opens_at, now_minute, {alert_after_minutes})) continue;
    auto& r = owed[{e.provider_id, e.session, e.school_id}];
    r.provider_id = e.provider_id;
    r.school_id = e.school_id;
    r.session = e.session;
    r.opens_at = opens_at;
    r.pupil_ids.push_back(e.pupil_id);
  }
  std::vector<RegisterNotTaken> out;
  for (auto& [key, r] : owed) out.push_back(std::move(r));
  return out;
}

std::string register_not_taken_summary(const std::string& provider_name, const std::string& school_name,
                                       const std::vector<std::string>& pupil_names, const std::string& date,
                                       Session session, int opens_at) {
  std::string names;
  for (std::size_t i = 0; i < pupil_names.size(); ++i)
    names += (i == 0 ? "" : i + 1 == pupil_names.size() ? " and " : ", ") + pupil_names[i];
  return "The " + std::string(session == Session::Morning ? "morning" : "afternoon") + " register at " + provider_name +
         " on " + weekday_date_text(date) + " (open from " + format_clock(opens_at) + ") has no mark for " +
         school_name + "'s " + (pupil_names.size() == 1 ? "pupil " : "pupils ") + names +
         ". Until it is taken nobody can say where they are.";
}

std::string missing_education_summary(const Pupil& pupil, const std::string& school_name,
                                      const std::string& provider_name, int days) {
  return pupil.given_name + " " + pupil.family_name + ", on the roll of " + school_name + " and placed at " +
         provider_name + ", has attended no session on the last " + std::to_string(days) +
         " school days they were expected there. Follow the children missing education procedures with the school.";
}

MailText alert_mail(std::string_view kind, const std::string& organisation_name, const std::string& link) {
  MailText m;
  m.subject = "Waypoint: a new alert for " + organisation_name;
  m.body = "A new alert needs your attention: " + std::string(label_of(alert_kinds(), kind)) +
           ".\r\n\r\nOpen it in Waypoint (you will be asked to sign in if you have not):\r\n" + link +
           "\r\n\r\nThis message does not name the pupil: read the alert in Waypoint.\r\n";
  return m;
}

}  // namespace waypoint::domain
