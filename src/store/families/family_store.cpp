#include "store/families/family_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kInvitationSelect =
    "SELECT i.id, i.pupil_id, i.contact_id, i.email, k.name, u.display_name, i.invited_at, i.expires_at, "
    "i.accepted_at, i.withdrawn_at FROM family_invitations i JOIN pupil_contacts k ON k.id = i.contact_id "
    "JOIN users u ON u.id = i.invited_by ";

InvitationRow invitation_from_row(const Row& r) {
  return {r.integer(0), r.integer(1), r.integer(2), r.text(3),     r.text(4),
          r.text(5),    r.text(6),    r.text(7),    r.opt_text(8), r.opt_text(9)};
}

}  // namespace

std::int64_t insert_invitation(Connection& c, const InvitationRow& i, std::int64_t invited_by,
                               const std::string& token_hash) {
  return c.insert(
      "INSERT INTO family_invitations (pupil_id, contact_id, email, token_hash, invited_by, invited_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {integer(i.pupil_id), integer(i.contact_id), i.email, token_hash, integer(invited_by), i.invited_at,
       i.expires_at});
}

void withdraw_waiting_invitations(Connection& c, std::int64_t pupil_id, std::int64_t contact_id,
                                  const std::string& now) {
  c.exec(
      "UPDATE family_invitations SET withdrawn_at = $3 WHERE pupil_id = $1 AND contact_id = $2 "
      "AND accepted_at IS NULL AND withdrawn_at IS NULL",
      {integer(pupil_id), integer(contact_id), now});
}

std::optional<InvitationRow> find_invitation_by_token(Connection& c, const std::string& token_hash) {
  auto r = c.query_one(std::string(kInvitationSelect) + "WHERE i.token_hash = $1", {token_hash});
  if (!r) return std::nullopt;
  return invitation_from_row(*r);
}

std::vector<InvitationRow> invitations_of(Connection& c, std::int64_t pupil_id) {
  return map_rows(
      c.query(std::string(kInvitationSelect) + "WHERE i.pupil_id = $1 ORDER BY i.invited_at DESC, i.id DESC",
              {integer(pupil_id)}),
      invitation_from_row);
}

void mark_invitation_accepted(Connection& c, std::int64_t id, std::int64_t user_id, const std::string& now) {
  c.exec("UPDATE family_invitations SET accepted_at = $2, accepted_by = $3 WHERE id = $1",
         {integer(id), now, integer(user_id)});
}

std::vector<CarerLinkRow> carer_links_of(Connection& c, std::int64_t pupil_id) {
  return map_rows(
      c.query("SELECT g.user_id, u.display_name, u.email, g.linked_at, g.ended_at, g.end_reason, g.contact_id "
              "FROM pupil_guardians g JOIN users u ON u.id = g.user_id WHERE g.pupil_id = $1 "
              "ORDER BY g.ended_at IS NOT NULL, u.display_name, g.user_id",
              {integer(pupil_id)}),
      [](const Row& r) {
        return CarerLinkRow{r.integer(0),  r.text(1),     r.text(2),       r.opt_text(3),
                            r.opt_text(4), r.opt_text(5), r.opt_integer(6)};
      });
}

void link_carer(Connection& c, std::int64_t pupil_id, std::int64_t user_id, std::int64_t contact_id,
                const std::string& now) {
  c.exec(
      "INSERT INTO pupil_guardians (pupil_id, user_id, contact_id, linked_at) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (pupil_id, user_id) DO UPDATE SET contact_id = $3, linked_at = $4, ended_at = NULL, "
      "ended_by = NULL, end_reason = NULL",
      {integer(pupil_id), integer(user_id), integer(contact_id), now});
}

bool end_carer_link(Connection& c, std::int64_t pupil_id, std::int64_t user_id, std::int64_t ended_by,
                    const std::string& reason, const std::string& now) {
  return c
      .query_one(
          "UPDATE pupil_guardians SET ended_at = $3, ended_by = $4, end_reason = $5 "
          "WHERE pupil_id = $1 AND user_id = $2 AND ended_at IS NULL RETURNING user_id",
          {integer(pupil_id), integer(user_id), now, integer(ended_by), reason})
      .has_value();
}

void acknowledge_notice(Connection& c, std::int64_t placement_id, std::int64_t user_id, const std::string& sent_on,
                        const std::string& now) {
  c.exec(
      "INSERT INTO notice_acknowledgements (placement_id, user_id, notice_sent_on, acknowledged_at) "
      "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
      {integer(placement_id), integer(user_id), sent_on, now});
}

std::vector<AcknowledgementRow> acknowledgements_of(Connection& c, std::int64_t placement_id) {
  return map_rows(c.query("SELECT a.user_id, u.display_name, a.notice_sent_on, a.acknowledged_at "
                          "FROM notice_acknowledgements a JOIN users u ON u.id = a.user_id "
                          "WHERE a.placement_id = $1 ORDER BY a.acknowledged_at, a.user_id",
                          {integer(placement_id)}),
                  [](const Row& r) {
                    return AcknowledgementRow{r.integer(0), r.text(1), r.text(2), r.text(3)};
                  });
}

}  // namespace waypoint::store
