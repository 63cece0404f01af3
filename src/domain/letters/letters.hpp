#pragma once
// Letters to a child's parents and carers (the notice of a direction, review summaries): who gets
// each, and how. A carer with a Waypoint account is sent an e-mail with a link to sign in, and reads
// the letter in Waypoint; a parent without one gets a printed letter, which the school records as
// posted. No child's name goes in an e-mail: it is read on lock screens and in shared inboxes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/kernel/mail_text.hpp"
#include "domain/pupils/pupil.hpp"

namespace waypoint::domain {

// A live link between a carer's account and the child.
struct CarerAccount {
  std::int64_t user_id = 0;
  std::optional<std::int64_t> contact_id;  // the contact they were invited as
  std::string name;
  std::string email;
};

enum class LetterChannel { Waypoint, Post };
std::string_view letter_channel_code(LetterChannel c);  // "waypoint", "post"

struct LetterRecipient {
  std::string name;
  LetterChannel channel = LetterChannel::Post;
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> contact_id;
  std::string email;    // for the Waypoint channel
  std::string address;  // for the post
};

// Everyone a letter goes to: each carer with an account, by Waypoint; each other parent or carer
// with parental responsibility, by post. A contact counts as having an account when the account
// was made from their invitation, or has the same e-mail address.
std::vector<LetterRecipient> letter_recipients(const std::vector<PupilContact>& contacts,
                                               const std::vector<CarerAccount>& accounts);

// The e-mail telling a carer a letter is waiting: the school's name and a link, nothing about the child.
MailText letter_mail(std::string_view carer, std::string_view school, std::string_view link);

}  // namespace waypoint::domain
