#pragma once
// The pupil's own account: off unless their school's headteacher chose to give pupils accounts, only
// from the pupil's 11th birthday, and only at an address of the school's own (the pupil's school
// e-mail, which the school can close), never a personal one. Pure rules; the use cases keep the
// records.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace waypoint::domain {

inline constexpr int kPupilAccountAge = 11;

// The day a pupil born on `date_of_birth` may first have an account: their 11th birthday (1 March
// for a pupil born on 29 February, in a common year).
std::chrono::year_month_day pupil_account_from(std::chrono::year_month_day date_of_birth);

// Why this pupil cannot be given an account today, in words for the school; nothing when they can.
std::optional<std::string> pupil_account_problem(bool school_gives_accounts, std::string_view given_name,
                                                 std::chrono::year_month_day date_of_birth,
                                                 std::chrono::year_month_day today);

// The part of an e-mail address after "@", in lower case; blank when there is none.
std::string email_domain(std::string_view email);

// Why `email` is not the pupil's school address: not an address, or not at the school's domain (or
// one under it, like pupils.oakfield.sch.uk for oakfield.sch.uk). `school_domain` is the domain of
// the inviting member of staff's own address.
std::optional<std::string> pupil_address_problem(std::string_view email, std::string_view school_domain);

// Why an account already at the address cannot become the pupil's: any account but one this pupil
// had before (a member of staff's, a parent's, another pupil's). Nothing when there is none.
std::optional<std::string> pupil_existing_account_problem(bool account_exists, bool was_this_pupils);

}  // namespace waypoint::domain
