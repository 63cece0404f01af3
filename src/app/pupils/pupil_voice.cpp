#include "app/pupils/pupil_voice.hpp"

#include <nlohmann/json.hpp>

#include "app/calendar/school_calendars.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/school_news.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/calendar/school_calendar.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::app {

PupilVoices pupil_voices(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return run(s, a, {"pupil_voice.list", domain::Action::ReadPupilVoice, "pupil"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& p, AuditRecord&) {
               PupilVoices v{p.record, store::pupil_voices_of(c, pupil_id), false,
                             allowed(a, domain::Action::HearPupilVoice, p.scope)};
               const auto term = domain::term_of(calendar_for_school(c, p.record.school_id), s.today());
               if (term && !v.answers.empty())
                 v.asked_this_half_term = v.answers.front().said.answered_on >= domain::format_date(term->first_day);
               return v;
             });
}

std::int64_t record_pupil_voice(const Services& s, const Actor& a, std::int64_t pupil_id,
                                const domain::PupilVoiceInput& raw) {
  using domain::trimmed;
  const domain::PupilVoiceInput in{
      trimmed(raw.answered_on), trimmed(raw.feeling),        trimmed(raw.helps), trimmed(raw.does_not_help),
      trimmed(raw.wants_next),  trimmed(raw.back_to_school), trimmed(raw.how)};
  return run(s, a, {"pupil_voice.record", domain::Action::HearPupilVoice, "pupil_voice"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>&, AuditRecord& entry) {
               if (auto errors = domain::pupil_voice_problems(in, s.today()); !errors.empty())
                 throw Invalid(std::move(errors));
               const auto id = store::insert_pupil_voice(c, pupil_id, in, a.user_id, s.now_iso());
               entry.entity_id = id;
               entry.detail = nlohmann::json{{"pupil_id", pupil_id}, {"answered_on", in.answered_on}}.dump();
               return id;
             });
}

std::int64_t answer_how_it_is_going(const Services& s, const Actor& a, std::int64_t pupil_id,
                                    const domain::PupilVoiceInput& raw) {
  using domain::trimmed;
  const auto in = domain::own_answers({"", trimmed(raw.feeling), trimmed(raw.helps), trimmed(raw.does_not_help),
                                       trimmed(raw.wants_next), trimmed(raw.back_to_school), "in_waypoint"},
                                      s.today());
  return run(s, a, {"pupil_voice.answer", domain::Action::SayHowItIsGoing, "pupil_voice"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& p, AuditRecord& entry) {
               if (auto errors = domain::own_voice_problems(in); !errors.empty()) throw Invalid(std::move(errors));
               const auto id = store::insert_pupil_voice(c, pupil_id, in, a.user_id, s.now_iso());
               tell_school(c, s, p.record.school_id, domain::SchoolNews::PupilAnswered,
                           "/pupils/" + std::to_string(pupil_id) + "/voice");
               entry.entity_id = id;
               entry.detail = nlohmann::json{{"pupil_id", pupil_id}, {"answered_on", in.answered_on}}.dump();
               return id;
             });
}

std::vector<store::PupilVoiceRow> pupil_said_between(store::Connection& c, const Actor& a, std::int64_t pupil_id,
                                                     const std::string& from, const std::string& to) {
  const auto p = pupil_subject(c, a, pupil_id);
  if (!p || !allowed(a, domain::Action::ReadPupilVoice, p->scope)) return {};
  return store::pupil_voices_of(c, pupil_id, from, to);
}

}  // namespace waypoint::app
