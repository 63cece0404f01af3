#include "domain/placements/timetable.hpp"

#include <algorithm>
#include <cstdio>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::domain {

int slot_minutes(const TimetableSlot& s) { return s.end_minute > s.start_minute ? s.end_minute - s.start_minute : 0; }

std::vector<std::pair<std::size_t, std::size_t>> overlapping_slots(const std::vector<TimetableSlot>& slots) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < slots.size(); ++i)
    for (std::size_t j = i + 1; j < slots.size(); ++j)
      if (slots[i].day == slots[j].day && slots[i].start_minute < slots[j].end_minute &&
          slots[j].start_minute < slots[i].end_minute)
        out.emplace_back(i, j);
  return out;
}

TimetableTotals timetable_totals(const std::vector<TimetableSlot>& slots) {
  TimetableTotals t;
  for (const auto& s : slots) {
    const int m = slot_minutes(s);
    t.minutes += m;
    t.by_setting[s.setting] += m;
    if (s.provider_id) t.by_provider[*s.provider_id] += m;
  }
  return t;
}

bool is_full_time(const TimetableTotals& t, int full_time_minutes) { return t.minutes >= full_time_minutes; }

std::optional<int> parse_clock(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3) return std::nullopt;
  int h = 0, m = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == colon) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    (i < colon ? h : m) = (i < colon ? h : m) * 10 + (text[i] - '0');
  }
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

std::string format_clock(int minute) {
  // By hand: snprintf was most of the time a register's thirty times took.
  const int hours = (minute / 60) % 100, minutes = minute % 60;
  if (hours < 0 || minutes < 0) {
    char out[16];
    std::snprintf(out, sizeof out, "%02d:%02d", hours, minutes);
    return out;
  }
  return {static_cast<char>('0' + hours / 10), static_cast<char>('0' + hours % 10), ':',
          static_cast<char>('0' + minutes / 10), static_cast<char>('0' + minutes % 10)};
}

namespace {

constexpr const char* kDayNames[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string hours_and_minutes(int minutes) {
  std::string out;
  if (minutes >= 60) out = std::to_string(minutes / 60) + (minutes >= 120 ? " hours" : " hour");
  if (minutes % 60) out += (out.empty() ? "" : " ") + std::to_string(minutes % 60) + " minutes";
  return out;
}

}  // namespace

std::string weekday_name(std::chrono::weekday d) { return kDayNames[d.c_encoding()]; }

std::optional<std::chrono::weekday> parse_school_weekday(std::string_view text) {
  for (unsigned iso = 1; iso <= 5; ++iso) {
    const std::string name = kDayNames[iso];
    std::string typed(text);
    for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string lower = name;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (typed == lower || typed == lower.substr(0, 3)) return std::chrono::weekday(iso);
  }
  return std::nullopt;
}

std::vector<std::string> timetable_gaps(const std::vector<TimetableSlot>& slots, int longest_break) {
  std::vector<std::string> out;
  for (unsigned iso = 1; iso <= 5; ++iso) {
    const std::chrono::weekday day(iso);
    std::vector<std::pair<int, int>> times;
    for (const auto& s : slots)
      if (s.day == day) times.emplace_back(s.start_minute, s.end_minute);
    if (times.empty()) {
      out.push_back(weekday_name(day) + " has nothing timetabled");
      continue;
    }
    std::sort(times.begin(), times.end());
    int covered_until = times.front().second;
    for (std::size_t i = 1; i < times.size(); ++i) {
      if (times[i].first - covered_until > longest_break)
        out.push_back(weekday_name(day) + " has " + hours_and_minutes(times[i].first - covered_until) +
                      " with nothing timetabled, from " + format_clock(covered_until) + " to " +
                      format_clock(times[i].first));
      covered_until = std::max(covered_until, times[i].second);
    }
  }
  return out;
}

FieldErrors part_time_problems(const PartTimeArrangement& p, std::chrono::year_month_day today) {
  FieldErrors e;
  if (p.reason.empty())
    e.push_back(
        {"part_time_reason", "Say why the pupil is on a part-time timetable: it is only for exceptional reasons"});
  const auto agreed = parse_date(p.parent_agreed_on);
  if (p.parent_agreed_on.empty())
    e.push_back({"parent_agreed_on", "Enter the date the parents agreed to the part-time timetable"});
  else if (!agreed)
    e.push_back({"parent_agreed_on", "Date the parents agreed must be a real date, like 2026-11-23"});
  else if (std::chrono::sys_days(*agreed) > std::chrono::sys_days(today))
    e.push_back({"parent_agreed_on", "Date the parents agreed cannot be in the future"});
  const auto ends = parse_date(p.ends_on);
  if (p.ends_on.empty())
    e.push_back({"part_time_ends_on", "Enter the date by which the pupil returns to full time"});
  else if (!ends)
    e.push_back({"part_time_ends_on", "End date must be a real date, like 2027-01-29"});
  else if (std::chrono::sys_days(*ends) < std::chrono::sys_days(today))
    e.push_back({"part_time_ends_on", "End date must be today or later: a part-time timetable is for a short time"});
  if (!p.starts_on.empty()) {
    const auto starts = parse_date(p.starts_on);
    if (!starts)
      e.push_back({"part_time_starts_on", "Start date must be a real date, like 2026-11-23"});
    else if (ends && std::chrono::sys_days(*starts) > std::chrono::sys_days(*ends))
      e.push_back({"part_time_starts_on", "Start date must be on or before the date the pupil is back to full time"});
  }
  const auto reviews = split_list(p.review_dates);
  if (reviews.empty()) e.push_back({"review_dates", "Enter at least one date to review the part-time timetable"});
  for (const auto& r : reviews) {
    const auto d = parse_date(r);
    if (!d) {
      e.push_back({"review_dates", "Review dates must be real dates, like 2026-12-04, 2027-01-15"});
      break;
    }
    if (ends && std::chrono::sys_days(*d) > std::chrono::sys_days(*ends)) {
      e.push_back({"review_dates", "Review dates must fall on or before the end date"});
      break;
    }
  }
  return e;
}

}  // namespace waypoint::domain
