#include "app/alerts/alert_sweep.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/alerts/alerts.hpp"
#include "app/calendar/school_calendars.hpp"
#include "app/kernel/unguarded.hpp"
#include "domain/alerts/alert.hpp"
#include "domain/kernel/access_policy.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/attendance/attendance_store.hpp"
#include "store/kernel/mail_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

using std::chrono::sys_days;

// Names and calendars looked up once a sweep, however many pupils share them.
class Lookups {
 public:
  Lookups(const Services& s, store::Connection& c) : c_(c), calendars_(s, c) {}

  const domain::Organisation& organisation(std::int64_t id) {
    auto it = organisations_.find(id);
    if (it == organisations_.end()) it = organisations_.emplace(id, store::find_organisation(c_, id).value()).first;
    return it->second;
  }
  const domain::SchoolCalendar& calendar(std::int64_t school_id) { return calendars_.of(school_id); }
  void know_every_school() { calendars_.know_every_school(); }
  std::string pupil_name(std::int64_t pupil_id) {
    const auto p = store::find_pupil(c_, pupil_id);
    return p ? p->given_name + " " + p->family_name : "pupil " + std::to_string(pupil_id);
  }

 private:
  store::Connection& c_;
  std::map<std::int64_t, domain::Organisation> organisations_;
  SchoolCalendars calendars_;
};

std::vector<domain::SlotTimes> times_of(const std::vector<store::ActiveSlot>& slots) {
  std::vector<domain::SlotTimes> out;
  for (const auto& s : slots) out.push_back({s.iso_weekday, s.start_minute, s.end_minute});
  return out;
}

// The active placements' slots, a placement at a time.
std::map<std::int64_t, std::vector<store::ActiveSlot>> by_placement(std::vector<store::ActiveSlot> slots) {
  std::map<std::int64_t, std::vector<store::ActiveSlot>> out;
  for (auto& s : slots) out[s.placement_id].push_back(std::move(s));
  return out;
}

// Alerts found owed while reading, raised in one short write transaction: the sweep reads the whole
// area, and on SQLite a long write transaction would hold every other writer back.
struct Owed {
  store::AlertRow alert;
  nlohmann::json detail;
};

int raise_all(const Services& s, const std::vector<Owed>& owed) {
  int raised = 0;
  if (owed.empty()) return 0;
  unguarded_transaction(s, [&](store::Connection& c) {
    for (const auto& o : owed)
      if (raise_alert(c, s, nullptr, o.alert, o.detail)) ++raised;
  });
  return raised;
}

}  // namespace

namespace {

// Whether a register may have come to be owed since the watch last read them all.
bool worth_reading(const RegisterWatch& watch, std::chrono::year_month_day today, int now, int alert_minutes) {
  if (watch.day != today || now < watch.read_at || now - watch.read_at >= RegisterWatch::kReadAgainMinutes) return true;
  const domain::RegisterPolicy policy{alert_minutes};
  return std::any_of(watch.expected_from.begin(), watch.expected_from.end(), [&](int from) {
    return domain::register_closed(from, now, policy) && !domain::register_closed(from, watch.read_at, policy);
  });
}

}  // namespace

int raise_register_alerts(const Services& s, RegisterWatch* watch) {
  const auto today = s.today();
  const auto now = s.minute_of_day();
  if (watch && !worth_reading(*watch, today, now, s.settings.register_alert_minutes)) return 0;
  const auto date = domain::format_date(today);
  const unsigned weekday = std::chrono::weekday(sys_days(today)).iso_encoding();
  std::vector<Owed> owed_alerts;
  std::set<int> expected_from;
  unguarded_read(s, [&](store::Connection& c) {
    Lookups lookups(s, c);
    std::set<std::pair<std::int64_t, std::string>> marked;
    for (auto& m : store::marked_sessions_on(c, date)) marked.insert(std::move(m));
    // At national size a sweep meets tens of thousands of schools and registers: whether each school
    // is open, and which alerts are already raised today, are read once a sweep, not once each.
    const auto placements = by_placement(store::active_slots_on(c, date, weekday));
    std::set<std::int64_t> schools;
    for (const auto& [placement_id, slots] : placements) schools.insert(slots.front().school_id);
    const auto open = schools_open_on(c, {schools.begin(), schools.end()}, today);
    const auto raised = store::once_keys_raised_on(c, "register_not_taken", date);
    std::vector<domain::ExpectedAtProvider> expected;
    for (const auto& [placement_id, slots] : placements) {
      const auto& first = slots.front();
      if (!open.at(first.school_id)) continue;
      for (const auto& e : domain::expected_sessions(times_of(slots), weekday)) {
        const std::string session(domain::session_code(e.session));
        expected.push_back({first.provider_id, first.school_id, first.pupil_id, e.session, e.starts_at,
                            marked.count({first.pupil_id, session}) > 0});
        expected_from.insert(e.starts_at);
      }
    }
    for (const auto& owed : domain::registers_not_taken(expected, now, s.settings.register_alert_minutes)) {
      const auto once_key = [&](std::int64_t organisation) {
        return std::string("register_not_taken:") + std::to_string(owed.provider_id) + ":" +
               std::to_string(owed.school_id) + ":" + date + ":" + std::string(domain::session_code(owed.session)) +
               ":" + std::to_string(organisation);
      };
      if (raised.count(once_key(owed.school_id)) && raised.count(once_key(owed.provider_id))) continue;
      const auto& provider = lookups.organisation(owed.provider_id);
      const auto& school = lookups.organisation(owed.school_id);
      std::vector<std::string> names;
      for (const auto id : owed.pupil_ids) names.push_back(lookups.pupil_name(id));
      store::AlertRow alert;
      alert.kind = "register_not_taken";
      alert.school_id = owed.school_id;
      alert.provider_id = owed.provider_id;
      alert.session_date = date;
      alert.session = std::string(domain::session_code(owed.session));
      alert.summary =
          domain::register_not_taken_summary(provider.name, school.name, names, date, owed.session, owed.opens_at);
      const nlohmann::json detail{{"pupil_ids", owed.pupil_ids}};
      for (const auto& [organisation, kind] : {std::pair(owed.school_id, domain::OrganisationKind::School),
                                               std::pair(owed.provider_id, domain::OrganisationKind::Provider)}) {
        alert.for_organisation_id = organisation;
        alert.for_role = std::string(domain::role_code(domain::alert_addressee(alert.kind, kind)));
        alert.once_key = once_key(organisation);
        if (!raised.count(alert.once_key)) owed_alerts.push_back({alert, detail});
      }
    }
  });
  const auto raised = raise_all(s, owed_alerts);
  // Learnt once the alerts are raised: a sweep that failed before reads them all again.
  if (watch) *watch = {today, now, {expected_from.begin(), expected_from.end()}};
  return raised;
}

