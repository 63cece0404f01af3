#include "domain/pupils/pupil_account.hpp"

#include <algorithm>
#include <cctype>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/contact.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::domain {

std::chrono::year_month_day pupil_account_from(std::chrono::year_month_day date_of_birth) {
  return anniversary(date_of_birth, kPupilAccountAge);
}

std::optional<std::string> pupil_account_problem(bool school_gives_accounts, std::string_view given_name,
                                                 std::chrono::year_month_day date_of_birth,
                                                 std::chrono::year_month_day today) {
  if (!school_gives_accounts)
    return "The school does not give pupils their own accounts. The headteacher can choose to, on the school's "
           "settings";
  const auto from = pupil_account_from(date_of_birth);
  if (std::chrono::sys_days(today) < std::chrono::sys_days(from))
    return "Pupils can have their own account from the age of " + std::to_string(kPupilAccountAge) + ". " +
           std::string(given_name) + " can be invited from " + date_text(from);
  return std::nullopt;
}

std::string email_domain(std::string_view email) {
  const auto at = email.rfind('@');
  if (at == std::string_view::npos) return "";
  std::string d(email.substr(at + 1));
  std::transform(d.begin(), d.end(), d.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return d;
}

std::optional<std::string> pupil_address_problem(std::string_view email, std::string_view school_domain) {
  const auto address = trimmed(email);
  if (address.empty()) return "Enter the pupil's school email address";
  if (auto problem = email_problem(address)) return problem;
  const auto domain = email_domain(address);
  const std::string school(school_domain);
  const bool at_school =
      !school.empty() && (domain == school || (domain.size() > school.size() + 1 && domain.ends_with("." + school)));
  if (!at_school)
    return "Use the pupil's school email address, ending @" +
           (school.empty() ? std::string("your school's domain") : school) + ", not a personal one";
  return std::nullopt;
}

std::optional<std::string> pupil_existing_account_problem(bool account_exists, bool was_this_pupils) {
  if (account_exists && !was_this_pupils) return "This email address already belongs to another Waypoint account";
  return std::nullopt;
}

}  // namespace waypoint::domain
