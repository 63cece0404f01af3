#include "app/safeguarding/concerns.hpp"

#include <nlohmann/json.hpp>

#include "app/alerts/alerts.hpp"
#include "app/kernel/errors.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/kernel/text.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

using domain::Action;

// A pupil's scope with whether the school's DSL allowed the actor to read its concerns.
void add_readers(store::Connection& c, const Actor& a, Subject<domain::Pupil>& pupil) {
  pupil.scope.actor_allowed_by_dsl = store::is_concern_reader(c, pupil.record.school_id, a.user_id);
}

// A concern, seen through its pupil.
struct ConcernSubject {
  store::ConcernRow concern;
  domain::Pupil pupil;
};

auto concern_of(const Actor& a, std::int64_t concern_id) {
  return [&a, concern_id](store::Connection& c) -> std::optional<Subject<ConcernSubject>> {
    auto concern = store::find_concern(c, concern_id);
    if (!concern) return std::nullopt;
    auto pupil = pupil_subject(c, a, concern->pupil_id);
    if (!pupil) return std::nullopt;
    add_readers(c, a, *pupil);
    return Subject<ConcernSubject>{
        {std::move(*concern), std::move(pupil->record)}, pupil->scope, concern_id, pupil->pupil_id};
  };
}

std::string school_name_of(store::Connection& c, const domain::Pupil& p) {
  const auto school = store::find_organisation(c, p.school_id);
  return school ? school->name : "";
}

}  // namespace

std::int64_t record_concern(const Services& s, const Actor& a, std::int64_t pupil_id, const domain::ConcernInput& in) {
  return run(s, a, {"concern.record", Action::RecordConcern, "concern"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& subject, AuditRecord& entry) {
               const auto& pupil = subject.record;
               if (auto errors = domain::concern_problems(in, s.today()); !errors.empty())
                 throw Invalid(std::move(errors));
               store::ConcernRow row;
               row.pupil_id = pupil.id;
               row.school_id = pupil.school_id;
               row.category = domain::trimmed(in.category);
               row.happened_on = domain::trimmed(in.happened_on);
               row.what_happened = domain::trimmed(in.what_happened);
               row.action_taken = domain::trimmed(in.action_taken);
               row.logged_by = a.user_id;
               row.logged_at = s.now_iso();
               const auto id = store::insert_concern(c, row);
               entry.entity_id = id;
               entry.detail = nlohmann::json{{"category", row.category}}.dump();
               auto alert = alert_for_dsl("safeguarding_concern", pupil.id, pupil.school_id, row.happened_on, "day",
                                          std::to_string(id));
               alert.summary = "A safeguarding concern about " + pupil.given_name + " " + pupil.family_name +
                               " was recorded by " + a.display_name + " (" + a.organisation_name +
                               "). Read it on the pupil's " + "concerns page.";
               raise_alert(c, s, &a, alert, nlohmann::json{{"concern_id", id}});
               return id;
             });
}

PupilConcerns concerns_of_pupil(const Services& s, const Actor& a, std::int64_t pupil_id,
                                const store::PageRequest& page) {
  // Anyone who sees the pupil may record a concern; only those the policy lets read them see the list.
  return run(s, a, {"concern.list", Action::ViewPupil, "pupil"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& subject, AuditRecord& entry) {
               PupilConcerns v;
               v.pupil = subject.record;
               v.school_name = school_name_of(c, v.pupil);
               add_readers(c, a, subject);
               v.may_read = allowed(a, Action::ReadConcerns, subject.scope);
               if (!v.may_read) {
                 entry.action = "pupil.view";
                 return v;
               }
               v.concerns = store::concerns_of_pupil(c, pupil_id, page);
               nlohmann::json ids = nlohmann::json::array();
               for (const auto& x : v.concerns.items) ids.push_back(x.id);
               entry.detail = nlohmann::json{{"concern_ids", ids}}.dump();
               return v;
             });
}

PupilConcerns start_concern(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return run(s, a, {"pupil.view", Action::RecordConcern, "pupil"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& subject, AuditRecord&) {
               PupilConcerns v;
               v.pupil = subject.record;
               v.school_name = school_name_of(c, v.pupil);
               return v;
             });
}

ConcernView view_concern(const Services& s, const Actor& a, std::int64_t concern_id) {
  return run(s, a, {"concern.view", Action::ReadConcern, "concern"}, concern_of(a, concern_id),
             [&](store::Connection& c, Subject<ConcernSubject>& subject, AuditRecord&) {
               return ConcernView{subject.record.concern, subject.record.pupil, store::follow_ups_of(c, concern_id)};
             });
}

void add_follow_up(const Services& s, const Actor& a, std::int64_t concern_id, const std::string& note) {
  run(s, a, {"concern.follow_up", Action::ReadConcern, "concern"}, concern_of(a, concern_id),
      [&](store::Connection& c, Subject<ConcernSubject>&, AuditRecord&) {
        if (auto errors = domain::follow_up_problems(note); !errors.empty()) throw Invalid(std::move(errors));
        store::insert_follow_up(c, concern_id, domain::trimmed(note), a.user_id, s.now_iso());
      });
}

std::vector<store::ConcernReader> concern_readers(const Services& s, const Actor& a) {
  return run(s, a, {"concern.readers_view", Action::ChooseConcernReaders, "organisation", false},
             [&](store::Connection& c, AuditRecord&) { return store::concern_readers(c, a.organisation_id); });
}

void allow_concern_reader(const Services& s, const Actor& a, const std::string& email) {
  run(s, a, {"concern.reader_allow", Action::ChooseConcernReaders, "user"},
      [&](store::Connection& c, AuditRecord& entry) {
        const auto user = store::find_user_by_email(c, domain::trimmed(email));
        if (!user || user->disabled || user->organisation_id != a.organisation_id ||
            !domain::may_be_concern_reader(user->role))
          throw Invalid("email", "Enter the email address of a colleague with an account at " + a.organisation_name);
        store::allow_concern_reader(c, a.organisation_id, user->id, a.user_id, s.now_iso());
        entry.entity_id = user->id;
      });
}

void remove_concern_reader(const Services& s, const Actor& a, std::int64_t user_id) {
  run(s, a, {"concern.reader_remove", Action::ChooseConcernReaders, "user"},
      [&](store::Connection& c, AuditRecord& entry) {
        store::remove_concern_reader(c, a.organisation_id, user_id);
        entry.entity_id = user_id;
      });
}

}  // namespace waypoint::app
