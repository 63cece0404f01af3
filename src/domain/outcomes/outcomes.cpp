#include "domain/outcomes/outcomes.hpp"

#include <algorithm>
#include <map>

#include "domain/kernel/numbers.hpp"
#include "domain/reintegration/reintegration.hpp"
#include "domain/reviews/review_record.hpp"

namespace waypoint::domain {

using std::chrono::sys_days;

namespace {

bool within(Date d, Date from, Date to) { return sys_days(d) >= sys_days(from) && sys_days(d) <= sys_days(to); }

std::string share_text(std::size_t part, std::size_t whole) {
  if (!whole) return "None to count";
  return count_text(static_cast<std::int64_t>(part)) + " of " + count_text(static_cast<std::int64_t>(whole)) + " (" +
         percent_text(static_cast<int>(part), static_cast<int>(whole)) + "%)";
}

// The mean of the percentages known, with how many pupils it rests on.
Figure mean_percent(std::string key, std::string label, const std::vector<const PlacementOutcome*>& cohort,
                    std::optional<double> PlacementOutcome::*member) {
  Figure f{std::move(key), std::move(label), "", {}, std::nullopt};
  double total = 0;
  for (const auto* p : cohort)
    if (p->*member) {
      total += *(p->*member);
      f.placement_ids.push_back(p->placement_id);
    }
  const auto n = f.placement_ids.size();
  if (n) f.amount = total / static_cast<double>(n);
  f.value = n ? one_decimal(total / static_cast<double>(n)) + "% (" + count_text(n) + (n == 1 ? " pupil)" : " pupils)")
              : "Not known";
  return f;
}

Figure total_of(std::string key, std::string label, const std::vector<const PlacementOutcome*>& cohort,
                std::optional<int> PlacementOutcome::*member) {
  Figure f{std::move(key), std::move(label), "", {}, std::nullopt};
  int total = 0;
  for (const auto* p : cohort)
    if (p->*member) {
      total += *(p->*member);
      f.placement_ids.push_back(p->placement_id);
    }
  const auto n = f.placement_ids.size();
  if (n) f.amount = total;
  f.value = n ? count_text(total) + " (" + count_text(n) + (n == 1 ? " pupil)" : " pupils)") : "Not known";
  return f;
}

}  // namespace

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

Date academic_year_start(Date d) {
  const auto september = std::chrono::month{9};
  return d.month() >= september ? Date{d.year(), september, std::chrono::day{1}}
                                : Date{d.year() - std::chrono::years{1}, september, std::chrono::day{1}};
}

std::vector<Figure> outcome_figures(const std::vector<PlacementOutcome>& cohort, Date from, Date to) {
  std::vector<Figure> out;
  Figure started{"started", "Placements started", "", {}, std::nullopt};
  std::vector<const PlacementOutcome*> ended;
  for (const auto& p : cohort) {
    if (within(p.started, from, to) && p.end_reason != "cancelled") started.placement_ids.push_back(p.placement_id);
    if (p.ended && within(*p.ended, from, to) && p.end_reason != "cancelled") ended.push_back(&p);
  }
  started.value = count_text(static_cast<std::int64_t>(started.placement_ids.size()));
  started.amount = static_cast<double>(started.placement_ids.size());
  out.push_back(started);

  Figure ended_figure{"ended",
                      "Placements ended",
                      count_text(static_cast<std::int64_t>(ended.size())),
                      {},
                      static_cast<double>(ended.size())};
  std::vector<double> lengths;
  for (const auto* p : ended) {
    ended_figure.placement_ids.push_back(p->placement_id);
    lengths.push_back(static_cast<double>((sys_days(*p->ended) - sys_days(p->started)).count()));
  }
  out.push_back(ended_figure);
  const auto middle = median(lengths);
  out.push_back({"median_length", "Median length of the placements that ended",
                 middle ? one_decimal(*middle / 7) + " weeks" : "None to count", ended_figure.placement_ids,
                 middle ? std::optional(*middle / 7) : std::nullopt});

  std::vector<const PlacementOutcome*> back;
  for (const auto* p : ended)
    if (is_reintegration(p->destination)) back.push_back(p);
  Figure reintegrated{"reintegrated",
                      "Back in mainstream school",
                      share_text(back.size(), ended.size()),
                      {},
                      ended.empty() ? std::nullopt : std::optional(100.0 * back.size() / ended.size())};
  for (const auto* p : back) reintegrated.placement_ids.push_back(p->placement_id);
  out.push_back(reintegrated);

  std::size_t checked = 0;
  Figure holding{
      "holding_12_weeks", "Return still holding at the 12-week check (of those checked)", "", {}, std::nullopt};
  for (const auto* p : back)
    if (p->holding_at_12_weeks) {
      ++checked;
      if (*p->holding_at_12_weeks) holding.placement_ids.push_back(p->placement_id);
    }
  holding.value = share_text(holding.placement_ids.size(), checked);
  if (checked) holding.amount = 100.0 * holding.placement_ids.size() / checked;
  out.push_back(holding);

  out.push_back(mean_percent("attendance_before", "Attendance before the placement (the plan's baseline)", ended,
                             &PlacementOutcome::attendance_before));
  {
    Figure during{"attendance_during", "Attendance during the placement", "", {}, std::nullopt};
    AttendanceSummary all;
    for (const auto* p : ended)
      if (p->during.possible) {
        all += p->during;
        during.placement_ids.push_back(p->placement_id);
      }
    const auto n = during.placement_ids.size();
    if (n) during.amount = 100.0 * all.attended / all.possible;
    during.value = n ? percent_text(all.attended, all.possible) + "% (" + count_text(all.attended) + " of " +
                           count_text(all.possible) + " sessions)"
                     : "Not known";
    out.push_back(during);
  }
  out.push_back(mean_percent("attendance_after", "Attendance after the return (the latest check)", back,
                             &PlacementOutcome::attendance_after));
  out.push_back(total_of("suspensions_before", "Suspensions before the placement (the plan's baseline)", ended,
                         &PlacementOutcome::suspensions_before));
  out.push_back(total_of("suspensions_after", "Suspensions after the return (the latest check)", back,
                         &PlacementOutcome::suspensions_after));

  std::map<std::string, std::vector<std::int64_t>> by_destination;
  for (const auto* p : ended) by_destination[p->destination].push_back(p->placement_id);
  for (const auto& d : destinations())
    if (auto it = by_destination.find(std::string(d.code)); it != by_destination.end())
      out.push_back({"destination_" + std::string(d.code), "Went on to: " + std::string(d.label),
                     count_text(static_cast<std::int64_t>(it->second.size())), it->second,
                     static_cast<double>(it->second.size())});
  if (auto it = by_destination.find(""); it != by_destination.end())
    out.push_back({"destination_unknown", "Went on to: not recorded",
                   count_text(static_cast<std::int64_t>(it->second.size())), it->second,
                   static_cast<double>(it->second.size())});
  return out;
}

}  // namespace waypoint::domain
