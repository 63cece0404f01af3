#include "domain/area/area_picture.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "domain/kernel/calendar_date.hpp"
#include "domain/placements/placement.hpp"
#include "domain/providers/provider.hpp"
#include "domain/pupils/pupil.hpp"

namespace waypoint::domain {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

AreaFigure placements_figure(std::string key, std::string label, const std::vector<const AreaPlacement*>& ps) {
  AreaFigure f{std::move(key), std::move(label), static_cast<int>(ps.size()), {}, {}, false};
  for (const auto* p : ps) f.placement_ids.push_back(p->placement_id);
  return f;
}

AreaFigure pupils_figure(std::string key, std::string label, std::vector<std::int64_t> pupil_ids) {
  std::sort(pupil_ids.begin(), pupil_ids.end());
  pupil_ids.erase(std::unique(pupil_ids.begin(), pupil_ids.end()), pupil_ids.end());
  return {std::move(key), std::move(label), static_cast<int>(pupil_ids.size()), {}, std::move(pupil_ids), true};
}

template <typename Keep>
std::vector<const AreaPlacement*> where(const std::vector<const AreaPlacement*>& ps, Keep keep) {
  std::vector<const AreaPlacement*> out;
  for (const auto* p : ps)
    if (keep(*p)) out.push_back(p);
  return out;
}

bool running_on(const AreaPlacement& p, Date day) {
  return p.status == "active" && sys_days(p.start) <= sys_days(day) &&
         (!p.ended || sys_days(*p.ended) >= sys_days(day));
}

bool at_a_school(const AreaPlacement& p) {
  const auto kind = parse_provider_kind(p.provider_kind);
  return kind && provider_kind_info(*kind).is_school;
}

}  // namespace

bool ran_between(const AreaPlacement& p, Date from, Date to) {
  if (p.status != "active" && p.status != "ended") return false;
  return sys_days(p.start) <= sys_days(to) && (!p.ended || sys_days(*p.ended) >= sys_days(from));
}

std::vector<AreaGroup> area_picture(const AreaFacts& facts, Date from, Date to, Date today,
                                    const PlacementLimitRule& limits) {
  std::vector<const AreaPlacement*> all, ran;
  for (const auto& p : facts.placements) {
    all.push_back(&p);
    if (ran_between(p, from, to)) ran.push_back(&p);
  }
  std::vector<AreaGroup> groups;

  AreaGroup attention{"attention", "Needing attention", {}};
  const auto running_today = where(all, [&](const AreaPlacement& p) { return running_on(p, today); });
  attention.figures.push_back(placements_figure(
      "past_planned_end", "Running past their planned end date",
      where(running_today, [&](const AreaPlacement& p) { return sys_days(p.planned_end) < sys_days(today); })));
  // The 12 weeks DfE plans as the longest placement of intensive support at a provider that is not a
  // school: the 84th day counting the first is the last within it.
  const auto longer_than_12_weeks = [&](const AreaPlacement& p) {
    return !at_a_school(p) && sys_days(today) - sys_days(p.start) >= days(kIntensiveWeeks * 7);
  };
  attention.figures.push_back(
      limits.time_limits
          ? placements_figure("past_12_weeks",
                              "Past the 12-week limit in force since " + date_text(*limits.time_limits_from) +
                                  ": more than 4 sessions a week at a provider that is not a school",
                              where(running_today,
                                    [&](const AreaPlacement& p) {
                                      return longer_than_12_weeks(p) && p.sessions_a_week > kAlongsideSchoolSessions;
                                    }))
          : placements_figure("past_12_weeks",
                              "Running longer than 12 weeks at a provider that is not a school (the limit DfE plans)",
                              where(running_today, longer_than_12_weeks)));
  attention.figures.push_back(
      placements_figure("provider_lapsed", "Running at a provider whose checks have lapsed",
                        where(running_today, [](const AreaPlacement& p) { return p.provider_lapsed; })));
  std::vector<std::int64_t> part_time, part_time_overdue, missing;
  for (const auto& p : facts.part_time) {
    part_time.push_back(p.pupil_id);
    if (sys_days(p.ends_on) < sys_days(today)) part_time_overdue.push_back(p.pupil_id);
  }
  for (const auto& m : facts.missing_education) missing.push_back(m.pupil_id);
  attention.figures.push_back(pupils_figure("part_time", "Pupils on a part-time timetable", part_time));
  attention.figures.push_back(
      pupils_figure("part_time_overdue", "Pupils on a part-time timetable past its end date", part_time_overdue));
  attention.figures.push_back(
      pupils_figure("missing_education", "Pupils with an open children-missing-education alert", missing));
  groups.push_back(std::move(attention));

  auto& status = groups.emplace_back(AreaGroup{"status", "Placements by where they stand", {}});
  status.figures.push_back(placements_figure("status_draft", "Being planned",
                                             where(all, [](const AreaPlacement& p) { return p.status == "draft"; })));
  status.figures.push_back(
      placements_figure("status_awaiting", "Agreed, waiting for notice or consent",
                        where(all, [](const AreaPlacement& p) { return p.status == "awaiting"; })));
  status.figures.push_back(placements_figure("status_active", "Running",
                                             where(ran, [](const AreaPlacement& p) { return p.status == "active"; })));
  status.figures.push_back(placements_figure("status_ended", "Ended in the period",
                                             where(ran, [](const AreaPlacement& p) { return p.status == "ended"; })));

  auto& tier = groups.emplace_back(AreaGroup{"tier", "Placements in the period by tier", {}});
  for (const auto& t : placement_tiers())
    tier.figures.push_back(
        placements_figure("tier_" + std::string(t.code), std::string(t.label),
                          where(ran, [&](const AreaPlacement& p) { return std::to_string(p.tier) == t.code; })));

  auto& reason = groups.emplace_back(AreaGroup{"reason", "Placements in the period by primary reason", {}});
  for (const auto& r : placement_reasons())
    reason.figures.push_back(placements_figure("reason_" + std::string(r.code), std::string(r.label),
                                               where(ran, [&](const AreaPlacement& p) { return p.reason == r.code; })));

  auto& kind = groups.emplace_back(AreaGroup{"kind", "Placements in the period by kind of provider", {}});
  for (const auto& k : provider_kinds())
    kind.figures.push_back(
        placements_figure("kind_" + std::string(k.code), std::string(k.label),
                          where(ran, [&](const AreaPlacement& p) { return p.provider_kind == k.code; })));

  auto& registration = groups.emplace_back(AreaGroup{"registration", "Placements in the period by registration", {}});
  const auto watched = [](const AreaPlacement& p) {
    const auto k = parse_provider_kind(p.provider_kind);
    return !k || watched_for_registration(*k);
  };
  registration.figures.push_back(placements_figure("registration_registered", "At a registered school or college",
                                                   where(ran, [&](const AreaPlacement& p) { return !watched(p); })));
  registration.figures.push_back(
      placements_figure("registration_unregistered", "At a provider not registered as a school", where(ran, watched)));

  auto& services = groups.emplace_back(AreaGroup{"services", "Placements in the period by services involved", {}});
  for (const auto& v : services_involved())
    services.figures.push_back(placements_figure(
        "service_" + std::string(v.code), std::string(v.label), where(ran, [&](const AreaPlacement& p) {
          return std::find(p.services.begin(), p.services.end(), v.code) != p.services.end();
        })));
  return groups;
}

