#pragma once
// The pupil's own account: the school's choice to give pupils accounts, invitations to pupils at
// their school address, and the links between a pupil and the account that is theirs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

// Whether the school gives its pupils their own accounts (no choice made yet: it does not).
bool school_gives_pupil_accounts(Connection& c, std::int64_t school_id);
void choose_pupil_accounts(Connection& c, std::int64_t school_id, bool allowed, std::int64_t chosen_by,
                           const std::string& now);

struct PupilInvitationRow {
  std::int64_t id = 0;
  std::int64_t pupil_id = 0;
  std::string email;
  std::string invited_by_name;
  std::string invited_at;
  std::string expires_at;
  std::optional<std::string> accepted_at;
  std::optional<std::string> withdrawn_at;
};
std::int64_t insert_pupil_invitation(Connection& c, std::int64_t pupil_id, const std::string& email,
                                     std::int64_t invited_by, const std::string& token_hash, const std::string& now,
                                     const std::string& expires_at);
// A new invitation replaces those still waiting.
void withdraw_waiting_pupil_invitations(Connection& c, std::int64_t pupil_id, const std::string& now);
std::optional<PupilInvitationRow> find_pupil_invitation_by_token(Connection& c, const std::string& token_hash);
std::vector<PupilInvitationRow> pupil_invitations_of(Connection& c, std::int64_t pupil_id);  // newest first
void mark_pupil_invitation_accepted(Connection& c, std::int64_t id, std::int64_t user_id, const std::string& now);

struct PupilAccountRow {
  std::int64_t user_id = 0;
  std::string email;
  std::string linked_at;
  std::optional<std::string> ended_at;
  std::optional<std::string> end_reason;
};
// The accounts that are or were the pupil's: the live one first.
std::vector<PupilAccountRow> pupil_accounts_of(Connection& c, std::int64_t pupil_id);
// Links the account to the pupil, or opens again a link that was ended.
void link_pupil_account(Connection& c, std::int64_t pupil_id, std::int64_t user_id, const std::string& now);
// Ends the live link; answers whether there was one.
bool end_pupil_account(Connection& c, std::int64_t pupil_id, std::int64_t user_id, std::int64_t ended_by,
                       const std::string& reason, const std::string& now);
// The live account of the pupil, if they have one.
std::optional<std::int64_t> live_account_of_pupil(Connection& c, std::int64_t pupil_id);
// The pupil whose account this is while it is live.
std::optional<std::int64_t> pupil_of_account(Connection& c, std::int64_t user_id);
// Every account that is or was the pupil's own.
std::vector<std::int64_t> pupil_account_users(Connection& c, std::int64_t pupil_id);
// The pupil an account was ever made for, live or ended.
std::optional<std::int64_t> pupil_account_was_for(Connection& c, std::int64_t user_id);

}  // namespace waypoint::store
