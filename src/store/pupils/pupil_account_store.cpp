#include "store/pupils/pupil_account_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kInvitationSelect =
    "SELECT i.id, i.pupil_id, i.email, u.display_name, i.invited_at, i.expires_at, i.accepted_at, i.withdrawn_at "
    "FROM pupil_invitations i JOIN users u ON u.id = i.invited_by ";

PupilInvitationRow pupil_invitation_from_row(const Row& r) {
  return {r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5), r.opt_text(6), r.opt_text(7)};
}

}  // namespace

bool school_gives_pupil_accounts(Connection& c, std::int64_t school_id) {
  const auto r = c.query_one("SELECT allowed FROM pupil_account_choices WHERE school_id = $1", {integer(school_id)});
  return r && r->boolean(0);
}

void choose_pupil_accounts(Connection& c, std::int64_t school_id, bool allowed, std::int64_t chosen_by,
                           const std::string& now) {
  c.exec(
      "INSERT INTO pupil_account_choices (school_id, allowed, chosen_by, chosen_at) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (school_id) DO UPDATE SET allowed = $2, chosen_by = $3, chosen_at = $4",
      {integer(school_id), integer(allowed ? 1 : 0), integer(chosen_by), now});
}

std::int64_t insert_pupil_invitation(Connection& c, std::int64_t pupil_id, const std::string& email,
                                     std::int64_t invited_by, const std::string& token_hash, const std::string& now,
                                     const std::string& expires_at) {
  return c.insert(
      "INSERT INTO pupil_invitations (pupil_id, email, token_hash, invited_by, invited_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {integer(pupil_id), email, token_hash, integer(invited_by), now, expires_at});
}

void withdraw_waiting_pupil_invitations(Connection& c, std::int64_t pupil_id, const std::string& now) {
  c.exec(
      "UPDATE pupil_invitations SET withdrawn_at = $2 WHERE pupil_id = $1 AND accepted_at IS NULL "
      "AND withdrawn_at IS NULL",
      {integer(pupil_id), now});
}

std::optional<PupilInvitationRow> find_pupil_invitation_by_token(Connection& c, const std::string& token_hash) {
  auto r = c.query_one(std::string(kInvitationSelect) + "WHERE i.token_hash = $1", {token_hash});
  if (!r) return std::nullopt;
  return pupil_invitation_from_row(*r);
}

std::vector<PupilInvitationRow> pupil_invitations_of(Connection& c, std::int64_t pupil_id) {
  return map_rows(
      c.query(std::string(kInvitationSelect) + "WHERE i.pupil_id = $1 ORDER BY i.invited_at DESC, i.id DESC",
              {integer(pupil_id)}),
      pupil_invitation_from_row);
}

void mark_pupil_invitation_accepted(Connection& c, std::int64_t id, std::int64_t user_id, const std::string& now) {
  c.exec("UPDATE pupil_invitations SET accepted_at = $2, accepted_by = $3 WHERE id = $1",
         {integer(id), now, integer(user_id)});
}

std::vector<PupilAccountRow> pupil_accounts_of(Connection& c, std::int64_t pupil_id) {
  return map_rows(c.query("SELECT a.user_id, u.email, a.linked_at, a.ended_at, a.end_reason FROM pupil_accounts a "
                          "JOIN users u ON u.id = a.user_id WHERE a.pupil_id = $1 "
                          "ORDER BY a.ended_at IS NOT NULL, a.linked_at DESC, a.user_id",
                          {integer(pupil_id)}),
                  [](const Row& r) {
                    return PupilAccountRow{r.integer(0), r.text(1), r.text(2), r.opt_text(3), r.opt_text(4)};
                  });
}

void link_pupil_account(Connection& c, std::int64_t pupil_id, std::int64_t user_id, const std::string& now) {
  c.exec(
      "INSERT INTO pupil_accounts (pupil_id, user_id, linked_at) VALUES ($1, $2, $3) "
      "ON CONFLICT (pupil_id, user_id) DO UPDATE SET linked_at = $3, ended_at = NULL, ended_by = NULL, "
      "end_reason = NULL",
      {integer(pupil_id), integer(user_id), now});
}

bool end_pupil_account(Connection& c, std::int64_t pupil_id, std::int64_t user_id, std::int64_t ended_by,
                       const std::string& reason, const std::string& now) {
  return c
      .query_one(
          "UPDATE pupil_accounts SET ended_at = $3, ended_by = $4, end_reason = $5 "
          "WHERE pupil_id = $1 AND user_id = $2 AND ended_at IS NULL RETURNING user_id",
          {integer(pupil_id), integer(user_id), now, integer(ended_by), reason})
      .has_value();
}

std::optional<std::int64_t> live_account_of_pupil(Connection& c, std::int64_t pupil_id) {
  const auto r =
      c.query_one("SELECT user_id FROM pupil_accounts WHERE pupil_id = $1 AND ended_at IS NULL", {integer(pupil_id)});
  if (!r) return std::nullopt;
  return r->integer(0);
}

std::optional<std::int64_t> pupil_of_account(Connection& c, std::int64_t user_id) {
  const auto r =
      c.query_one("SELECT pupil_id FROM pupil_accounts WHERE user_id = $1 AND ended_at IS NULL", {integer(user_id)});
  if (!r) return std::nullopt;
  return r->integer(0);
}

std::vector<std::int64_t> pupil_account_users(Connection& c, std::int64_t pupil_id) {
  return map_rows(
      c.query("SELECT user_id FROM pupil_accounts WHERE pupil_id = $1 ORDER BY user_id", {integer(pupil_id)}),
      [](const Row& r) { return r.integer(0); });
}

std::optional<std::int64_t> pupil_account_was_for(Connection& c, std::int64_t user_id) {
  const auto r = c.query_one("SELECT pupil_id FROM pupil_accounts WHERE user_id = $1", {integer(user_id)});
  if (!r) return std::nullopt;
  return r->integer(0);
}

}  // namespace waypoint::store
