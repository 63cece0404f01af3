#include "app/returns/returns.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "domain/attendance/attendance.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/outcomes/outcomes.hpp"

namespace waypoint::app {
namespace {

using domain::Date;

// Each placement's timetable: its current slots, or for one whose slots were replaced (it ended,
// or the week changed after it), the last version it was on.
std::map<std::int64_t, std::vector<domain::SlotTimes>> timetables(const std::vector<store::ReturnSlotRow>& rows) {
  std::map<std::int64_t, std::vector<domain::SlotTimes>> current, last;
  std::map<std::int64_t, std::string> last_at;
  for (const auto& r : rows) {
    const domain::SlotTimes slot{static_cast<unsigned>(r.weekday), r.start_minute, r.end_minute};
    if (!r.superseded_at) {
      current[r.placement_id].push_back(slot);
      continue;
    }
    auto& at = last_at[r.placement_id];
    if (*r.superseded_at > at) at = *r.superseded_at, last[r.placement_id].clear();
    if (*r.superseded_at == at) last[r.placement_id].push_back(slot);
  }
  for (auto& [id, slots] : last) current.try_emplace(id, std::move(slots));
  return current;
}

int minutes_a_week(const std::vector<domain::SlotTimes>& slots) {
  int n = 0;
  for (const auto& s : slots) n += std::max(0, s.end_minute - s.start_minute);
  return n;
}

domain::CensusPeriod chosen_census(const std::string& term_typed, const std::string& year_typed, Date today) {
  const auto term_text = domain::trimmed(term_typed);
  const auto year_text = domain::trimmed(year_typed);
  if (term_text.empty() && year_text.empty()) return domain::census_due(today);
  domain::FieldErrors errors;
  const auto term = domain::parse_census_term(term_text);
  if (!term) errors.push_back({"term", "Select the autumn, spring or summer census"});
  const auto year = domain::parse_whole_number(year_text);
  if (!year || *year < 2000 || *year > 2100)
    errors.push_back({"year", "Select the school year, by the year it starts in, like 2026"});
  if (!errors.empty()) throw Invalid(std::move(errors));
  return domain::census_period(*term, static_cast<int>(*year));
}

}  // namespace

namespace {

// The census facts of the placements `by` arranged that ran in the period.
std::vector<domain::CensusPlacement> census_facts(store::Connection& c, store::Arranger by, std::int64_t arranger_id,
                                                  const domain::CensusPeriod& period, Date today) {
  const auto first = domain::format_date(period.first_day);
  const auto last = domain::format_date(period.census_day);
  const auto rows = store::placements_between(c, by, arranger_id, first, last, domain::format_date(today));
  const auto slots = timetables(store::placement_slots_between(c, by, arranger_id, first, last));
  std::vector<domain::CensusPlacement> facts;
  for (const auto& r : rows) {
    domain::CensusPlacement f;
    f.placement_id = r.placement_id;
    f.pupil_id = r.pupil_id;
    f.pupil_name = r.pupil_name;
    f.upn = r.upn;
    const auto needs = domain::split_list(r.needs);
    f.pupil_has_ehc_plan = std::find(needs.begin(), needs.end(), "ehc_plan") != needs.end();
    f.provider_name = r.provider_name;
    f.provider_kind = r.provider_kind;
    f.urn = r.urn;
    f.ukprn = r.ukprn;
    f.reason = r.reason;
    f.started = domain::parse_date(r.started).value_or(period.census_day);
    if (r.ended_on) f.ended = domain::parse_date(*r.ended_on);
    if (const auto it = slots.find(r.placement_id); it != slots.end())
      f.sessions_a_week = domain::sessions_a_week(it->second);
    f.family_name = r.family_name;
    f.given_name = r.given_name;
    f.date_of_birth = r.date_of_birth;
    f.gender = r.gender;
    facts.push_back(std::move(f));
  }
  return facts;
}

std::string census_detail(const domain::SchoolCensusReturn& census) {
  nlohmann::json pupils = nlohmann::json::array();
  for (const auto& r : census.rows) pupils.push_back(r.pupil_id);
  return nlohmann::json{{"census", census.period.name()},
                        {"placements", census.rows.size()},
                        {"problems", census.problems.size()},
                        {"pupil_ids", pupils}}
      .dump();
}

}  // namespace

SchoolCensusView school_census(const Services& s, const Actor& a, const std::string& term, const std::string& year) {
  const auto today = s.today();
  const auto period = chosen_census(term, year, today);
  return run(
      s, a, {"returns.school_census", domain::Action::MakeSchoolReturns, "school", true, true},
      [&](store::Connection& c, AuditRecord& entry) {
        const auto facts = census_facts(c, store::Arranger::School, a.organisation_id, period, today);
        SchoolCensusView v{a.organisation_name, domain::school_census_return(period, facts), {}};
        const int this_year = domain::census_due(today).year_started;
        for (int y = this_year; y >= this_year - 1; --y)
          for (const auto t : {domain::CensusTerm::Summer, domain::CensusTerm::Spring, domain::CensusTerm::Autumn})
            v.offered.push_back(domain::census_period(t, y));
        entry.detail = census_detail(v.census);
        return v;
      });
}

SchoolCensusView la_ap_census(const Services& s, const Actor& a, const std::string& year) {
  const auto today = s.today();
  // Blank: the January census being prepared, the next on or after today.
  int census_year = static_cast<int>(domain::ap_census_due(today).census_day.year());
  if (!domain::trimmed(year).empty()) {
    const auto typed = domain::parse_whole_number(domain::trimmed(year));
    if (!typed || *typed < 2000 || *typed > 2100)
      throw Invalid("year", "Select the year of the January census, like 2027");
    census_year = static_cast<int>(*typed);
  }
  const auto period = domain::ap_census_period(census_year);
  return run(s, a, {"returns.ap_census", domain::Action::MakeAreaReturns, "organisation", true, true},
             [&](store::Connection& c, AuditRecord& entry) {
               const auto la_id = principal_of(a).local_authority_id;
               if (!la_id) throw Denied();  // the policy refused it before the work began
               const auto facts = census_facts(c, store::Arranger::LocalAuthority, *la_id, period, today);
               SchoolCensusView v{a.organisation_name, domain::ap_census_return(period, facts), {}};
               const int latest = static_cast<int>(today.year()) + 1;
               for (int y = latest; y >= latest - 2; --y) v.offered.push_back(domain::ap_census_period(y));
               entry.entity_id = *la_id;
               entry.detail = census_detail(v.census);
               return v;
             });
}

ApListView school_ap_list(const Services& s, const Actor& a) {
  const auto today = s.today();
  return run(
      s, a, {"returns.ap_list", domain::Action::MakeSchoolReturns, "school", true, true},
      [&](store::Connection& c, AuditRecord& entry) {
        ApListView v{a.organisation_name, today, domain::academic_year_start(today), {}, {}, {}};
        const auto first = domain::format_date(v.since);
        const auto last = domain::format_date(today);
        const auto rows = store::placements_between(c, store::Arranger::School, a.organisation_id, first, last, last);
        const auto slots =
            timetables(store::placement_slots_between(c, store::Arranger::School, a.organisation_id, first, last));
        std::vector<domain::ApListPlacement> placements;
        std::vector<std::int64_t> provider_ids;
        for (const auto& r : rows) {
          domain::ApListPlacement p{
              r.placement_id,  r.pupil_id, r.provider_id, r.pupil_name, r.provider_name,
              r.provider_kind, r.urn,      r.ukprn,       r.reason,     domain::parse_date(r.started).value_or(today),
              std::nullopt,    0};
          if (r.ended_on) p.ended = domain::parse_date(*r.ended_on);
          if (const auto it = slots.find(r.placement_id); it != slots.end())
            p.minutes_a_week = minutes_a_week(it->second);
          if (provider_ids.empty() || provider_ids.back() != r.provider_id) provider_ids.push_back(r.provider_id);
          placements.push_back(std::move(p));
        }
        v.providers = domain::ap_list(placements, today);
        for (auto& site : store::provider_sites_of(c, provider_ids)) v.sites[site.provider_id].push_back(site);
        for (auto& visit : store::latest_quality_visits(c, provider_ids)) v.visits[visit.provider_id] = visit;
        nlohmann::json pupils = nlohmann::json::array();
        for (const auto& p : placements) pupils.push_back(p.pupil_id);
        entry.detail = nlohmann::json{{"providers", v.providers.size()}, {"pupil_ids", pupils}}.dump();
        return v;
      });
}

}  // namespace waypoint::app