int raise_missing_education_alerts(const Services& s) {
  const auto yesterday = domain::Date{sys_days(s.today()) - std::chrono::days(1)};
  // Ten school days never span more than the summer holiday and a fortnight.
  const auto look_back = domain::format_date(domain::Date{sys_days(yesterday) - std::chrono::days(100)});
  std::vector<Owed> owed_alerts;
  unguarded_read(s, [&](store::Connection& c) {
    Lookups lookups(s, c);
    // A run of absence ends at the latest day attended, so that day is all the sweep reads of each
    // pupil's marks (reading every mark of the period held 280,000 rows at LA scale).
    std::vector<std::string> attendance_codes;
    for (const auto& code : domain::attendance_codes())
      if (domain::counts_as_attendance(code.code)) attendance_codes.emplace_back(code.code);
    std::map<std::int64_t, std::set<sys_days>> attended;
    for (const auto& [pupil_id, date] :
         store::last_day_with_code(c, look_back, domain::format_date(yesterday), attendance_codes))
      if (const auto day = domain::parse_date(date)) attended[pupil_id].insert(sys_days(*day));
    // Every pupil's school's calendar is asked for: most of the schools there are.
    lookups.know_every_school();
    for (const auto& first : store::active_placement_days_on(c, domain::format_date(s.today()))) {
      domain::ExpectedDays expected{domain::parse_date(first.start_date), {}};
      for (unsigned day = 1; day <= 7; ++day)
        if (first.iso_weekdays & (1u << day)) expected.iso_weekdays.insert(day);
      const auto& days = attended[first.pupil_id];
      const int run = domain::school_days_without_attendance(lookups.calendar(first.school_id), days, yesterday,
                                                             expected, domain::kMissingEducationDays);
      if (run < domain::kMissingEducationDays) continue;
      const auto& school = lookups.organisation(first.school_id);
      if (!school.parent_id) continue;  // no LA to tell
      const auto pupil = store::find_pupil(c, first.pupil_id);
      if (!pupil) continue;
      // One alert a run of absence: the run is named by the last day attended (or the start).
      const auto seen = days.upper_bound(sys_days(yesterday));
      const auto last_seen =
          seen == days.begin() ? first.start_date : domain::format_date(domain::Date{*std::prev(seen)});
      store::AlertRow alert;
      alert.kind = "missing_education";
      alert.pupil_id = first.pupil_id;
      alert.school_id = first.school_id;
      alert.provider_id = first.provider_id;
      alert.for_organisation_id = *school.parent_id;
      alert.for_role =
          std::string(domain::role_code(domain::alert_addressee(alert.kind, domain::OrganisationKind::LocalAuthority)));
      alert.session_date = domain::format_date(yesterday);
      alert.session = "day";
      alert.summary =
          domain::missing_education_summary(*pupil, school.name, lookups.organisation(first.provider_id).name, run);
      alert.once_key = alert.kind + ":" + std::to_string(first.pupil_id) + ":" + last_seen;
      if (!store::alert_raised(c, alert.once_key)) owed_alerts.push_back({alert, nlohmann::json{{"since", last_seen}}});
    }
  });
  return raise_all(s, owed_alerts);
}

int deliver_waiting_mail(const Services& s, const MailSender& sender) {
  std::vector<store::OutboundMail> waiting;
  unguarded_read(s, [&](store::Connection& c) { waiting = store::waiting_mail(c, 5, 50); });
  int sent = 0;
  for (const auto& mail : waiting) {
    std::string error;
    try {
      sender.send(mail.to, mail.subject, mail.body);
    } catch (const std::exception& e) {
      error = e.what();
    }
    unguarded_transaction(s, [&](store::Connection& c) {
      if (error.empty())
        store::mail_sent(c, mail.id, s.now_iso());
      else
        store::mail_failed(c, mail.id, error);
    });
    if (error.empty()) ++sent;
  }
  return sent;
}

}  // namespace waypoint::app
