#pragma once
// The pupil's own account, off by default: the headteacher chooses whether the school gives its
// pupils of 11 and over accounts; the school invites a pupil at their school address, and can end
// the account with a reason. The pupil's side of the link is in app/accounts/carer_sign_up.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/invitation_sent.hpp"
#include "app/kernel/services.hpp"
#include "domain/families/family_access.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/pupils/pupil_account_store.hpp"

namespace waypoint::app {

// The headteacher's choice for their school.
bool school_gives_pupil_accounts(const Services& s, const Actor& a);
// `answer` is "yes" or "no"; anything else is refused naming the field "allowed".
void choose_pupil_accounts(const Services& s, const Actor& a, const std::string& answer);

struct PupilInvitation {
  store::PupilInvitationRow row;
  domain::InvitationState state = domain::InvitationState::Waiting;
};

// The pupil's own account as the school sees it, on the family page.
struct PupilAccountView {
  domain::Pupil pupil;
  bool school_gives_accounts = false;
  std::optional<std::string> cannot_invite;  // why the pupil cannot be invited today, in words
  std::string school_domain;                 // the domain their school address ends with
  std::vector<PupilInvitation> invitations;  // newest first
  std::vector<store::PupilAccountRow> accounts;
};
PupilAccountView pupil_account_of(const Services& s, const Actor& a, std::int64_t pupil_id);

InvitationSent invite_pupil(const Services& s, const Actor& a, std::int64_t pupil_id, const std::string& email);
void end_pupil_account(const Services& s, const Actor& a, std::int64_t pupil_id, std::int64_t user_id,
                       const std::string& reason);

// The pupil whose own account the actor is signed in with, if it is one and still open.
std::optional<domain::Pupil> own_pupil_record(const Services& s, const Actor& a);

}  // namespace waypoint::app