std::vector<AreaAttendance> attendance_by_group(std::vector<GroupPupilSessions> sessions) {
  // Sorted by group and pupil, a pupil's sessions in a group lie together and are added up in one
  // pass, without a tree of groups holding a tree of pupils.
  std::sort(sessions.begin(), sessions.end(), [](const auto& x, const auto& y) {
    return std::tie(x.group_id, x.pupil_id) < std::tie(y.group_id, y.pupil_id);
  });
  std::vector<AreaAttendance> out;
  for (std::size_t i = 0; i < sessions.size();) {
    const auto& first = sessions[i];
    if (out.empty() || out.back().id != first.group_id)
      out.push_back({first.group_id, std::string(first.group_name), {}, 0, 0});
    auto pupil = first.sessions;
    for (++i; i < sessions.size() && sessions[i].group_id == first.group_id && sessions[i].pupil_id == first.pupil_id;
         ++i)
      pupil += sessions[i].sessions;
    auto& a = out.back();
    a.sessions += pupil;
    if (pupil.possible) ++a.pupils;
    if (pupil.persistent_absence()) ++a.persistently_absent;
  }
  std::sort(out.begin(), out.end(),
            [](const auto& x, const auto& y) { return std::tie(x.name, x.id) < std::tie(y.name, y.id); });
  return out;
}

PeriodWeeks split_into_weeks(Date from, Date to, Date today) {
  using std::chrono::Monday;
  using std::chrono::Sunday;
  using std::chrono::weekday;
  const auto first = sys_days(from), last = sys_days(to);
  const auto first_monday = first + (Monday - weekday(first));  // the day itself when a Monday
  const auto last_sunday = last >= sys_days(today) ? last + (Sunday - weekday(last)) : last - (weekday(last) - Sunday);
  PeriodWeeks out;
  if (first_monday + days(6) > last_sunday) {
    out.days.push_back({from, to});
    return out;
  }
  out.weeks = std::pair(Date(first_monday), Date(last_sunday - days(6)));
  if (first < first_monday) out.days.push_back({from, Date(first_monday - days(1))});
  if (last_sunday < last) out.days.push_back({Date(last_sunday + days(1)), to});
  return out;
}

}  // namespace waypoint::domain
