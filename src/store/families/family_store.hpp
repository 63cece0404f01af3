#pragma once
// Invitations to parents and carers, and the links between carers' accounts and children.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct InvitationRow {
  std::int64_t id = 0;
  std::int64_t pupil_id = 0;
  std::int64_t contact_id = 0;
  std::string email;
  std::string contact_name;
  std::string invited_by_name;
  std::string invited_at;
  std::string expires_at;
  std::optional<std::string> accepted_at;
  std::optional<std::string> withdrawn_at;
};

std::int64_t insert_invitation(Connection& c, const InvitationRow& invitation, std::int64_t invited_by,
                               const std::string& token_hash);
// Takes back the invitations to one contact that are still waiting: a new one replaces them.
void withdraw_waiting_invitations(Connection& c, std::int64_t pupil_id, std::int64_t contact_id,
                                  const std::string& now);
std::optional<InvitationRow> find_invitation_by_token(Connection& c, const std::string& token_hash);
// A pupil's invitations, newest first.
std::vector<InvitationRow> invitations_of(Connection& c, std::int64_t pupil_id);
void mark_invitation_accepted(Connection& c, std::int64_t id, std::int64_t user_id, const std::string& now);

struct CarerLinkRow {
  std::int64_t user_id = 0;
  std::string name;
  std::string email;
  std::optional<std::string> linked_at;
  std::optional<std::string> ended_at;
  std::optional<std::string> end_reason;
  std::optional<std::int64_t> contact_id;  // the contact they were invited as
};
// Everyone who can, or could, see the child as a parent or carer: current links first.
std::vector<CarerLinkRow> carer_links_of(Connection& c, std::int64_t pupil_id);
// Links a carer's account to a child, or opens again a link that was ended.
void link_carer(Connection& c, std::int64_t pupil_id, std::int64_t user_id, std::int64_t contact_id,
                const std::string& now);
// Ends a live link; answers whether there was one.
bool end_carer_link(Connection& c, std::int64_t pupil_id, std::int64_t user_id, std::int64_t ended_by,
                    const std::string& reason, const std::string& now);

struct AcknowledgementRow {
  std::int64_t user_id = 0;
  std::string name;
  std::string notice_sent_on;
  std::string acknowledged_at;
};
// Keeps a parent's acknowledgement of the notice sent on `sent_on`; a second one changes nothing.
void acknowledge_notice(Connection& c, std::int64_t placement_id, std::int64_t user_id, const std::string& sent_on,
                        const std::string& now);
// A placement's acknowledgements, of any notice, earliest first.
std::vector<AcknowledgementRow> acknowledgements_of(Connection& c, std::int64_t placement_id);

}  // namespace waypoint::store
