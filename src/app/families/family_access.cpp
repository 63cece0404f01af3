#include "app/families/family_access.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/secrets.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/kernel/contact.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/kernel/mail_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

using domain::Action;

std::string invitation_link(const Services& s, const std::string& token) {
  return s.settings.public_url + "/invitation/" + token;
}

// No child's name in the subject: it is read on lock screens and in shared inboxes.
std::string invitation_mail_body(const std::string& carer, const std::string& school, const std::string& link,
                                 const std::string& expires_at) {
  return "Dear " + carer + ",\r\n\r\n" + school +
         " uses Waypoint to arrange and follow your child's education away from the school. It invites you to "
         "see where your child should be each day, their plan, their attendance and their reviews, and to "
         "answer the school online.\r\n\r\nTo set your password, open this link:\r\n" +
         link + "\r\n\r\nThe link works once, until " + domain::uk_time_text(expires_at) +
         ". If you were not expecting this, you can ignore it; please tell the school.\r\n";
}

}  // namespace

FamilyAccessView family_access(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return run(s, a, {"family.view", Action::ManageFamilyAccess, "pupil", true, true}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& pupil, AuditRecord&) {
               FamilyAccessView v;
               v.pupil = pupil.record;
               v.can_manage = true;
               for (auto& k : store::list_contacts(c, pupil_id))
                 if (k.is_parent_or_carer() && k.parental_responsibility) v.invitable.push_back(std::move(k));
               const auto now = s.clock.now();
               for (auto& row : store::invitations_of(c, pupil_id)) {
                 const auto expires = domain::parse_iso(row.expires_at).value_or(domain::Instant{});
                 const auto state = domain::invitation_state(
                     {expires, row.accepted_at.has_value(), row.withdrawn_at.has_value()}, now);
                 v.invitations.push_back({std::move(row), state});
               }
               v.carers = store::carer_links_of(c, pupil_id);
               return v;
             });
}

InvitationSent invite_carer(const Services& s, const Actor& a, std::int64_t pupil_id, const std::string& contact_text) {
  const auto token = random_token();
  return run(
      s, a, {"family.invite", Action::ManageFamilyAccess, "family_invitation"}, pupil_of(a, pupil_id),
      [&](store::Connection& c, Subject<domain::Pupil>& pupil, AuditRecord& entry) {
        const auto contact_id = domain::parse_whole_number(domain::trimmed(contact_text));
        std::optional<domain::PupilContact> contact;
        if (contact_id)
          for (auto& k : store::list_contacts(c, pupil_id))
            if (k.id == *contact_id) contact = std::move(k);
        if (!contact) throw Invalid("contact_id", "Select a parent or carer from the pupil's contacts");
        if (auto problem = domain::invitation_problem(*contact)) throw Invalid("contact_id", *problem);
        const auto email = domain::normalise_email(contact->email);
        const auto existing = store::find_user_by_email(c, email);
        if (auto problem = domain::existing_account_problem(existing ? std::optional(existing->role) : std::nullopt))
          throw Invalid("contact_id", *problem + ". Use the carer's own address");
        store::withdraw_waiting_invitations(c, pupil_id, contact->id, s.now_iso());
        store::InvitationRow row;
        row.pupil_id = pupil_id;
        row.contact_id = contact->id;
        row.email = email;
        row.invited_at = s.now_iso();
        row.expires_at = domain::to_iso(s.clock.now() + std::chrono::days(s.settings.invitation_days));
        const auto id = store::insert_invitation(c, row, a.user_id, token_hash(token));
        const auto school = store::find_organisation(c, pupil.record.school_id);
        const auto school_name = school ? school->name : std::string("Your child's school");
        const auto link = invitation_link(s, token);
        if (s.settings.mail_enabled)
          store::queue_mail(c, email, "Waypoint: an invitation from " + school_name,
                            invitation_mail_body(contact->name, school_name, link, row.expires_at), s.now_iso());
        entry.entity_id = id;
        entry.detail = nlohmann::json{{"contact_id", contact->id},
                                      {"email", email},
                                      {"expires_at", row.expires_at},
                                      {"mailed", s.settings.mail_enabled}}
                           .dump();
        return InvitationSent{id, row.expires_at, s.settings.mail_enabled ? std::nullopt : std::optional(link)};
      });
}

void end_carer_access(const Services& s, const Actor& a, std::int64_t pupil_id, std::int64_t user_id,
                      const std::string& raw_reason) {
  const auto reason = domain::trimmed(raw_reason);
  run(s, a, {"family.end_access", Action::ManageFamilyAccess, "pupil_guardian"}, pupil_of(a, pupil_id),
      [&](store::Connection& c, Subject<domain::Pupil>&, AuditRecord& entry) {
        if (auto errors = domain::end_access_problems(reason); !errors.empty()) throw Invalid(std::move(errors));
        if (!store::end_carer_link(c, pupil_id, user_id, a.user_id, reason, s.now_iso())) throw NotFound();
        entry.entity_id = user_id;
        entry.detail = nlohmann::json{{"user_id", user_id}, {"reason", reason}}.dump();
      });
}

}  // namespace waypoint::app
