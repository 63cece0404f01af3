#include "app/accounts/accounts.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/kernel/audit.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/secrets.hpp"
#include "app/kernel/unguarded.hpp"
#include "domain/kernel/contact.hpp"
#include "store/accounts/api_token_store.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/second_factor_store.hpp"
#include "store/accounts/session_store.hpp"
#include "store/accounts/sign_in_attempt_store.hpp"
#include "store/accounts/user_store.hpp"

namespace waypoint::app {

namespace {

// Who is acting: nobody when the account or its organisation is disabled or gone.
std::optional<Actor> actor_of(const std::optional<domain::User>& user, const std::optional<domain::Organisation>& org,
                              const std::string& client) {
  if (!user || user->disabled || !org || org->disabled) return std::nullopt;
  Actor a;
  a.user_id = user->id;
  a.email = user->email;
  a.display_name = user->display_name;
  a.role = user->role;
  a.organisation_id = org->id;
  a.organisation_name = org->name;
  if (org->kind == domain::OrganisationKind::LocalAuthority) a.local_authority_id = org->id;
  if (org->kind == domain::OrganisationKind::School) a.local_authority_id = org->parent_id;
  a.client = client;
  return a;
}

}  // namespace

std::optional<Actor> load_actor(store::Connection& c, std::int64_t user_id, const std::string& client) {
  auto user = store::find_user(c, user_id);
  if (!user || user->disabled) return std::nullopt;
  return actor_of(user, store::find_organisation(c, user->organisation_id), client);
}

SignInOutcome sign_in(const Services& s, const std::string& raw_email, const std::string& password,
                      const std::string& client) {
  const auto email = domain::normalise_email(raw_email);
  const auto now = s.clock.now();
  const auto& policy = s.settings.throttle;
  const auto by_account = domain::account_key(email, client);
  const auto by_address = domain::address_key(client);
  SignInOutcome outcome;
  std::optional<domain::User> user;
  unguarded_read(s, [&](store::Connection& c) {
    outcome.wait = std::max(domain::wait_left(store::find_sign_in_attempts(c, by_account), now),
                            domain::wait_left(store::find_sign_in_attempts(c, by_address), now));
    user = store::find_user_by_email(c, email);
  });
  AuditRecord record{"", "user", user ? std::optional(user->id) : std::nullopt, std::nullopt,
                     nlohmann::json{{"email", email}}.dump()};
  if (outcome.wait.count() > 0) {
    // Too soon: answered at once, without looking at the password.
    record.action = "sign_in.throttled";
    unguarded_transaction(s, [&](store::Connection& c) { audit(c, s, nullptr, record, client); });
    return outcome;
  }
  // Hashing takes tens of milliseconds: do it outside the write transaction. Verify against a
  // decoy when there is no account, so an unknown address takes the same time as a known one.
  const bool matches = verify_password(user ? user->password_hash : decoy_password_hash(), password);
  const auto rehashed = matches && user && password_needs_rehash(user->password_hash)
                            ? std::optional(hash_password(password))
                            : std::nullopt;
  unguarded_transaction(s, [&](store::Connection& c) {
    auto actor = matches && user ? load_actor(c, user->id, client) : std::nullopt;
    if (!actor) {
      const auto when = domain::to_iso(now);
      const auto account =
          domain::after_failure(store::find_sign_in_attempts(c, by_account), now, policy.free_per_account, policy);
      const auto address =
          domain::after_failure(store::find_sign_in_attempts(c, by_address), now, policy.free_per_address, policy);
      store::save_sign_in_attempts(c, by_account, account, when);
      store::save_sign_in_attempts(c, by_address, address, when);
      record.action = "sign_in.failed";
      audit(c, s, nullptr, record, client);
      return;
    }
    // The address's own count stays: one good sign-in must not buy another run of guesses elsewhere.
    store::clear_sign_in_attempts(c, by_account);
    if (rehashed) store::replace_password_hash(c, user->id, *rehashed);
    // Sign-in is rare enough to pay for housekeeping: nothing expired lingers in the tables.
    store::delete_sessions_idle_since(c, domain::to_iso(now - s.settings.session.idle));
    store::delete_sign_in_attempts_before(c, domain::to_iso(now - policy.forget_after));
    // The password is right; a second factor may still be owed before the session counts.
    const auto stage =
        domain::stage_after_password(store::find_second_factor(c, user->id).secret.has_value(),
                                     domain::second_factor_required(user->role, s.settings.second_factor_roles));
    const auto token = random_token();
    store::insert_session(c, {token_hash(token), user->id, random_token(), domain::to_iso(now), domain::to_iso(now),
                              std::string(domain::stage_code(stage))});
    record.action = stage == domain::SessionStage::SignedIn ? "sign_in" : "sign_in.password";
    audit(c, s, &*actor, record);
    outcome.session_token = token;
  });
  return outcome;
}

std::optional<SignedInSession> resume_session(const Services& s, const std::string& token, const std::string& client) {
  if (token.empty()) return std::nullopt;
  const auto hash = token_hash(token);
  const auto now = s.clock.now();
  std::optional<SignedInSession> result;
  unguarded_read(s, [&](store::Connection& c) {
    auto holder = store::find_session_with_holder(c, hash);
    if (!holder) return;
    const auto& session = holder->session;
    const auto created = domain::parse_iso(session.created_at);
    const auto last_seen = domain::parse_iso(session.last_seen_at);
    if (!created || !last_seen || !domain::session_alive(*created, *last_seen, now, s.settings.session)) {
      store::delete_session(c, hash);
      return;
    }
    auto actor = actor_of(holder->user, holder->organisation, client);
    if (!actor) return;
    // Writing on every request would make reads contend for the write lock; a minute is precise enough.
    if (now - *last_seen >= std::chrono::minutes(1)) store::touch_session(c, hash, domain::to_iso(now));
    result = SignedInSession{std::move(*actor), session.csrf_token, hash, domain::parse_stage(session.stage)};
  });
  return result;
}

void sign_out(const Services& s, const SignedInSession& session) {
  unguarded_transaction(s, [&](store::Connection& c) {
    store::delete_session(c, session.token_hash);
    audit(c, s, &session.actor, {"sign_out", "user", session.actor.user_id, std::nullopt});
  });
}

std::optional<Actor> actor_by_email(const Services& s, const std::string& email, const std::string& client) {
  std::optional<Actor> actor;
  unguarded_read(s, [&](store::Connection& c) {
    if (auto user = store::find_user_by_email(c, domain::normalise_email(email)))
      actor = load_actor(c, user->id, client);
  });
  return actor;
}

void change_password(const Services& s, const SignedInSession& session, const std::string& current,
                     const std::string& replacement, const std::string& confirmation) {
  domain::FieldErrors errors;
  std::string stored_hash;
  unguarded_read(s, [&](store::Connection& c) {
    if (auto user = store::find_user(c, session.actor.user_id)) stored_hash = user->password_hash;
  });
  if (current.empty())
    errors.push_back({"current_password", "Enter your current password"});
  else if (!verify_password(stored_hash, current))
    errors.push_back({"current_password", "Current password is not correct"});
  if (auto problem = domain::password_problem(replacement, s.common_passwords, s.settings.password))
    errors.push_back({"new_password", *problem});
  else if (replacement != confirmation)
    errors.push_back({"confirm_password", "New passwords do not match"});
  if (!errors.empty()) throw Invalid(errors);
  const auto hash = hash_password(replacement);
  unguarded_transaction(s, [&](store::Connection& c) {
    store::update_password_hash(c, session.actor.user_id, hash, s.now_iso());
    store::delete_sessions_of_user(c, session.actor.user_id);
    store::revoke_api_tokens_of(c, session.actor.user_id, s.now_iso());
    store::insert_session(c, {session.token_hash, session.actor.user_id, session.csrf_token, s.now_iso(), s.now_iso(),
                              std::string(domain::stage_code(session.stage))});
    audit(c, s, &session.actor, {"user.change_password", "user", session.actor.user_id, std::nullopt});
  });
}

}  // namespace waypoint::app
