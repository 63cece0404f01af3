#include "app/area/area.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "app/area/area_attendance_cache.hpp"
#include "app/calendar/school_calendars.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/outcomes/outcomes.hpp"
#include "domain/placements/placement.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

using domain::Date;
using std::chrono::sys_days;

std::int64_t area_of(const Actor& a) {
  const auto who = principal_of(a);
  if (!who.local_authority_id) throw Denied();  // the policy refused it before the work began
  return *who.local_authority_id;
}

// The period typed, or the area's half term so far (the last one, in a holiday).
void read_period(store::Connection& c, const Services& s, std::int64_t la_id, AreaView& v) {
  domain::FieldErrors errors;
  const auto read = [&](std::string& typed, const char* field, const char* name) -> std::optional<Date> {
    typed = domain::trimmed(typed);
    if (typed.empty()) return std::nullopt;
    if (auto d = domain::parse_date(typed)) return d;
    errors.push_back({field, std::string(name) + " must be a real date, like 2026-11-02"});
    return std::nullopt;
  };
  const auto from = read(v.filter.from, "from", "From");
  const auto to = read(v.filter.to, "to", "To");
  if (!errors.empty()) throw Invalid(std::move(errors));
  const auto today = s.today();
  const auto term = domain::term_of(calendar_for_area(c, la_id), today);
  v.whole_half_term = !from && !to && term;
  v.from = from ? *from : term ? term->first_day : domain::academic_year_start(today);
  v.to = to ? *to : term && sys_days(term->last_day) < sys_days(today) ? term->last_day : today;
  if (sys_days(v.to) < sys_days(v.from)) throw Invalid("to", "To must be on or after From");
}

// A filter's id as typed, which must be one the page offers.
std::optional<std::int64_t> chosen(std::string& typed, const std::vector<AreaChoice>& offered, const char* field,
                                   const char* message) {
  typed = domain::trimmed(typed);
  if (typed.empty()) return std::nullopt;
  const auto id = domain::parse_whole_number(typed);
  if (!id || std::none_of(offered.begin(), offered.end(), [&](const AreaChoice& x) { return x.id == *id; }))
    throw Invalid(field, message);
  typed = std::to_string(*id);
  return id;
}

domain::AreaPlacement fact_of(const store::AreaPlacementRow& r, const store::AreaProviderRow& provider) {
  domain::AreaPlacement p;
  p.placement_id = r.placement_id;
  p.pupil_id = r.pupil_id;
  p.school_id = r.school_id;
  p.provider_id = r.provider_id;
  p.status = r.status;
  p.tier = r.tier;
  p.reason = r.reason;
  p.provider_kind = provider.kind;
  p.provider_lapsed = provider.standing == domain::standing_code(domain::Standing::Lapsed);
  p.start = domain::parse_date(r.start).value_or(Date{});
  p.planned_end = domain::parse_date(r.planned_end).value_or(p.start);
  if (r.ended_on) p.ended = domain::parse_date(*r.ended_on);
  return p;
}

// The name of each school and provider the filters offer, by id: every placement's are among them.
std::unordered_map<std::int64_t, const std::string*> names_by_id(const AreaView& v) {
  std::unordered_map<std::int64_t, const std::string*> names;
  for (const auto* list : {&v.schools, &v.providers})
    for (const auto& x : *list) names[x.id] = &x.name;
  return names;
}

