#include "app/letters/letters.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "domain/letters/letters.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/families/family_store.hpp"
#include "store/kernel/mail_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {

void send_letters(store::Connection& c, const Services& s, std::int64_t pupil_id, const std::string& kind,
                  std::int64_t about_id, const std::string& title) {
  std::vector<domain::CarerAccount> accounts;
  for (const auto& link : store::carer_links_of(c, pupil_id))
    if (!link.ended_at) accounts.push_back({link.user_id, link.contact_id, link.name, link.email});
  const auto pupil = store::find_pupil(c, pupil_id);
  const auto school = pupil ? store::find_organisation(c, pupil->school_id) : std::nullopt;
  const auto school_name = school ? school->name : std::string("Your child's school");
  const auto now = s.now_iso();
  for (const auto& r : domain::letter_recipients(store::list_contacts(c, pupil_id), accounts)) {
    const bool online = r.channel == domain::LetterChannel::Waypoint;
    store::insert_letter(c, {0, pupil_id, kind, about_id, title, r.name, r.contact_id, r.user_id,
                             std::string(domain::letter_channel_code(r.channel)), r.address, now,
                             online ? std::optional(now) : std::nullopt, std::nullopt, std::nullopt, ""});
    if (online && s.settings.mail_enabled) {
      const auto mail = domain::letter_mail(r.name, school_name, s.settings.public_url + "/letters");
      store::queue_mail(c, r.email, mail.subject, mail.body, now);
    }
  }
}

void letters_read(store::Connection& c, const Services& s, const Actor& a, const std::string& kind,
                  std::int64_t about_id) {
  // Only letters addressed to this account are marked: staff reading the document mark none.
  store::mark_letters_read(c, a.user_id, kind, about_id, s.now_iso());
}

PupilLetters pupil_letters(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return run(s, a, {"letter.list", domain::Action::SendLetters, "pupil"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& p, AuditRecord&) {
               return PupilLetters{p.record, store::letters_of_pupil(c, pupil_id)};
             });
}

void record_letter_posted(const Services& s, const Actor& a, std::int64_t letter_id, const std::string& posted_on) {
  // The letter is the school's to post when its pupil is the school's.
  const auto letter_pupil = [&](store::Connection& c) -> std::optional<Subject<domain::Pupil>> {
    const auto l = store::find_letter(c, letter_id);
    if (!l) return std::nullopt;
    return pupil_subject(c, a, l->pupil_id);
  };
  run(s, a, {"letter.posted", domain::Action::SendLetters, "letter"}, letter_pupil,
      [&](store::Connection& c, Subject<domain::Pupil>&, AuditRecord& entry) {
        const auto on = domain::trimmed(posted_on);
        const auto day = domain::parse_date(on);
        if (!day) throw Invalid("posted_on", "Enter the date the letter was posted, like 27 11 2026");
        if (std::chrono::sys_days(*day) > std::chrono::sys_days(s.today()))
          throw Invalid("posted_on", "The date the letter was posted must be today or in the past");
        if (!store::mark_letter_posted(c, letter_id, on, a.user_id, s.now_iso()))
          throw Invalid("posted_on", "This letter is not waiting to be posted");
        entry.entity_id = letter_id;
        entry.detail = nlohmann::json{{"posted_on", on}}.dump();
      });
}

std::vector<store::LetterRow> my_letters(const Services& s, const Actor& a) {
  return run(s, a, {"letter.mine", domain::Action::ReadOwnLetters, "letter"},
             [&](store::Connection& c, AuditRecord&) { return store::letters_to_user(c, a.user_id); });
}

std::string letter_document_path(const store::LetterRow& l) {
  if (l.kind == "review_summary") return "/reviews/" + std::to_string(l.about_id);
  if (l.kind == "restrictive_intervention") return "/interventions/" + std::to_string(l.about_id);
  return "/placements/" + std::to_string(l.about_id) + "/notice";
}

}  // namespace waypoint::app
