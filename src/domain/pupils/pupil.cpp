#include "domain/pupils/pupil.hpp"

#include <algorithm>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/contact.hpp"
#include "domain/kernel/identifiers.hpp"

namespace waypoint::domain {

using namespace std::chrono;

bool Pupil::has_ehc_plan() const { return std::find(needs.begin(), needs.end(), "ehc_plan") != needs.end(); }
bool Pupil::has_sen() const {
  return has_ehc_plan() || std::find(needs.begin(), needs.end(), "sen_support") != needs.end();
}

const std::vector<CodeLabel>& pupil_needs() {
  static const std::vector<CodeLabel> list{
      {"semh", "Social, emotional and mental health (SEMH)"},
      {"school_avoidance", "School avoidance"},
      {"medical", "Medical or health needs"},
      {"sen_support", "SEN support"},
      {"ehc_plan", "Education, health and care (EHC) plan"},
  };
  return list;
}

const std::vector<CodeLabel>& genders() {
  static const std::vector<CodeLabel> list{{"F", "Female"}, {"M", "Male"}, {"U", "Not known"}};
  return list;
}

int year_group(year_month_day dob, year_month_day today) {
  const int academic_start = static_cast<int>(today.year()) - (today.month() < September ? 1 : 0);
  // Age on 31 August of the year the academic year began.
  int age = academic_start - static_cast<int>(dob.year());
  if (dob.month() > August) --age;  // born after 31 August: not yet had that year's birthday
  return age - 4;
}

std::string year_group_label(int y) {
  if (y < 0) return "Nursery";
  if (y == 0) return "Reception";
  if (y > 13) return "Post-19";
  return "Year " + std::to_string(y);
}

FieldErrors pupil_problems(const Pupil& p, year_month_day today) {
  FieldErrors e;
  if (auto problem = upn_problem(p.upn)) e.push_back({"upn", *problem});
  if (p.given_name.empty()) e.push_back({"given_name", "Enter the pupil's first name"});
  if (p.family_name.empty()) e.push_back({"family_name", "Enter the pupil's last name"});
  if (p.date_of_birth.empty()) {
    e.push_back({"date_of_birth", "Enter the pupil's date of birth"});
  } else if (auto dob = parse_date(p.date_of_birth); !dob) {
    e.push_back({"date_of_birth", "Date of birth must be a real date, like 2012-09-30"});
  } else {
    const int y = year_group(*dob, today);
    if (y < -2 || y > 16) e.push_back({"date_of_birth", "Date of birth must be for a child or young person up to 25"});
  }
  if (!p.gender.empty() && !in_list(genders(), p.gender)) e.push_back({"gender", "Gender must be F, M or U"});
  for (const auto& n : p.needs)
    if (!in_list(pupil_needs(), n)) {
      e.push_back({"needs", "Select needs from the list"});
      break;
    }
  return e;
}

const std::vector<CodeLabel>& contact_roles() {
  static const std::vector<CodeLabel> list{
      {"parent", "Parent"},
      {"carer", "Carer"},
      {"social_worker", "Social worker"},
      {"youth_offending_worker", "Youth offending worker"},
      {"camhs_practitioner", "CAMHS practitioner"},
      {"educational_psychologist", "Educational psychologist"},
      {"speech_and_language_therapist", "Speech and language therapist"},
      {"drug_and_alcohol_worker", "Drug and alcohol worker"},
      {"virtual_school", "Virtual school officer"},
  };
  return list;
}

const std::vector<CodeLabel>& services_involved() {
  static const std::vector<CodeLabel> list{
      {"social_worker", "Children's social care"},
      {"youth_offending_worker", "Youth justice"},
      {"camhs_practitioner", "Child and adolescent mental health services (CAMHS)"},
      {"educational_psychologist", "Educational psychology"},
      {"speech_and_language_therapist", "Speech and language therapy"},
      {"drug_and_alcohol_worker", "Drug and alcohol support"},
      {"virtual_school", "Virtual school"},
  };
  return list;
}

const std::vector<CodeLabel>& contact_methods() {
  static const std::vector<CodeLabel> list{{"phone", "Phone"}, {"email", "Email"}, {"post", "Post"}};
  return list;
}

bool PupilContact::is_parent_or_carer() const { return role == "parent" || role == "carer"; }

FieldErrors contact_problems(const PupilContact& c, std::chrono::year_month_day today) {
  FieldErrors e;
  if (!in_list(contact_roles(), c.role)) e.push_back({"role", "Select who this person is"});
  if (!c.involved_since.empty()) {
    const auto since = parse_date(c.involved_since);
    if (!since)
      e.push_back({"involved_since", "Involved since must be a real date, like 2026-09-01"});
    else if (std::chrono::sys_days(*since) > std::chrono::sys_days(today))
      e.push_back({"involved_since", "Involved since cannot be in the future"});
    else if (c.is_parent_or_carer())
      e.push_back({"involved_since", "Leave Involved since blank for a parent or carer"});
  }
  if (c.name.empty()) e.push_back({"name", "Enter the person's name"});
  if (c.preferred_language.size() > 100)
    e.push_back({"preferred_language", "Preferred language must be 100 characters or fewer"});
  else if (c.needs_interpreter && c.preferred_language.empty())
    e.push_back({"preferred_language", "Enter the language they need an interpreter for"});
  if (!c.email.empty())
    if (auto problem = email_problem(c.email)) e.push_back({"email", *problem});
  if (c.email.empty() && c.phone.empty() && c.address.empty())
    e.push_back({"phone", "Enter at least one way to reach them: phone, email or address"});
  if (!in_list(contact_methods(), c.preferred_contact))
    e.push_back({"preferred_contact", "Select how they prefer to be contacted"});
  else if ((c.preferred_contact == "email" && c.email.empty()) || (c.preferred_contact == "phone" && c.phone.empty()) ||
           (c.preferred_contact == "post" && c.address.empty()))
    e.push_back({"preferred_contact", "Their preferred way of contact needs its details filled in"});
  return e;
}

std::chrono::year_month_day compulsory_school_age_starts(std::chrono::year_month_day date_of_birth) {
  using namespace std::chrono;
  const auto fifth = anniversary(date_of_birth, 5);
  const auto y = fifth.year();
  for (const year_month_day prescribed :
       {year_month_day{y, March, day(31)}, year_month_day{y, August, day(31)}, year_month_day{y, December, day(31)}})
    if (sys_days(prescribed) >= sys_days(fifth)) return prescribed;
  return year_month_day{y + years(1), March, day(31)};
}

std::chrono::year_month_day school_leaving_date(std::chrono::year_month_day date_of_birth) {
  using namespace std::chrono;
  const auto sixteenth = anniversary(date_of_birth, 16);
  // The school year runs September to August: a birthday from September falls in the one that
  // ends the next summer.
  const auto june_of = sixteenth.month() >= September ? sixteenth.year() + years(1) : sixteenth.year();
  return year_month_day{sys_days(year_month_weekday_last{june_of, June, weekday_last{Friday}})};
}

bool of_compulsory_school_age(std::chrono::year_month_day date_of_birth, std::chrono::year_month_day on) {
  using std::chrono::sys_days;
  return sys_days(on) >= sys_days(compulsory_school_age_starts(date_of_birth)) &&
         sys_days(on) <= sys_days(school_leaving_date(date_of_birth));
}

}  // namespace waypoint::domain