// The whole weeks' sessions by placement when the server keeps what the weeks before the last add up
// to while their totals stand (AreaAttendanceCache): at LA scale a half term's past weeks are then not
// added up again at each request, and only the last week, where registers are being taken, is read.
// False, having read nothing, where no revisions are kept (a command, the embedded engine).
bool read_kept_weeks(const Services& s, store::Connection& c, std::int64_t la_id, Date first_monday, Date last_monday,
                     SessionsByPlacement& sessions) {
  if (!s.area_attendance || first_monday == last_monday) return false;
  const AreaAttendanceCache::Weeks weeks{la_id, domain::format_date(first_monday),
                                         domain::format_date(Date(sys_days(last_monday) - std::chrono::days(7)))};
  const auto revision = store::area_weeks_revision(c, la_id, weeks.first_monday, weeks.last_monday);
  if (!revision) return false;
  const auto add_to = [](SessionsByPlacement& to) {
    return [&to](const store::AreaCodeCount& x) { to[x.placement_id].add(x.code, x.sessions); };
  };
  auto kept = s.area_attendance->find(weeks, *revision);
  if (!kept) {
    SessionsByPlacement read;
    store::area_attendance_by_weeks(c, la_id, weeks.first_monday, weeks.last_monday, add_to(read));
    kept = std::make_shared<const SessionsByPlacement>(std::move(read));
    s.area_attendance->keep(weeks, *revision, kept);
  }
  sessions = *kept;
  const auto last = domain::format_date(last_monday);
  store::area_attendance_by_weeks(c, la_id, last, last, add_to(sessions));
  return true;
}

// The period's sessions by placement, read beside the rest of the picture: at LA scale the weekly
// totals are the page's longest read, and the server's work on the placements goes on meanwhile.
// Whole weeks come from the weekly totals, the days either side from the marks themselves, each row
// added to its placement's as it comes: a year is 128,000 weekly rows on SQLite, never held whole
// (held, eight areas read at once took the server from 62 to 113 MB at LA scale).
std::future<SessionsByPlacement> read_attendance(const Services& s, store::Connection& held, std::int64_t la_id,
                                                 Date from, Date to, Date today) {
  return read_beside(s, held, [&s, la_id, from, to, today](store::Connection& c) {
    SessionsByPlacement sessions;
    const auto add = [&](const store::AreaCodeCount& x) { sessions[x.placement_id].add(x.code, x.sessions); };
    const auto period = domain::split_into_weeks(from, to, today);
    if (period.weeks && !read_kept_weeks(s, c, la_id, period.weeks->first, period.weeks->second, sessions))
      store::area_attendance_by_weeks(c, la_id, domain::format_date(period.weeks->first),
                                      domain::format_date(period.weeks->second), add);
    for (const auto& [first, last] : period.days)
      store::area_attendance(c, la_id, domain::format_date(first), domain::format_date(last), add);
    return sessions;
  });
}

// Attendance at providers in the period, for each provider and each school of the placements shown.
void add_attendance(const SessionsByPlacement& by_placement, AreaView& v) {
  std::unordered_map<std::int64_t, const store::AreaPlacementRow*> shown;
  shown.reserve(v.placements.size());
  for (const auto& p : v.placements) shown[p.placement_id] = &p;

  std::vector<domain::GroupPupilSessions> at_providers, at_schools;
  at_providers.reserve(by_placement.size());
  at_schools.reserve(by_placement.size());
  const auto names = names_by_id(v);
  std::vector<std::int64_t> counted;  // in placement order, so groups come out the same each time
  counted.reserve(by_placement.size());
  for (const auto& [id, summary] : by_placement)
    if (shown.contains(id)) counted.push_back(id);
  std::sort(counted.begin(), counted.end());
  for (const auto id : counted) {
    const auto& summary = by_placement.at(id);
    const auto& p = *shown.at(id);
    at_providers.push_back({p.provider_id, *names.at(p.provider_id), p.pupil_id, summary});
    at_schools.push_back({p.school_id, *names.at(p.school_id), p.pupil_id, summary});
  }
  v.by_provider = domain::attendance_by_group(std::move(at_providers));
  v.by_school = domain::attendance_by_group(std::move(at_schools));
}

