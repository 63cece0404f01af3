#include "domain/letters/letters.hpp"

#include <algorithm>

#include "domain/kernel/contact.hpp"

namespace waypoint::domain {

std::string_view letter_channel_code(LetterChannel c) { return c == LetterChannel::Waypoint ? "waypoint" : "post"; }

std::vector<LetterRecipient> letter_recipients(const std::vector<PupilContact>& contacts,
                                               const std::vector<CarerAccount>& accounts) {
  std::vector<LetterRecipient> out;
  for (const auto& a : accounts) out.push_back({a.name, LetterChannel::Waypoint, a.user_id, a.contact_id, a.email, ""});
  for (const auto& k : contacts) {
    if (!k.is_parent_or_carer() || !k.parental_responsibility) continue;
    const auto email = normalise_email(k.email);
    const bool has_account = std::any_of(accounts.begin(), accounts.end(), [&](const CarerAccount& a) {
      return (a.contact_id && *a.contact_id == k.id) || (!email.empty() && normalise_email(a.email) == email);
    });
    if (!has_account) out.push_back({k.name, LetterChannel::Post, std::nullopt, k.id, "", k.address});
  }
  return out;
}

MailText letter_mail(std::string_view carer, std::string_view school, std::string_view link) {
  return {"Waypoint: a letter from " + std::string(school),
          "Dear " + std::string(carer) + ",\r\n\r\n" + std::string(school) +
              " has sent you a letter in Waypoint. Sign in to read it:\r\n\r\n" + std::string(link) +
              "\r\n\r\nIf you were not expecting this, contact the school.\r\n"};
}

}  // namespace waypoint::domain
