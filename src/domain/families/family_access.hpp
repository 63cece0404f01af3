#pragma once
// Parents and carers in Waypoint: who may be invited, what an invitation link is worth when it is
// used, and what ending a carer's access needs. Pure rules; the use cases keep the records.
#include <optional>
#include <string>
#include <string_view>

#include "domain/kernel/field_error.hpp"
#include "domain/kernel/role.hpp"
#include "domain/kernel/time.hpp"
#include "domain/pupils/pupil.hpp"

namespace waypoint::domain {

enum class InvitationState { Waiting, Accepted, Withdrawn, RunOut };

struct InvitationFacts {
  Instant expires_at;
  bool accepted = false;
  bool withdrawn = false;  // a newer invitation to the same carer replaced it, or the school took it back
};
InvitationState invitation_state(const InvitationFacts& f, Instant now);
std::string_view invitation_state_label(InvitationState s);

// Why a link cannot be used, in words for the carer holding it; nothing when it can be.
std::optional<std::string> invitation_refusal(InvitationState s, Instant expires_at);

// Why a contact cannot be invited: only a parent or carer with parental responsibility, at an
// e-mail address. Nothing when they can be.
std::optional<std::string> invitation_problem(const PupilContact& contact);

// Why the account already at a carer's address cannot be the one their child is linked to: a staff
// account. Nothing when there is none, or it is a carer's.
std::optional<std::string> existing_account_problem(std::optional<Role> existing);

// A carer's access ends for a reason the school gives (parental responsibility ended, a court
// order): the reason is kept with the record.
FieldErrors end_access_problems(std::string_view reason);

}  // namespace waypoint::domain