AreaView area_on(store::Connection& c, const Services& s, const Actor& a, const AreaFilter& filter) {
  const auto la_id = area_of(a);
  AreaView v;
  v.filter = filter;
  v.area_name = store::find_organisation(c, la_id)->name;
  read_period(c, s, la_id, v);
  const auto today = s.today();
  auto attendance = read_attendance(s, c, la_id, v.from, v.to, today);

  // The reads that need only the LA and the period, sent together: one round trip, not seven.
  // Sessions a week matter only to the 12-week limit once it is in force, and only for placements
  // that have run that long.
  const auto rule = domain::placement_rule_on(today, s.settings.limits);
  std::vector<store::AreaSchoolRow> schools;
  std::vector<store::AreaPlacementRow> all;
  std::vector<store::AreaProviderRow> provider_rows;
  std::vector<store::AreaContactRow> contacts;
  std::vector<store::AreaPupilRow> part_time, missing_education;
  std::vector<store::AreaSlotRow> slot_rows;
  std::vector<store::Read> reads{
      store::area_schools_read(la_id, schools),
      store::area_placements_read(la_id, domain::format_date(v.from), all),
      store::area_providers_read(la_id, domain::format_date(v.from), domain::format_date(today), provider_rows),
      store::area_contacts_read(la_id, contacts),
      store::area_part_time_read(la_id, part_time),
      store::area_missing_education_read(la_id, missing_education)};
  if (rule.time_limits)
    reads.push_back(store::area_running_slots_read(
        la_id, domain::format_date(Date{sys_days(today) - std::chrono::days(domain::kIntensiveWeeks * 7)}), slot_rows));
  c.each_row_together(reads);

  for (auto& o : schools) v.schools.push_back({o.id, std::move(o.name)});
  std::sort(v.schools.begin(), v.schools.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
  std::unordered_map<std::int64_t, store::AreaProviderRow> providers;
  for (auto& p : provider_rows) {
    v.providers.push_back({p.id, p.name});
    providers.emplace(p.id, std::move(p));
  }
  std::sort(v.providers.begin(), v.providers.end(), [](const auto& x, const auto& y) { return x.name < y.name; });

  auto& f = v.filter;
  const auto school = chosen(f.school, v.schools, "school", "Select a school in your area");
  const auto provider =
      chosen(f.provider, v.providers, "provider", "Select a provider where pupils of your area are placed");
  f.reason = domain::trimmed(f.reason);
  if (!f.reason.empty() && !domain::in_list(domain::placement_reasons(), f.reason))
    throw Invalid("reason", "Select a reason from the list");
  f.tier = domain::trimmed(f.tier);
  if (!f.tier.empty() && !domain::in_list(domain::placement_tiers(), f.tier))
    throw Invalid("tier", "Select Tier 1, 2 or 3");
  const bool narrowed_to_placements = provider || !f.reason.empty() || !f.tier.empty();

  std::map<std::int64_t, std::vector<std::string>> services;  // by pupil
  for (const auto& k : contacts)
    if (domain::in_list(domain::services_involved(), k.role)) services[k.pupil_id].push_back(k.role);
  std::map<std::int64_t, std::vector<domain::SlotTimes>> slots;  // of running placements, by placement
  for (const auto& r : slot_rows)
    slots[r.placement_id].push_back({static_cast<unsigned>(r.weekday), r.start_minute, r.end_minute});
  // Looked up, never added to, a placement at a time: an area is thousands of placements, and most
  // have no services recorded and (before the time limits) no slots read.
  const auto services_of = [&](std::int64_t pupil) {
    const auto x = services.find(pupil);
    return x == services.end() ? std::vector<std::string>{} : x->second;
  };
  const auto sessions_of = [&](std::int64_t placement) {
    const auto x = slots.find(placement);
    return x == slots.end() ? domain::sessions_a_week({}) : domain::sessions_a_week(x->second);
  };
  std::unordered_set<std::int64_t> placed;  // pupils with a placement the filters keep
  placed.reserve(all.size());
  domain::AreaFacts facts;
  facts.placements.reserve(all.size());
  v.placements.reserve(all.size());
  for (auto& p : all) {
    if (school && p.school_id != *school) continue;
    if (provider && p.provider_id != *provider) continue;
    if (!f.reason.empty() && p.reason != f.reason) continue;
    if (!f.tier.empty() && std::to_string(p.tier) != f.tier) continue;
    auto& fact = facts.placements.emplace_back(fact_of(p, providers.at(p.provider_id)));
    fact.services = services_of(p.pupil_id);
    fact.sessions_a_week = sessions_of(p.placement_id);
    placed.insert(p.pupil_id);
    v.placements.push_back(std::move(p));
  }
  const auto kept = [&](const store::AreaPupilRow& r) {
    return (!school || r.school_id == *school) && (!narrowed_to_placements || placed.count(r.pupil_id));
  };
  for (auto& r : part_time)
    if (kept(r)) {
      facts.part_time.push_back({r.pupil_id, r.school_id, domain::parse_date(r.ends_on).value_or(today)});
      v.part_time.push_back(std::move(r));
    }
  for (auto& r : missing_education)
    if (kept(r)) {
      facts.missing_education.push_back({r.pupil_id, r.school_id});
      v.missing_education.push_back(std::move(r));
    }
  v.groups = domain::area_picture(facts, v.from, v.to, today, rule);
  add_attendance(attendance.get(), v);
  return v;
}

nlohmann::json filter_json(const AreaView& v) {
  const auto& f = v.filter;
  return {{"from", domain::format_date(v.from)},
          {"to", domain::format_date(v.to)},
          {"school", f.school},
          {"provider", f.provider},
          {"reason", f.reason},
          {"tier", f.tier}};
}

}  // namespace

