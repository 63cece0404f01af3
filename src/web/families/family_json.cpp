#include "web/families/family_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/time.hpp"

namespace waypoint::web {
namespace {

nlohmann::json optional_time(const std::optional<std::string>& at) {
  return at ? nlohmann::json(*at) : nlohmann::json();
}

}  // namespace

nlohmann::json family_access_json(const app::FamilyAccessView& v) {
  nlohmann::json invitable = nlohmann::json::array();
  for (const auto& k : v.invitable)
    invitable.push_back({{"contact_id", k.id},
                         {"name", k.name},
                         {"relationship", k.relationship},
                         {"email", k.email},
                         {"has_email", !k.email.empty()}});
  nlohmann::json invitations = nlohmann::json::array();
  for (const auto& i : v.invitations)
    invitations.push_back({{"id", i.row.id},
                           {"contact_id", i.row.contact_id},
                           {"name", i.row.contact_name},
                           {"email", i.row.email},
                           {"invited_by", i.row.invited_by_name},
                           {"invited_at", i.row.invited_at},
                           {"invited_at_text", domain::uk_time_text(i.row.invited_at)},
                           {"expires_at", i.row.expires_at},
                           {"expires_at_text", domain::uk_time_text(i.row.expires_at)},
                           {"accepted_at", optional_time(i.row.accepted_at)},
                           {"state", std::string(domain::invitation_state_label(i.state))},
                           {"waiting", i.state == domain::InvitationState::Waiting}});
  nlohmann::json carers = nlohmann::json::array();
  for (const auto& c : v.carers)
    carers.push_back({{"user_id", c.user_id},
                      {"name", c.name},
                      {"email", c.email},
                      {"linked_at", optional_time(c.linked_at)},
                      {"linked_at_text", c.linked_at ? domain::uk_time_text(*c.linked_at) : ""},
                      {"ended_at", optional_time(c.ended_at)},
                      {"ended_at_text", c.ended_at ? domain::uk_time_text(*c.ended_at) : ""},
                      {"end_reason", c.end_reason.value_or("")},
                      {"current", !c.ended_at.has_value()}});
  return {{"pupil_id", v.pupil.id},
          {"invitable", std::move(invitable)},
          {"invitations", std::move(invitations)},
          {"carers", std::move(carers)}};
}

}  // namespace waypoint::web
