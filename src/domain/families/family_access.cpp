#include "domain/families/family_access.hpp"

#include "domain/kernel/access_policy.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::domain {

InvitationState invitation_state(const InvitationFacts& f, Instant now) {
  if (f.accepted) return InvitationState::Accepted;
  if (f.withdrawn) return InvitationState::Withdrawn;
  // The link works up to its last second, not at it.
  return now < f.expires_at ? InvitationState::Waiting : InvitationState::RunOut;
}

std::string_view invitation_state_label(InvitationState s) {
  switch (s) {
    case InvitationState::Waiting:
      return "Waiting";
    case InvitationState::Accepted:
      return "Accepted";
    case InvitationState::Withdrawn:
      return "Replaced or withdrawn";
    case InvitationState::RunOut:
      return "Run out";
  }
  return "";
}

std::optional<std::string> invitation_refusal(InvitationState s, Instant expires_at) {
  switch (s) {
    case InvitationState::Waiting:
      return std::nullopt;
    case InvitationState::Accepted:
      return "This invitation has already been used. Sign in with your email address and password";
    case InvitationState::Withdrawn:
      return "This invitation is no longer valid. The school has sent a newer one or withdrawn it";
    case InvitationState::RunOut:
      return "This invitation ran out at " + uk_time_text(to_iso(expires_at)) +
             ". Ask the school to send you a new one";
  }
  return std::nullopt;
}

std::optional<std::string> invitation_problem(const PupilContact& contact) {
  if (!contact.is_parent_or_carer()) return "Only a parent or carer can be invited";
  if (!contact.parental_responsibility)
    return "Only a parent or carer with parental responsibility can be invited. Record it on their contact first";
  if (trimmed(contact.email).empty()) return "Add their email address to their contact first";
  return std::nullopt;
}

std::optional<std::string> existing_account_problem(std::optional<Role> existing) {
  if (existing && !may_be_linked_to_children(*existing))
    return "This email address belongs to a Waypoint account that is not a parent's";
  return std::nullopt;
}

FieldErrors end_access_problems(std::string_view reason) {
  FieldErrors e;
  if (trimmed(reason).empty())
    e.push_back({"reason", "Say why their access ends, like \"parental responsibility ended\" or \"court order\""});
  return e;
}

}  // namespace waypoint::domain
