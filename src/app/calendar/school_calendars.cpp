#include "app/calendar/school_calendars.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/text.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "domain/placements/timetable.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/calendar/calendar_store.hpp"
#include "store/kernel/embedded.hpp"

namespace waypoint::app {
namespace {

const std::set<std::chrono::sys_days>& bank_holidays() {
  static const auto days = domain::read_dates(store::embedded_file("resources/bank-holidays-england.txt").value_or(""));
  return days;
}

void add_closures(store::Connection& c, std::int64_t organisation_id, domain::SchoolCalendar& calendar) {
  for (const auto& row : store::closures_of(c, organisation_id))
    if (auto d = domain::parse_date(row.day)) calendar.closed.insert(std::chrono::sys_days(*d));
}

// A school keeps its own terms, or follows its local authority's when it keeps none.
void add_terms(const std::vector<store::TermRow>& own, const std::vector<store::TermRow>* la,
               domain::SchoolCalendar& calendar) {
  for (const auto& t : own.empty() && la ? *la : own) {
    const auto first = domain::parse_date(t.first_day);
    const auto last = domain::parse_date(t.last_day);
    if (first && last) calendar.terms.push_back({*first, *last});
  }
}

// The school's own calendar, its LA (`parent`) already known.
domain::SchoolCalendar own_calendar(store::Connection& c, std::int64_t school_id, std::optional<std::int64_t> parent) {
  domain::SchoolCalendar calendar;
  calendar.closed = bank_holidays();
  const auto terms = store::terms_of(c, school_id);
  std::vector<store::TermRow> la_terms;
  if (parent) {
    add_closures(c, *parent, calendar);
    if (terms.empty()) la_terms = store::terms_of(c, *parent);
  }
  add_closures(c, school_id, calendar);
  add_terms(terms, &la_terms, calendar);
  return calendar;
}

}  // namespace

domain::SchoolCalendar calendar_for_school(store::Connection& c, std::int64_t school_id) {
  const auto school = store::find_organisation(c, school_id);
  return own_calendar(c, school_id, school ? school->parent_id : std::nullopt);
}

std::optional<store::Read> SchoolCalendars::revision_read() {
  if (!cache_ || revision_) return std::nullopt;
  return store::calendar_revision_read(revision_.emplace());
}

const domain::SchoolCalendar& SchoolCalendars::of(std::int64_t school_id) {
  if (const auto it = read_.find(school_id); it != read_.end()) return *it->second;
  if (cache_ && !revision_) revision_ = store::calendar_revision(c_);
  auto calendar = cache_ ? cache_->school(*revision_, school_id) : nullptr;
  if (!calendar) {
    calendar = read(school_id);
    if (cache_) cache_->keep_school(*revision_, school_id, calendar);
  }
  return *read_.emplace(school_id, std::move(calendar)).first->second;
}

void SchoolCalendars::know_every_school() {
  if (!keepers_) keepers_ = store::school_calendar_keepers(c_);
}

CalendarCache::Calendar SchoolCalendars::read(std::int64_t school_id) {
  const store::SchoolCalendarKeeper* known = nullptr;
  if (keepers_)
    if (const auto it = keepers_->find(school_id); it != keepers_->end()) known = &it->second;
  std::optional<std::int64_t> parent;
  bool keeps_own = false;
  if (known) {
    parent = known->parent_id;
    keeps_own = known->keeps_own;
  } else {
    const auto school = store::find_organisation(c_, school_id);
    parent = school ? school->parent_id : std::nullopt;
    keeps_own = parent && store::keeps_own_calendar(c_, school_id);
  }
  if (parent && !keeps_own) return area(*parent);
  return std::make_shared<const domain::SchoolCalendar>(own_calendar(c_, school_id, parent));
}

CalendarCache::Calendar SchoolCalendars::area(std::int64_t la_id) {
  if (const auto it = areas_.find(la_id); it != areas_.end()) return it->second;
  auto calendar = cache_ ? cache_->area(*revision_, la_id) : nullptr;
  if (!calendar) {
    calendar = std::make_shared<const domain::SchoolCalendar>(calendar_for_area(c_, la_id));
    if (cache_) cache_->keep_area(*revision_, la_id, calendar);
  }
  return areas_.emplace(la_id, std::move(calendar)).first->second;
}

domain::SchoolCalendar calendar_for_area(store::Connection& c, std::int64_t la_id) {
  domain::SchoolCalendar calendar;
  calendar.closed = bank_holidays();
  add_closures(c, la_id, calendar);
  add_terms(store::terms_of(c, la_id), nullptr, calendar);
  return calendar;
}

std::map<std::int64_t, bool> schools_open_on(store::Connection& c, const std::vector<std::int64_t>& school_ids,
                                             domain::Date day) {
  const auto parents = store::parents_of(c, school_ids);
  std::set<std::int64_t> keepers(school_ids.begin(), school_ids.end());  // a register's schools share an LA
  for (const auto& [school, parent] : parents) keepers.insert(parent);
  const std::vector<std::int64_t> keeper_ids(keepers.begin(), keepers.end());
  const auto terms = store::terms_of_each(c, keeper_ids);
  const auto closed = store::closed_on(c, keeper_ids, domain::format_date(day));
  // Whether `day` falls in one of each keeper's terms, read once a keeper rather than once a
  // school: thirty schools of one LA share its eighteen half terms.
  std::map<std::int64_t, bool> in_term;
  for (const auto& [keeper, rows] : terms) {
    domain::SchoolCalendar calendar;
    add_terms(rows, nullptr, calendar);
    in_term[keeper] = domain::is_school_day(calendar, day);
  }
  const bool bank_holiday = bank_holidays().count(std::chrono::sys_days(day)) > 0;
  std::map<std::int64_t, bool> open;
  for (const auto school : school_ids) {
    // As calendar_for_school: the school's terms, else its LA's; its own and its LA's closures.
    const auto parent = parents.find(school);
    const auto keeper = terms.count(school) || parent == parents.end() ? school : parent->second;
    const auto term = in_term.find(keeper);
    open[school] = term != in_term.end() && term->second && !bank_holiday && !closed.count(school) &&
                   (parent == parents.end() || !closed.count(parent->second));
  }
  return open;
}

int full_time_minutes_for(store::Connection& c, std::int64_t school_id) {
  return store::full_time_minutes(c, school_id).value_or(domain::kFullTimeWeekMinutes);
}

namespace {

// The organisation whose calendar the actor keeps or reads: their school, or their LA.
std::int64_t calendar_owner(const Actor& a) {
  const auto keeper = domain::calendar_keeper(principal_of(a));
  if (keeper.scope == domain::ListScope::None) throw Denied();
  return keeper.id;
}

std::vector<domain::Term> as_terms(const std::vector<store::TermRow>& rows) {
  std::vector<domain::Term> out;
  for (const auto& t : rows)
    if (auto f = domain::parse_date(t.first_day), l = domain::parse_date(t.last_day); f && l) out.push_back({*f, *l});
  return out;
}

template <typename Work>
void keep_calendar(const Services& s, const Actor& a, const char* action, const nlohmann::json& detail, Work work) {
  run(s, a, {action, domain::Action::KeepCalendar, "organisation"}, [&](store::Connection& c, AuditRecord& entry) {
    const auto owner = calendar_owner(a);
    work(c, owner);
    entry.entity_id = owner;
    entry.detail = detail.dump();
  });
}

}  // namespace

CalendarView view_calendar(const Services& s, const Actor& a) {
  // Term dates are not personal data: only a refusal is audited.
  return run(s, a, {"calendar.view", domain::Action::ViewCalendar, "organisation", false},
             [&](store::Connection& c, AuditRecord&) {
               const auto owner = calendar_owner(a);
               CalendarView v;
               v.is_school = domain::calendar_keeper(principal_of(a)).scope == domain::ListScope::School;
               v.organisation_name = a.organisation_name;
               v.can_edit = allowed(a, domain::Action::KeepCalendar);
               v.terms = store::terms_of(c, owner);
               v.closures = store::closures_of(c, owner);
               if (v.is_school && v.terms.empty()) {
                 if (auto school = store::find_organisation(c, owner); school && school->parent_id) {
                   v.terms = store::terms_of(c, *school->parent_id);
                   v.follows_local_authority = true;
                 }
               }
               v.full_time_minutes = full_time_minutes_for(c, owner);
               return v;
             });
}

void add_term(const Services& s, const Actor& a, const std::string& name, const std::string& first_day,
              const std::string& last_day) {
  const auto n = domain::trimmed(name), f = domain::trimmed(first_day), l = domain::trimmed(last_day);
  keep_calendar(s, a, "calendar.term_add", {{"name", n}, {"first_day", f}, {"last_day", l}},
                [&](store::Connection& c, std::int64_t owner) {
                  auto errors = domain::term_problems(n, f, l, as_terms(store::terms_of(c, owner)));
                  if (!errors.empty()) throw Invalid(std::move(errors));
                  store::insert_term(c, owner, {0, n, f, l});
                });
}

void remove_term(const Services& s, const Actor& a, std::int64_t term_id) {
  keep_calendar(s, a, "calendar.term_remove", {{"term_id", term_id}},
                [&](store::Connection& c, std::int64_t owner) { store::delete_term(c, owner, term_id, s.now_iso()); });
}

void add_closure(const Services& s, const Actor& a, const std::string& day, const std::string& reason) {
  const auto d = domain::trimmed(day), r = domain::trimmed(reason);
  keep_calendar(s, a, "calendar.closure_add", {{"day", d}, {"reason", r}},
                [&](store::Connection& c, std::int64_t owner) {
                  domain::FieldErrors errors;
                  if (!domain::parse_date(d))
                    errors.push_back({"closure_day", "Date must be a real date, like 2027-01-04"});
                  if (r.empty()) errors.push_back({"closure_reason", "Say why the school is closed, like INSET day"});
                  if (!errors.empty()) throw Invalid(std::move(errors));
                  store::insert_closure(c, owner, {d, r}, s.now_iso());
                });
}

void remove_closure(const Services& s, const Actor& a, const std::string& day) {
  keep_calendar(s, a, "calendar.closure_remove", {{"day", day}},
                [&](store::Connection& c, std::int64_t owner) { store::delete_closure(c, owner, day, s.now_iso()); });
}

void set_full_time_week(const Services& s, const Actor& a, const std::string& hours) {
  // The full-time week is a school's own; an LA keeps only term dates.
  if (domain::calendar_keeper(principal_of(a)).scope != domain::ListScope::School) throw Denied();
  const auto minutes = domain::parse_week_hours(domain::trimmed(hours));
  if (!minutes) throw Invalid("full_time_hours", "Enter the school's week in hours between 15 and 40, like 32.5");
  keep_calendar(s, a, "calendar.full_time_week", {{"minutes", *minutes}},
                [&](store::Connection& c, std::int64_t owner) { store::save_full_time_minutes(c, owner, *minutes); });
}

}  // namespace waypoint::app