AreaView view_area(const Services& s, const Actor& a, const AreaFilter& filter) {
  // Figures rest on pupils' records: the read is on the audit trail. A half term of an area's marks
  // is read outside the writer's lock.
  return run(s, a, {"area.view", domain::Action::SeeArea, "area", true, true},
             [&](store::Connection& c, AuditRecord& entry) {
               auto v = area_on(c, s, a, filter);
               auto detail = filter_json(v);
               detail["placements"] = v.placements.size();
               entry.detail = detail.dump();
               return v;
             });
}

AreaFigurePupils area_figure_pupils(const Services& s, const Actor& a, const AreaFilter& filter,
                                    const std::string& key) {
  return run(s, a, {"area.pupils", domain::Action::SeeArea, "area", true, true},
             [&](store::Connection& c, AuditRecord& entry) {
               AreaFigurePupils out{area_on(c, s, a, filter), {}, {}, {}};
               for (const auto& g : out.area.groups)
                 for (const auto& x : g.figures)
                   if (x.key == key) {
                     out.group_title = g.title;
                     out.figure = x;
                   }
               if (out.figure.key.empty()) throw NotFound();
               const auto& fig = out.figure;
               // The figure counts placements or pupils, never both.
               const auto& ids = fig.counts_pupils ? fig.pupil_ids : fig.placement_ids;
               const std::set<std::int64_t> behind(ids.begin(), ids.end());
               nlohmann::json pupils = nlohmann::json::array();
               if (!fig.counts_pupils) {
                 std::vector<const store::AreaPlacementRow*> shown;
                 std::vector<std::int64_t> pupil_ids;
                 for (const auto& p : out.area.placements)
                   if (behind.count(p.placement_id)) {
                     shown.push_back(&p);
                     pupil_ids.push_back(p.pupil_id);
                   }
                 // Names are read for these pupils alone, and the list is in their order.
                 const auto named = store::find_pupils(c, pupil_ids);
                 const auto name_key = [&](const store::AreaPlacementRow* p) {
                   const auto& pupil = named.at(p->pupil_id);
                   return std::tie(pupil.family_name, pupil.given_name, p->placement_id);
                 };
                 std::sort(shown.begin(), shown.end(), [&](auto x, auto y) { return name_key(x) < name_key(y); });
                 const auto names = names_by_id(out.area);
                 for (const auto* p : shown) {
                   const auto& pupil = named.at(p->pupil_id);
                   out.lines.push_back({p->pupil_id, pupil.given_name + " " + pupil.family_name,
                                        *names.at(p->school_id), *p, std::nullopt, *names.at(p->provider_id)});
                 }
               } else {
                 const bool part_time = key != "missing_education";
                 for (const auto& r : part_time ? out.area.part_time : out.area.missing_education)
                   if (behind.count(r.pupil_id))
                     out.lines.push_back({r.pupil_id, r.pupil_name, r.school_name, std::nullopt,
                                          part_time ? std::optional(r) : std::nullopt, ""});
               }
               for (const auto& l : out.lines) pupils.push_back(l.pupil_id);
               auto detail = filter_json(out.area);
               detail["figure"] = key;
               detail["pupil_ids"] = pupils;
               entry.detail = detail.dump();
               return out;
             });
}

}  // namespace waypoint::app
