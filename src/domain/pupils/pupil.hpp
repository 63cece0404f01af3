#pragma once
// A pupil on a school's roll, what they need, and who is around them.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

struct Pupil {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string upn;
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;       // YYYY-MM-DD
  std::string gender;              // M, F or U, as in the Common Transfer File
  std::vector<std::string> needs;  // codes from pupil_needs()
  bool looked_after = false;
  bool child_in_need = false;
  bool child_protection_plan = false;

  bool has_ehc_plan() const;
  // SEN support or an EHC plan: what makes their records SEN records, kept longer.
  bool has_sen() const;
};

// SEMH, school avoidance, medical, SEN support, EHC plan.
const std::vector<CodeLabel>& pupil_needs();
const std::vector<CodeLabel>& genders();

// The pupil's year group in the academic year holding `today`: Reception is 0, Year 1 is 1, ...
// Pupils start Reception in the September after they turn 4, so the year group is their age on
// the 31 August before the academic year began, less 4.
int year_group(std::chrono::year_month_day date_of_birth, std::chrono::year_month_day today);
std::string year_group_label(int year_group);  // "Reception", "Year 9", "Nursery"

// Compulsory school age (Education Act 1996 s.8): from the first prescribed day (31 August,
// 31 December or 31 March) on or after the 5th birthday, to the school leaving date, the last
// Friday in June of the school year (September to August) in which the child turns 16.
std::chrono::year_month_day compulsory_school_age_starts(std::chrono::year_month_day date_of_birth);
std::chrono::year_month_day school_leaving_date(std::chrono::year_month_day date_of_birth);
bool of_compulsory_school_age(std::chrono::year_month_day date_of_birth, std::chrono::year_month_day on);

// Every rule a pupil's own fields keep (UPN with its check letter, names, a real date of birth
// for a child of school age or a young person up to 25, a listed gender and needs).
FieldErrors pupil_problems(const Pupil& p, std::chrono::year_month_day today);

// Parents and carers, and the professionals around the pupil.
struct PupilContact {
  std::int64_t id = 0;
  std::int64_t pupil_id = 0;
  std::string role;  // codes from contact_roles()
  std::string name;
  std::string relationship;
  bool parental_responsibility = false;
  std::string email;
  std::string phone;
  std::string address;
  std::string preferred_contact;   // email, phone, post
  std::string involved_since;      // a professional's service: since when (ISO); blank when not known
  std::string preferred_language;  // blank: not recorded (English is not assumed)
  bool needs_interpreter = false;

  bool is_parent_or_carer() const;
};

const std::vector<CodeLabel>& contact_roles();
// The service each professional's role stands for, by role code: social care, youth justice, CAMHS,
// educational psychology, speech and language therapy, drug and alcohol support, the virtual school.
const std::vector<CodeLabel>& services_involved();
const std::vector<CodeLabel>& contact_methods();
FieldErrors contact_problems(const PupilContact& c, std::chrono::year_month_day today);

}  // namespace waypoint::domain
