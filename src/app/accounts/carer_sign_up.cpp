#include "app/accounts/carer_sign_up.hpp"

#include <nlohmann/json.hpp>

#include "app/accounts/accounts.hpp"
#include "app/kernel/audit.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/secrets.hpp"
#include "app/kernel/unguarded.hpp"
#include "domain/accounts/password_policy.hpp"
#include "domain/families/family_access.hpp"
#include "domain/kernel/access_policy.hpp"
#include "domain/pupils/pupil_account.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/families/family_store.hpp"
#include "store/pupils/pupil_account_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

const char* const kNotValid = "This invitation link is not complete or not valid. Check the link in the email";

void refuse_unless_usable(const Services& s, const std::string& expires_at, bool accepted, bool withdrawn) {
  const auto expires = domain::parse_iso(expires_at).value_or(domain::Instant{});
  const auto state = domain::invitation_state({expires, accepted, withdrawn}, s.clock.now());
  if (auto refusal = domain::invitation_refusal(state, expires)) throw Invalid("invitation", *refusal);
}

// The invitation a token stands for, a carer's or a pupil's, if it can still be used; refused in
// words otherwise.
struct UsableInvitation {
  std::optional<store::InvitationRow> carer;
  std::optional<store::PupilInvitationRow> pupil;
};
UsableInvitation usable_invitation(store::Connection& c, const Services& s, const std::string& token) {
  if (token.empty()) throw Invalid("invitation", kNotValid);
  const auto hash = token_hash(token);
  if (auto row = store::find_invitation_by_token(c, hash)) {
    refuse_unless_usable(s, row->expires_at, row->accepted_at.has_value(), row->withdrawn_at.has_value());
    return {std::move(row), std::nullopt};
  }
  if (auto row = store::find_pupil_invitation_by_token(c, hash)) {
    refuse_unless_usable(s, row->expires_at, row->accepted_at.has_value(), row->withdrawn_at.has_value());
    return {std::nullopt, std::move(row)};
  }
  throw Invalid("invitation", kNotValid);
}

}  // namespace

InvitationLink open_invitation(const Services& s, const std::string& token) {
  InvitationLink out;
  unguarded_read(s, [&](store::Connection& c) {
    const auto found = usable_invitation(c, s, token);
    const auto pupil_id = found.carer ? found.carer->pupil_id : found.pupil->pupil_id;
    const auto email = found.carer ? found.carer->email : found.pupil->email;
    const auto pupil = store::find_pupil(c, pupil_id);
    const auto school = pupil ? store::find_organisation(c, pupil->school_id) : std::nullopt;
    out.carer_name = found.carer ? found.carer->contact_name
                     : pupil     ? pupil->given_name + " " + pupil->family_name
                                 : "";
    out.email = email;
    out.school_name = school ? school->name : "";
    out.has_account = store::find_user_by_email(c, email).has_value();
    out.for_pupil = found.pupil.has_value();
  });
  return out;
}

std::string accept_invitation(const Services& s, const std::string& token, const std::string& password,
                              const std::string& confirmation, const std::string& client) {
  const auto link = open_invitation(s, token);
  // A carer who already has an account proves it by the link to their inbox; their password stays.
  std::optional<std::string> hash;
  if (!link.has_account) {
    domain::FieldErrors errors;
    if (auto problem = domain::password_problem(password, s.common_passwords, s.settings.password))
      errors.push_back({"password", *problem});
    else if (password != confirmation)
      errors.push_back({"confirm_password", "The passwords do not match"});
    if (!errors.empty()) throw Invalid(std::move(errors));
    hash = hash_password(password);  // tens of milliseconds: outside the write transaction
  }
  std::string email;
  unguarded_transaction(s, [&](store::Connection& c) {
    const auto found = usable_invitation(c, s, token);  // again: another tab may have used it meanwhile
    const auto pupil_id = found.carer ? found.carer->pupil_id : found.pupil->pupil_id;
    const auto address = found.carer ? found.carer->email : found.pupil->email;
    const auto pupil = store::find_pupil(c, pupil_id);
    if (!pupil) throw Invalid("invitation", "This invitation is no longer valid. Ask the school for a new one");
    auto user = store::find_user_by_email(c, address);
    if (found.carer) {
      if (auto problem = domain::existing_account_problem(user ? std::optional(user->role) : std::nullopt))
        throw Invalid("invitation", *problem);
    } else if (auto problem = domain::pupil_existing_account_problem(
                   user.has_value(), user && store::pupil_account_was_for(c, user->id) == pupil_id)) {
      throw Invalid("invitation", *problem);
    }
    std::int64_t user_id = 0;
    if (user) {
      user_id = user->id;
    } else {
      if (!hash) throw Invalid("password", "Enter a password");
      domain::User u;
      u.email = address;
      u.display_name = found.carer ? found.carer->contact_name : pupil->given_name + " " + pupil->family_name;
      u.role = found.carer ? domain::carer_account_role() : domain::pupil_account_role();
      u.organisation_id = pupil->school_id;
      u.password_hash = *hash;
      user_id = store::insert_user(c, u, s.now_iso());
    }
    std::int64_t invitation_id = 0;
    if (found.carer) {
      invitation_id = found.carer->id;
      store::link_carer(c, pupil_id, user_id, found.carer->contact_id, s.now_iso());
      store::mark_invitation_accepted(c, invitation_id, user_id, s.now_iso());
    } else {
      invitation_id = found.pupil->id;
      store::link_pupil_account(c, pupil_id, user_id, s.now_iso());
      store::mark_pupil_invitation_accepted(c, invitation_id, user_id, s.now_iso());
    }
    const auto actor = load_actor(c, user_id, client);
    audit(c, s, actor ? &*actor : nullptr,
          {found.carer ? "family.invitation_accept" : "pupil_account.invitation_accept",
           found.carer ? "family_invitation" : "pupil_invitation", invitation_id, pupil_id,
           nlohmann::json{{"user_id", user_id}, {"new_account", !user.has_value()}}.dump()},
          client);
    email = address;
  });
  return email;
}

}  // namespace waypoint::app
