#include "app/pupils/pupil_accounts.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/secrets.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/contact.hpp"
#include "domain/kernel/text.hpp"
#include "domain/pupils/pupil_account.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/kernel/mail_store.hpp"

namespace waypoint::app {
namespace {

using domain::Action;

// Written to the pupil: no other name in the subject, and nothing about why they are away from school.
std::string pupil_invitation_mail(const std::string& given_name, const std::string& school, const std::string& link,
                                  const std::string& expires_at) {
  return "Hello " + given_name + ",\r\n\r\n" + school +
         " has given you your own Waypoint account. In it you can see where you should be each day this week, "
         "your plan, and tell the school how it is going for you.\r\n\r\nTo choose your password, open this "
         "link:\r\n" +
         link + "\r\n\r\nThe link works once, until " + domain::uk_time_text(expires_at) +
         ". If you were not expecting this, tell someone at school.\r\n";
}

}  // namespace

bool school_gives_pupil_accounts(const Services& s, const Actor& a) {
  return run(
      s, a, {"pupil_accounts.view", Action::ChoosePupilAccounts, "school", false},
      [&](store::Connection& c, AuditRecord&) { return store::school_gives_pupil_accounts(c, a.organisation_id); });
}

void choose_pupil_accounts(const Services& s, const Actor& a, const std::string& raw) {
  const auto answer = domain::trimmed(raw);
  run(s, a, {"pupil_accounts.choose", Action::ChoosePupilAccounts, "school"},
      [&](store::Connection& c, AuditRecord& entry) {
        if (answer != "yes" && answer != "no")
          throw Invalid("allowed", "Select yes if the school gives its pupils of 11 and over their own accounts");
        store::choose_pupil_accounts(c, a.organisation_id, answer == "yes", a.user_id, s.now_iso());
        entry.entity_id = a.organisation_id;
        entry.detail = nlohmann::json{{"allowed", answer == "yes"}}.dump();
      });
}

PupilAccountView pupil_account_of(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return run(s, a, {"pupil_account.view", Action::ManageFamilyAccess, "pupil", true, true}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& pupil, AuditRecord&) {
               PupilAccountView v;
               v.pupil = pupil.record;
               v.school_gives_accounts = store::school_gives_pupil_accounts(c, pupil.record.school_id);
               const auto born = domain::parse_date(pupil.record.date_of_birth);
               v.cannot_invite = born ? domain::pupil_account_problem(v.school_gives_accounts, pupil.record.given_name,
                                                                      *born, s.today())
                                      : std::optional<std::string>("The pupil's date of birth is not recorded");
               v.school_domain = domain::email_domain(a.email);
               const auto now = s.clock.now();
               for (auto& row : store::pupil_invitations_of(c, pupil_id)) {
                 const auto expires = domain::parse_iso(row.expires_at).value_or(domain::Instant{});
                 const auto state = domain::invitation_state(
                     {expires, row.accepted_at.has_value(), row.withdrawn_at.has_value()}, now);
                 v.invitations.push_back({std::move(row), state});
               }
               v.accounts = store::pupil_accounts_of(c, pupil_id);
               if (!v.accounts.empty() && !v.accounts.front().ended_at && !v.cannot_invite)
                 v.cannot_invite = v.pupil.given_name + " has an open account. End it before inviting them again";
               return v;
             });
}

InvitationSent invite_pupil(const Services& s, const Actor& a, std::int64_t pupil_id, const std::string& raw_email) {
  const auto token = random_token();
  const auto email = domain::normalise_email(raw_email);
  return run(
      s, a, {"pupil_account.invite", Action::ManageFamilyAccess, "pupil_invitation"}, pupil_of(a, pupil_id),
      [&](store::Connection& c, Subject<domain::Pupil>& pupil, AuditRecord& entry) {
        const auto born = domain::parse_date(pupil.record.date_of_birth);
        if (!born) throw Invalid("email", "Record the pupil's date of birth first");
        if (auto problem = domain::pupil_account_problem(store::school_gives_pupil_accounts(c, pupil.record.school_id),
                                                         pupil.record.given_name, *born, s.today()))
          throw Invalid("email", *problem);
        if (store::live_account_of_pupil(c, pupil_id))
          throw Invalid("email", pupil.record.given_name + " has an open account. End it before inviting them again");
        if (auto problem = domain::pupil_address_problem(email, domain::email_domain(a.email)))
          throw Invalid("email", *problem);
        const auto existing = store::find_user_by_email(c, email);
        const bool was_theirs = existing && store::pupil_account_was_for(c, existing->id) == pupil_id;
        if (auto problem = domain::pupil_existing_account_problem(existing.has_value(), was_theirs))
          throw Invalid("email", *problem);
        store::withdraw_waiting_pupil_invitations(c, pupil_id, s.now_iso());
        const auto expires_at = domain::to_iso(s.clock.now() + std::chrono::days(s.settings.invitation_days));
        const auto id =
            store::insert_pupil_invitation(c, pupil_id, email, a.user_id, token_hash(token), s.now_iso(), expires_at);
        const auto school = store::find_organisation(c, pupil.record.school_id);
        const auto school_name = school ? school->name : std::string("Your school");
        const auto link = s.settings.public_url + "/invitation/" + token;
        if (s.settings.mail_enabled)
          store::queue_mail(c, email, "Waypoint: your own account",
                            pupil_invitation_mail(pupil.record.given_name, school_name, link, expires_at), s.now_iso());
        entry.entity_id = id;
        entry.detail =
            nlohmann::json{{"email", email}, {"expires_at", expires_at}, {"mailed", s.settings.mail_enabled}}.dump();
        return InvitationSent{id, expires_at, s.settings.mail_enabled ? std::nullopt : std::optional(link)};
      });
}

void end_pupil_account(const Services& s, const Actor& a, std::int64_t pupil_id, std::int64_t user_id,
                       const std::string& raw_reason) {
  const auto reason = domain::trimmed(raw_reason);
  run(s, a, {"pupil_account.end", Action::ManageFamilyAccess, "pupil_account"}, pupil_of(a, pupil_id),
      [&](store::Connection& c, Subject<domain::Pupil>&, AuditRecord& entry) {
        if (reason.empty())
          throw Invalid("reason", "Say why the account ends, like \"left the school\" or \"asked by the pupil\"");
        if (!store::end_pupil_account(c, pupil_id, user_id, a.user_id, reason, s.now_iso())) throw NotFound();
        entry.entity_id = user_id;
        entry.detail = nlohmann::json{{"user_id", user_id}, {"reason", reason}}.dump();
      });
}

std::optional<domain::Pupil> own_pupil_record(const Services& s, const Actor& a) {
  const auto load = [&a](store::Connection& c) -> std::optional<Subject<domain::Pupil>> {
    const auto id = store::pupil_of_account(c, a.user_id);
    if (!id) return std::nullopt;
    return pupil_subject(c, a, *id);
  };
  if (!may(s, a, Action::SayHowItIsGoing, load)) return std::nullopt;
  return run(s, a, {"pupil_account.own_record", Action::SayHowItIsGoing, "pupil"}, load,
             [](store::Connection&, Subject<domain::Pupil>& p, AuditRecord&) { return p.record; });
}

}  // namespace waypoint::app
