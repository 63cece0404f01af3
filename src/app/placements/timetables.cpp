#include "app/placements/timetables.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/calendar/school_calendars.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/audit.hpp"
#include "app/kernel/errors.hpp"
#include "app/placements/placements.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/providers/provider.hpp"
#include "domain/providers/registration_threshold.hpp"
#include "store/providers/provider_store.hpp"

namespace waypoint::app {
namespace {

using domain::trimmed;

std::vector<domain::TimetableSlot> slots_only(const std::vector<store::SlotRow>& rows) {
  std::vector<domain::TimetableSlot> out;
  for (const auto& r : rows) out.push_back(r.slot);
  return out;
}

// A pupil as the registration rule counts them, taught `minutes` a week, on `today`.
domain::TaughtPupil taught_pupil(const domain::Pupil& p, int minutes, std::chrono::year_month_day today) {
  const auto born = domain::parse_date(p.date_of_birth);
  return {p.id,           minutes,
          p.looked_after, p.has_ehc_plan(),
          p.has_sen(),    !born || domain::of_compulsory_school_age(*born, today)};
}

domain::TaughtPupil taught_pupil(const store::TaughtRow& r, std::chrono::year_month_day today) {
  domain::Pupil p;
  p.id = r.pupil_id;
  p.needs = domain::split_list(r.needs);
  p.looked_after = r.looked_after;
  p.date_of_birth = r.date_of_birth;
  return taught_pupil(p, r.minutes, today);
}

std::vector<store::PlacementRecord> open_placements(store::Connection& c, const Actor& a,
                                                    const Subject<domain::Pupil>& pupil) {
  auto out = visible_placements_of(c, a, pupil);
  std::erase_if(out, [](const auto& p) { return p.status == "ended"; });
  return out;
}

// The rows typed, as slots; every problem named by its row and field.
std::vector<store::SlotRow> read_rows(const std::vector<SlotForm>& rows,
                                      const std::vector<store::PlacementRecord>& placements,
                                      domain::FieldErrors& errors) {
  std::vector<store::SlotRow> out;
  std::vector<std::size_t> row_of;  // the form row of each slot, for naming overlaps
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const auto day_text = trimmed(r.day), start_text = trimmed(r.start), end_text = trimmed(r.end),
               where = trimmed(r.where);
    if (day_text.empty() && start_text.empty() && end_text.empty() && where.empty()) continue;
    const auto n = std::to_string(i + 1);
    const auto field = [&](const char* part) { return "slot_" + n + "_" + part; };
    store::SlotRow slot;
    const auto day = domain::parse_school_weekday(day_text);
    if (!day) errors.push_back({field("day"), "Row " + n + ": select a day from Monday to Friday"});
    const auto start = domain::parse_clock(start_text);
    const auto end = domain::parse_clock(end_text);
    if (!start) errors.push_back({field("start"), "Row " + n + ": enter a start time like 09:00"});
    if (!end) errors.push_back({field("end"), "Row " + n + ": enter an end time like 12:00"});
    if (start && end && *end <= *start)
      errors.push_back({field("end"), "Row " + n + ": the end time must be after the start time"});
    if (where == "home_school" || where == "online" || where == "home_tuition") {
      slot.slot.setting = where;
    } else if (where.rfind("placement:", 0) == 0) {
      const auto id = domain::parse_whole_number(where.substr(10));
      const auto p = std::find_if(placements.begin(), placements.end(), [&](const auto& x) { return id == x.id; });
      if (p == placements.end()) {
        errors.push_back({field("where"), "Row " + n + ": select where the pupil is from the list"});
      } else {
        slot.slot.setting = "provider";
        slot.slot.provider_id = p->provider_id;
        slot.placement_id = p->id;
        if (!p->terms.site_ids.empty()) slot.site_id = p->terms.site_ids.front();
      }
    } else {
      errors.push_back({field("where"), "Row " + n + ": select where the pupil is from the list"});
    }
    if (day) slot.slot.day = *day;
    slot.slot.start_minute = start.value_or(0);
    slot.slot.end_minute = end.value_or(0);
    out.push_back(slot);
    row_of.push_back(i + 1);
  }
  if (errors.empty())
    for (const auto& [first, second] : domain::overlapping_slots(slots_only(out)))
      errors.push_back({"slot_" + std::to_string(row_of[second]) + "_start",
                        "Row " + std::to_string(row_of[second]) + " overlaps row " + std::to_string(row_of[first]) +
                            " on " + domain::weekday_name(out[second].slot.day)});
  return out;
}

// Providers the new week would take over the registration line, counting every other pupil's
// agreed or running placements there, from every commissioner.
std::vector<ThresholdWarning> threshold_warnings(store::Connection& c, const domain::Pupil& pupil,
                                                 const std::vector<store::SlotRow>& slots,
                                                 const std::vector<store::PlacementRecord>& placements,
                                                 const domain::ThresholdRule& rule, std::chrono::year_month_day today) {
  std::map<std::int64_t, int> minutes_at;
  for (const auto& s : slots)
    if (s.slot.provider_id) minutes_at[*s.slot.provider_id] += domain::slot_minutes(s.slot);
  std::vector<ThresholdWarning> out;
  for (const auto& [provider_id, minutes] : minutes_at) {
    const auto profile = store::find_provider(c, provider_id);
    if (!profile || !domain::watched_for_registration(profile->kind)) continue;
    std::vector<domain::TaughtPupil> current;
    for (const auto& row : store::taught_at_providers(c, provider_id))
      if (row.pupil_id != pupil.id) current.push_back(taught_pupil(row, today));
    const std::vector<domain::TaughtPupil> proposed{taught_pupil(pupil, minutes, today)};
    if (!domain::crosses_threshold(current, proposed, rule)) continue;
    auto after = current;
    after.insert(after.end(), proposed.begin(), proposed.end());
    const auto name =
        std::find_if(placements.begin(), placements.end(), [&](const auto& p) { return p.provider_id == provider_id; });
    out.push_back({provider_id, name == placements.end() ? profile->name : name->provider_name,
                   domain::registration_threshold(after, rule).reason});
  }
  return out;
}

}  // namespace

