#include "app/outcomes/outcomes.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/outcomes/outcomes_cache.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/progress/progress.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

using domain::Date;

std::pair<store::OutcomeScope, std::int64_t> scope_of(const Actor& a) {
  const auto listing = domain::outcome_listing(principal_of(a));
  switch (listing.scope) {
    case domain::ListScope::Area:
      return {store::OutcomeScope::LocalAuthority, listing.id};
    case domain::ListScope::Provider:
      return {store::OutcomeScope::Provider, listing.id};
    case domain::ListScope::School:
      return {store::OutcomeScope::School, listing.id};
    default:
      break;
  }
  throw Denied();  // the policy refused it before the work began
}

std::pair<Date, Date> period(const Services& s, const std::string& from_text, const std::string& to_text) {
  domain::FieldErrors errors;
  const auto read = [&](const std::string& typed, const char* field, const char* name, Date fallback) {
    const auto t = domain::trimmed(typed);
    if (t.empty()) return fallback;
    if (auto d = domain::parse_date(t)) return *d;
    errors.push_back({field, std::string(name) + " must be a real date, like 2026-09-01"});
    return fallback;
  };
  const auto today = s.today();
  const auto from = read(from_text, "from", "From", domain::academic_year_start(today));
  const auto to = read(to_text, "to", "To", today);
  if (errors.empty() && std::chrono::sys_days(to) < std::chrono::sys_days(from))
    errors.push_back({"to", "To must be on or after From"});
  if (!errors.empty()) throw Invalid(std::move(errors));
  return {from, to};
}

std::vector<domain::PlacementOutcome> outcomes_of(const std::vector<store::OutcomeRow>& rows,
                                                  const store::OutcomeDetails& details) {
  std::map<std::int64_t, domain::AttendanceSummary> during;
  for (const auto& x : details.code_counts) during[x.placement_id].add(x.code, x.count);
  std::map<std::int64_t, std::optional<double>> attendance_before;
  std::map<std::int64_t, std::optional<int>> suspensions_before;
  for (const auto& b : details.first_baselines) {
    if (b.area == "attendance" && !attendance_before[b.placement_id])
      attendance_before[b.placement_id] = domain::parse_measure(b.value);
    if (b.area == "suspensions" && !suspensions_before[b.placement_id])
      if (auto n = domain::parse_whole_number(b.value)) suspensions_before[b.placement_id] = static_cast<int>(*n);
  }
  std::map<std::int64_t, std::vector<store::CheckResult>> checks;
  for (const auto& x : details.return_checks) checks[x.placement_id].push_back(x);

  std::vector<domain::PlacementOutcome> out;
  for (const auto& r : rows) {
    domain::PlacementOutcome o;
    o.placement_id = r.placement_id;
    o.started = domain::parse_date(r.started).value_or(Date{});
    if (r.ended_on) o.ended = domain::parse_date(*r.ended_on);
    o.end_reason = r.end_reason;
    o.destination = r.destination;
    o.attendance_before = attendance_before[r.placement_id];
    o.suspensions_before = suspensions_before[r.placement_id];
    o.during = during[r.placement_id];
    const auto& done = checks[r.placement_id];
    if (!done.empty()) {
      o.attendance_after = domain::parse_measure(done.back().attendance_percent);
      o.suspensions_after = done.back().suspensions;
      for (const auto& x : done)
        if (x.number == 3) o.holding_at_12_weeks = x.holding;
    }
    out.push_back(o);
  }
  return out;
}

// The placements of each group (by name, then id).
template <typename KeyOf>
std::vector<GroupOutcomes> grouped(const OutcomesView& v, KeyOf key_of) {
  std::map<std::pair<std::string, std::int64_t>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < v.placements.size(); ++i) groups[key_of(v.placements[i])].push_back(i);
  std::vector<GroupOutcomes> out;
  out.reserve(groups.size());
  for (auto& [key, members] : groups) out.push_back({key.second, key.first, std::move(members)});
  return out;
}

