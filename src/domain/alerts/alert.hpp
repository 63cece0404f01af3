#pragma once
// Alerts: what raises them, who they are for, what is done about them.
#include <string>
#include <vector>

#include <cstdint>

#include "domain/attendance/attendance.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/mail_text.hpp"
#include "domain/kernel/role.hpp"
#include "domain/pupils/pupil.hpp"

namespace waypoint::domain {

// unexplained_absence (for the home school's DSL), register_not_taken (for the provider's staff
// and the school's AP lead), missing_education (for the LA's officers).
const std::vector<CodeLabel>& alert_kinds();

const std::vector<CodeLabel>& alert_actions();   // contacted parent, home visit, ...
const std::vector<CodeLabel>& alert_outcomes();  // how an alert is closed

// The sentence an unexplained-absence alert opens with, naming the pupil's social worker or youth
// offending worker where there is one, so the DSL knows whom to call.
std::string unexplained_absence_summary(const Pupil& pupil, const std::vector<PupilContact>& contacts,
                                        const std::string& provider_name, const std::string& date,
                                        const std::string& session_name);

// A pupil expected at a provider in a session of the day, and whether the register has their mark.
struct ExpectedAtProvider {
  std::int64_t provider_id = 0;
  std::int64_t school_id = 0;
  std::int64_t pupil_id = 0;
  Session session = Session::Morning;
  int expected_from = 0;  // minutes after midnight
  bool marked = false;
};
// A provider's register for one session still missing marks for one school's pupils.
struct RegisterNotTaken {
  std::int64_t provider_id = 0;
  std::int64_t school_id = 0;
  Session session = Session::Morning;
  int opens_at = 0;
  std::vector<std::int64_t> pupil_ids;
};
// A provider's register opens when its first pupil of the session is expected (as on the register
// page); from `alert_after` minutes later, to the minute, each school with a pupil still unmarked
// is owed an alert, and so is the provider, once for each of those schools.
std::vector<RegisterNotTaken> registers_not_taken(const std::vector<ExpectedAtProvider>& expected, int now_minute,
                                                  int alert_after_minutes);

std::string register_not_taken_summary(const std::string& provider_name, const std::string& school_name,
                                       const std::vector<std::string>& pupil_names, const std::string& date,
                                       Session session, int opens_at);

// Children missing education: the LA is told when a pupil has attended on none of the last
// `days` school days they were expected (10).
inline constexpr int kMissingEducationDays = 10;
std::string missing_education_summary(const Pupil& pupil, const std::string& school_name,
                                      const std::string& provider_name, int days);

// The e-mail telling someone of a new alert, with a link to the alert, where they sign in to read it.
MailText alert_mail(std::string_view kind, const std::string& organisation_name, const std::string& link);

}  // namespace waypoint::domain