TimetableView view_timetable(const Services& s, const Actor& a, std::int64_t pupil_id) {
  TimetableView v = run(s, a, {"pupil.view", domain::Action::ViewPupil, "pupil", true, true}, pupil_of(a, pupil_id),
                        [&](store::Connection& c, Subject<domain::Pupil>& p, AuditRecord&) {
                          TimetableView v;
                          v.pupil = p.record;
                          v.placements = open_placements(c, a, p);
                          v.slots = store::slots_of_pupil(c, pupil_id);
                          v.full_time_minutes = full_time_minutes_for(c, v.pupil.school_id);
                          v.part_time = store::part_time_of(c, pupil_id);
                          v.can_edit = allowed(a, domain::Action::EditTimetable, p.scope);
                          return v;
                        });
  // A provider sees the sessions it teaches, not the rest of the pupil's week.
  if (const auto own = domain::own_provider(principal_of(a)))
    std::erase_if(v.slots, [&](const auto& r) { return r.slot.provider_id != *own; });
  const auto slots = slots_only(v.slots);
  v.totals = domain::timetable_totals(slots);
  v.full_time = domain::is_full_time(v.totals, v.full_time_minutes);
  v.gaps = domain::timetable_gaps(slots);
  return v;
}

std::vector<ThresholdWarning> save_timetable(const Services& s, const Actor& a, std::int64_t pupil_id,
                                             const TimetableForm& f) {
  return run(s, a, {"timetable.save", domain::Action::EditTimetable, "pupil"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& subject, AuditRecord& entry) {
               const auto& pupil = subject.record;
               const auto placements = open_placements(c, a, subject);
               domain::FieldErrors errors;
               const auto slots = read_rows(f.slots, placements, errors);
               if (!errors.empty()) throw Invalid(std::move(errors));
               domain::PartTimeArrangement part_time{trimmed(f.part_time.reason), trimmed(f.part_time.parent_agreed_on),
                                                     trimmed(f.part_time.ends_on), trimmed(f.part_time.review_dates),
                                                     trimmed(f.part_time.starts_on)};
               if (part_time.starts_on.empty()) part_time.starts_on = domain::format_date(s.today());
               const auto totals = domain::timetable_totals(slots_only(slots));
               const int full_time = full_time_minutes_for(c, pupil.school_id);
               const bool part = !domain::is_full_time(totals, full_time);
               if (part) {
                 auto problems = domain::part_time_problems(part_time, s.today());
                 if (!problems.empty()) throw Invalid(std::move(problems));
               }
               auto warnings = threshold_warnings(
                   c, pupil, slots, placements, domain::threshold_rule_on(s.today(), s.settings.threshold), s.today());
               if (!warnings.empty() && !f.confirm_threshold) {
                 // Nothing written: the school decides first. The trail keeps that it was warned.
                 entry.action = "timetable.threshold_warning";
                 entry.detail = nlohmann::json{{"providers", warnings.size()}}.dump();
                 return warnings;
               }
               store::replace_slots(c, pupil_id, slots, s.now_iso());
               store::save_part_time(
                   c, pupil_id,
                   part ? std::optional(store::PartTimeRow{
                              part_time.reason, part_time.parent_agreed_on, part_time.ends_on,
                              domain::join_list(domain::split_list(part_time.review_dates)), part_time.starts_on})
                        : std::nullopt,
                   s.now_iso());
               nlohmann::json over = nlohmann::json::array();
               for (const auto& w : warnings) over.push_back({{"provider_id", w.provider_id}, {"reason", w.reason}});
               entry.detail = nlohmann::json{
                   {"slots", slots.size()},
                   {"minutes", totals.minutes},
                   {"part_time", part},
                   {"registration_threshold_confirmed",
                    over}}.dump();
               return std::vector<ThresholdWarning>{};
             });
}

