#pragma once
// Parents and carers invited to see their child's record: the school invites a contact with
// parental responsibility by e-mail, the carer sets a password through the single-use link, and
// the school can end a carer's access with a reason.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/invitation_sent.hpp"
#include "app/kernel/services.hpp"
#include "domain/families/family_access.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/families/family_store.hpp"

namespace waypoint::app {

struct FamilyInvitation {
  store::InvitationRow row;
  domain::InvitationState state = domain::InvitationState::Waiting;
};

// Who can see the child as a parent or carer, who has been invited, and whom the school may invite.
struct FamilyAccessView {
  domain::Pupil pupil;
  std::vector<domain::PupilContact> invitable;  // parents and carers with parental responsibility
  std::vector<FamilyInvitation> invitations;    // newest first
  std::vector<store::CarerLinkRow> carers;      // current first, then ended
  bool can_manage = false;
};
FamilyAccessView family_access(const Services& s, const Actor& a, std::int64_t pupil_id);

InvitationSent invite_carer(const Services& s, const Actor& a, std::int64_t pupil_id, const std::string& contact_id);

void end_carer_access(const Services& s, const Actor& a, std::int64_t pupil_id, std::int64_t user_id,
                      const std::string& reason);

}  // namespace waypoint::app