// The figures for the scope over the period, read inside the caller's use case.
OutcomesView outcomes_read(store::Connection& c, const Services& s, const Actor& a, store::OutcomeScope scope,
                           std::int64_t id, Date from_day, Date to_day) {
  OutcomesView v;
  v.from = from_day;
  v.to = to_day;
  v.scope_name =
      scope == store::OutcomeScope::LocalAuthority ? store::find_organisation(c, id)->name : a.organisation_name;
  const auto from = domain::format_date(v.from), to = domain::format_date(v.to);
  // The placements' sessions, baselines and checks are read beside the placements themselves: at LA
  // scale each read is about half of PostgreSQL's time for the page.
  auto details = read_beside(s, c, [scope, id, from, to](store::Connection& beside) {
    return store::outcome_details(beside, scope, id, from, to);
  });
  v.placements = store::placements_for_outcomes(c, scope, id, from, to);
  v.cohort = outcomes_of(v.placements, details.get());
  v.figures = domain::outcome_figures(v.cohort, v.from, v.to);
  if (scope != store::OutcomeScope::Provider)
    v.by_provider = grouped(v, [](const store::OutcomeRow& r) { return std::pair(r.provider_name, r.provider_id); });
  if (scope == store::OutcomeScope::LocalAuthority)
    v.by_school = grouped(v, [](const store::OutcomeRow& r) { return std::pair(r.school_name, r.school_id); });
  return v;
}

// The actor's figures: an area's as the server kept them while nothing they rest on has changed
// (OutcomesCache; PostgreSQL alone keeps the revisions), otherwise read.
std::shared_ptr<const OutcomesView> outcomes_on(store::Connection& c, const Services& s, const Actor& a,
                                                const std::string& from_text, const std::string& to_text) {
  const auto [scope, id] = scope_of(a);
  const auto [from, to] = period(s, from_text, to_text);
  const auto read = [&] { return std::make_shared<const OutcomesView>(outcomes_read(c, s, a, scope, id, from, to)); };
  if (scope != store::OutcomeScope::LocalAuthority || !s.outcomes) return read();
  const auto revision = store::outcomes_revision(c, id);
  if (!revision) return read();
  const AreaPeriod key{id, from, to};
  if (auto kept = s.outcomes->find(key, *revision)) return kept;
  auto fresh = read();
  s.outcomes->keep(key, *revision, fresh);
  return fresh;
}

}  // namespace

std::vector<domain::Figure> group_figures(const OutcomesView& v, const GroupOutcomes& g) {
  std::vector<domain::PlacementOutcome> members;
  members.reserve(g.members.size());
  for (auto i : g.members) members.push_back(v.cohort.at(i));
  return domain::outcome_figures(members, v.from, v.to);
}

std::shared_ptr<const OutcomesView> view_outcomes(const Services& s, const Actor& a, const std::string& from_text,
                                                  const std::string& to_text) {
  // Read outside any write transaction: a year of an area's marks must not hold up registers.
  // Figures are counts, but they rest on pupils' records: the read is on the audit trail.
  return run(s, a, {"outcomes.view", domain::Action::SeeOutcomes, "outcomes", true, true},
             [&](store::Connection& c, AuditRecord& entry) {
               auto v = outcomes_on(c, s, a, from_text, to_text);
               entry.detail = nlohmann::json{{"from", domain::format_date(v->from)},
                                             {"to", domain::format_date(v->to)},
                                             {"placements", v->placements.size()}}
                                  .dump();
               return v;
             });
}

FigurePupils pupils_behind(const Services& s, const Actor& a, const std::string& from, const std::string& to,
                           const std::string& key) {
  return run(s, a, {"outcomes.pupils", domain::Action::SeeOutcomes, "outcomes", true, true},
             [&](store::Connection& c, AuditRecord& entry) {
               FigurePupils f{outcomes_on(c, s, a, from, to), {}, {}};
               const auto& figures = f.outcomes->figures;
               const auto it =
                   std::find_if(figures.begin(), figures.end(), [&](const auto& x) { return x.key == key; });
               if (it == figures.end()) throw NotFound();
               f.figure = *it;
               std::vector<std::int64_t> pupil_ids;
               // A set, not a search of the figure's list for each placement: an LA's figure can hold
               // 2,000 placements out of as many.
               const std::unordered_set<std::int64_t> behind(it->placement_ids.begin(), it->placement_ids.end());
               for (const auto& row : f.outcomes->placements)
                 if (behind.contains(row.placement_id)) {
                   f.rows.push_back(row);
                   pupil_ids.push_back(row.pupil_id);
                 }
               // Names are read for these pupils alone: the figures above need none.
               const auto named = store::find_pupils(c, pupil_ids);
               for (auto& row : f.rows) {
                 const auto& pupil = named.at(row.pupil_id);
                 row.pupil_name = pupil.given_name + " " + pupil.family_name;
               }
               entry.detail = nlohmann::json{{"figure", key}, {"pupil_ids", pupil_ids}}.dump();
               return f;
             });
}

}  // namespace waypoint::app