domain::ThresholdRule registration_rule_today(const Services& s) {
  return domain::threshold_rule_on(s.today(), s.settings.threshold);
}

std::vector<WatchedProvider> registration_watch(const Services& s, const Actor& a) {
  const auto rows = run(s, a, {"registration_watch.view", domain::Action::SeeRegistrationThreshold, "provider"},
                        [](store::Connection& c, AuditRecord&) { return store::taught_at_providers(c, std::nullopt); });
  std::map<std::int64_t, std::vector<store::TaughtRow>> by_provider;
  for (const auto& r : rows) {
    const auto kind = domain::parse_provider_kind(r.provider_kind);
    if (kind && domain::watched_for_registration(*kind)) by_provider[r.provider_id].push_back(r);
  }
  const auto rule = registration_rule_today(s);
  std::vector<WatchedProvider> out;
  for (const auto& [id, taught] : by_provider) {
    std::vector<domain::TaughtPupil> pupils;
    std::map<std::int64_t, WatchedPupil> per_pupil;
    for (const auto& r : taught) {
      const auto taught_pupil_now = taught_pupil(r, s.today());
      if (!taught_pupil_now.compulsory_school_age) continue;
      const bool vulnerable = domain::counts_alone(taught_pupil_now, rule);
      pupils.push_back(taught_pupil_now);
      auto& p = per_pupil[r.pupil_id];
      p.pupil_id = r.pupil_id;
      // Pupils from other areas count toward the line, but their names are not this LA's to see.
      p.name = r.pupil_local_authority_id == a.local_authority_id ? r.pupil_name : "A pupil from another area";
      p.minutes += r.minutes;
      p.looked_after_or_ehc = p.looked_after_or_ehc || vulnerable;
    }
    const auto result = domain::registration_threshold(pupils, rule);
    if (result.full_time_pupils == 0) continue;
    WatchedProvider w{id,
                      taught.front().provider_name,
                      taught.front().provider_kind,
                      result.full_time_pupils,
                      result.must_register,
                      result.reason,
                      {}};
    for (const auto& [pid, p] : per_pupil)
      if (p.minutes > rule.full_time_over_minutes) w.pupils.push_back(p);
    out.push_back(std::move(w));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return x.must_register != y.must_register ? x.must_register : x.full_time_pupils > y.full_time_pupils;
  });
  return out;
}

}  // namespace waypoint::app
