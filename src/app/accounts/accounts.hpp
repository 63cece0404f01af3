#pragma once
// Signing in and out, sessions, API tokens and changing one's own password.
#include <chrono>
#include <optional>
#include <string>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/accounts/second_factor.hpp"

namespace waypoint::app {

struct SignInOutcome {
  std::optional<std::string> session_token;  // set when signed in
  std::chrono::seconds wait{0};              // too many failures: try again after this long
};

SignInOutcome sign_in(const Services& s, const std::string& email, const std::string& password,
                      const std::string& client);

struct SignedInSession {
  Actor actor;
  std::string csrf_token;
  std::string token_hash;
  domain::SessionStage stage = domain::SessionStage::SignedIn;  // the second factor may still be owed
};

// The live session a cookie names; an expired one is removed.
std::optional<SignedInSession> resume_session(const Services& s, const std::string& token, const std::string& client);
void sign_out(const Services& s, const SignedInSession& session);

// Checks the current password and the new one against the policy; signs out the user's other sessions
// and revokes their API tokens.
void change_password(const Services& s, const SignedInSession& session, const std::string& current,
                     const std::string& replacement, const std::string& confirmation);

// The command line acts as a named user, so their permissions apply there as in the pages.
std::optional<Actor> actor_by_email(const Services& s, const std::string& email, const std::string& client);

// Builds the acting user from their account, or nothing if the account is missing or disabled.
std::optional<Actor> load_actor(store::Connection& c, std::int64_t user_id, const std::string& client);

}  // namespace waypoint::app
