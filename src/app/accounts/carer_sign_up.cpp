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
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/families/family_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

// The invitation a token stands for, and whether it can still be used; refused in words otherwise.
store::InvitationRow usable_invitation(store::Connection& c, const Services& s, const std::string& token) {
  const auto row = token.empty() ? std::nullopt : store::find_invitation_by_token(c, token_hash(token));
  if (!row)
    throw Invalid("invitation", "This invitation link is not complete or not valid. Check the link in the email");
  const auto expires = domain::parse_iso(row->expires_at).value_or(domain::Instant{});
  const auto state =
      domain::invitation_state({expires, row->accepted_at.has_value(), row->withdrawn_at.has_value()}, s.clock.now());
  if (auto refusal = domain::invitation_refusal(state, expires)) throw Invalid("invitation", *refusal);
  return *row;
}

}  // namespace

InvitationLink open_invitation(const Services& s, const std::string& token) {
  InvitationLink out;
  unguarded_read(s, [&](store::Connection& c) {
    const auto row = usable_invitation(c, s, token);
    const auto pupil = store::find_pupil(c, row.pupil_id);
    const auto school = pupil ? store::find_organisation(c, pupil->school_id) : std::nullopt;
    out = {row.contact_name, row.email, school ? school->name : "",
           store::find_user_by_email(c, row.email).has_value()};
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
    const auto row = usable_invitation(c, s, token);  // again: another tab may have used it meanwhile
    const auto pupil = store::find_pupil(c, row.pupil_id);
    if (!pupil) throw Invalid("invitation", "This invitation is no longer valid. Ask the school for a new one");
    auto user = store::find_user_by_email(c, row.email);
    if (auto problem = domain::existing_account_problem(user ? std::optional(user->role) : std::nullopt))
      throw Invalid("invitation", *problem);
    std::int64_t user_id = 0;
    if (user) {
      user_id = user->id;
    } else {
      if (!hash) throw Invalid("password", "Enter a password");
      domain::User u;
      u.email = row.email;
      u.display_name = row.contact_name;
      u.role = domain::carer_account_role();
      u.organisation_id = pupil->school_id;
      u.password_hash = *hash;
      user_id = store::insert_user(c, u, s.now_iso());
    }
    store::link_carer(c, row.pupil_id, user_id, row.contact_id, s.now_iso());
    store::mark_invitation_accepted(c, row.id, user_id, s.now_iso());
    const auto actor = load_actor(c, user_id, client);
    audit(c, s, actor ? &*actor : nullptr,
          {"family.invitation_accept", "family_invitation", row.id, row.pupil_id,
           nlohmann::json{{"user_id", user_id}, {"new_account", !user.has_value()}}.dump()},
          client);
    email = row.email;
  });
  return email;
}

}  // namespace waypoint::app
