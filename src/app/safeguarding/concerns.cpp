#include "app/safeguarding/concerns.hpp"

#include <nlohmann/json.hpp>

#include "app/alerts/alerts.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/audit.hpp"
#include "app/kernel/errors.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/kernel/text.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

// The facts the policy decides a school's concerns on: the school, its LA, and whether the DSL
// allowed the actor.
bool may_read_concerns(store::Connection& c, const Actor& a, std::int64_t school_id) {
  domain::Scope scope;
  scope.school_id = school_id;
  if (const auto school = store::find_organisation(c, school_id)) scope.local_authority_id = school->parent_id;
  scope.actor_allowed_by_dsl = store::is_concern_reader(c, school_id, a.user_id);
  return allowed(a, domain::Action::ReadConcerns, scope);
}

}  // namespace

std::int64_t record_concern(const Services& s, const Actor& a, std::int64_t pupil_id, const domain::ConcernInput& in) {
  const auto pupil = require_pupil(s, a, pupil_id, "pupil.view");
  require(allowed_on_pupil(s, a, pupil, domain::Action::RecordConcern));
  if (auto errors = domain::concern_problems(in, s.today()); !errors.empty()) throw Invalid(std::move(errors));
  std::int64_t id = 0;
  s.db.transaction([&](store::Connection& c) {
    store::ConcernRow row;
    row.pupil_id = pupil.id;
    row.school_id = pupil.school_id;
    row.category = domain::trimmed(in.category);
    row.happened_on = domain::trimmed(in.happened_on);
    row.what_happened = domain::trimmed(in.what_happened);
    row.action_taken = domain::trimmed(in.action_taken);
    row.logged_by = a.user_id;
    row.logged_at = s.now_iso();
    id = store::insert_concern(c, row);
    audit(c, s, &a, {"concern.record", "concern", id, pupil.id, nlohmann::json{{"category", row.category}}.dump()});
    auto alert =
        alert_for_dsl("safeguarding_concern", pupil.id, pupil.school_id, row.happened_on, "day", std::to_string(id));
    alert.summary = "A safeguarding concern about " + pupil.given_name + " " + pupil.family_name + " was recorded by " +
                    a.display_name + " (" + a.organisation_name + "). Read it on the pupil's " + "concerns page.";
    raise_alert(c, s, &a, alert, nlohmann::json{{"concern_id", id}});
  });
  return id;
}

PupilConcerns concerns_of_pupil(const Services& s, const Actor& a, std::int64_t pupil_id,
                                const store::PageRequest& page) {
  PupilConcerns v;
  v.pupil = require_pupil(s, a, pupil_id, "pupil.view");
  s.db.transaction([&](store::Connection& c) {
    if (const auto school = store::find_organisation(c, v.pupil.school_id)) v.school_name = school->name;
    v.may_read = may_read_concerns(c, a, v.pupil.school_id);
    if (!v.may_read) return;
    v.concerns = store::concerns_of_pupil(c, pupil_id, page);
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& x : v.concerns.items) ids.push_back(x.id);
    audit(c, s, &a, {"concern.list", "pupil", pupil_id, pupil_id, nlohmann::json{{"concern_ids", ids}}.dump()});
  });
  return v;
}

PupilConcerns start_concern(const Services& s, const Actor& a, std::int64_t pupil_id) {
  PupilConcerns v;
  v.pupil = require_pupil(s, a, pupil_id, "pupil.view");
  require(allowed_on_pupil(s, a, v.pupil, domain::Action::RecordConcern));
  s.db.with_connection([&](store::Connection& c) {
    if (const auto school = store::find_organisation(c, v.pupil.school_id)) v.school_name = school->name;
  });
  return v;
}

ConcernView view_concern(const Services& s, const Actor& a, std::int64_t concern_id) {
  ConcernView v;
  bool found = false;
  s.db.transaction([&](store::Connection& c) {
    const auto concern = store::find_concern(c, concern_id);
    found = concern && may_read_concerns(c, a, concern->school_id);
    audit(c, s, &a,
          {found ? "concern.view" : "concern.view_refused", "concern", concern_id,
           concern ? std::optional(concern->pupil_id) : std::nullopt});
    if (!found) return;
    v.concern = *concern;
    v.pupil = *store::find_pupil(c, concern->pupil_id);
    v.follow_ups = store::follow_ups_of(c, concern_id);
  });
  if (!found) throw NotFound();
  return v;
}

void add_follow_up(const Services& s, const Actor& a, std::int64_t concern_id, const std::string& note) {
  bool found = false;
  s.db.transaction([&](store::Connection& c) {
    const auto concern = store::find_concern(c, concern_id);
    found = concern && may_read_concerns(c, a, concern->school_id);
    if (!found) return;
    if (auto errors = domain::follow_up_problems(note); !errors.empty()) throw Invalid(std::move(errors));
    store::insert_follow_up(c, concern_id, domain::trimmed(note), a.user_id, s.now_iso());
    audit(c, s, &a, {"concern.follow_up", "concern", concern_id, concern->pupil_id});
  });
  if (!found) {
    audit_refusal(s, a, "concern.follow_up " + std::to_string(concern_id));
    throw NotFound();
  }
}

std::vector<store::ConcernReader> concern_readers(const Services& s, const Actor& a) {
  require(allowed(a, domain::Action::ChooseConcernReaders));
  std::vector<store::ConcernReader> out;
  s.db.with_connection([&](store::Connection& c) { out = store::concern_readers(c, a.organisation_id); });
  return out;
}

void allow_concern_reader(const Services& s, const Actor& a, const std::string& email) {
  require(allowed(a, domain::Action::ChooseConcernReaders));
  s.db.transaction([&](store::Connection& c) {
    const auto user = store::find_user_by_email(c, domain::trimmed(email));
    if (!user || user->disabled || user->organisation_id != a.organisation_id ||
        !domain::may_be_concern_reader(user->role))
      throw Invalid("email", "Enter the email address of a colleague with an account at " + a.organisation_name);
    store::allow_concern_reader(c, a.organisation_id, user->id, a.user_id, s.now_iso());
    audit(c, s, &a, {"concern.reader_allow", "user", user->id, std::nullopt});
  });
}

void remove_concern_reader(const Services& s, const Actor& a, std::int64_t user_id) {
  require(allowed(a, domain::Action::ChooseConcernReaders));
  s.db.transaction([&](store::Connection& c) {
    store::remove_concern_reader(c, a.organisation_id, user_id);
    audit(c, s, &a, {"concern.reader_remove", "user", user_id, std::nullopt});
  });
}

}  // namespace waypoint::app
