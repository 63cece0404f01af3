#pragma once
// A parent or carer's own account, or the pupil's own, made through the invitation link the
// school sent: nobody is signed in, and the token in the link is the key (the school's side is in
// app/families/family_access and app/pupils/pupil_accounts).
#include <string>

#include "app/kernel/services.hpp"

namespace waypoint::app {

// What the holder of an invitation link sees before they set their password.
struct InvitationLink {
  std::string carer_name;
  std::string email;
  std::string school_name;
  bool has_account = false;  // their address already has a parent's account: accepting adds the child to it
  bool for_pupil = false;    // the pupil's own account: `carer_name` is the pupil's name
};
// Refused with Invalid("invitation", ...) when the link cannot be used.
InvitationLink open_invitation(const Services& s, const std::string& token);
// Makes the carer's account (or finds it) and links the child; answers the account's e-mail address.
std::string accept_invitation(const Services& s, const std::string& token, const std::string& password,
                              const std::string& confirmation, const std::string& client);

}  // namespace waypoint::app
