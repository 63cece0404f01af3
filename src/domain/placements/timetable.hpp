#pragma once
// A pupil's whole week across every setting, and the full-time check. Times are minutes after
// midnight; totals are minutes a week, so 18 hours is exactly 1080 and rounding cannot blur it.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

struct TimetableSlot {
  std::chrono::weekday day;
  int start_minute = 0;
  int end_minute = 0;
  std::string setting;                      // "home_school", "provider", "online", "home_tuition"
  std::optional<std::int64_t> provider_id;  // for a provider's setting
};

int slot_minutes(const TimetableSlot& s);

// Pairs of slot indexes that overlap on the same day; touching (one ends as the next starts) is fine.
std::vector<std::pair<std::size_t, std::size_t>> overlapping_slots(const std::vector<TimetableSlot>& slots);

struct TimetableTotals {
  int minutes = 0;
  std::map<std::string, int> by_setting;
  std::map<std::int64_t, int> by_provider;
  // Minutes a week in one setting; none is 0.
  int minutes_in(const std::string& setting) const {
    const auto it = by_setting.find(setting);
    return it == by_setting.end() ? 0 : it->second;
  }
};

TimetableTotals timetable_totals(const std::vector<TimetableSlot>& slots);

// The full-time week expected of mainstream state schools since September 2024: 32.5 hours.
// A school may set its own.
inline constexpr int kFullTimeWeekMinutes = 32 * 60 + 30;

bool is_full_time(const TimetableTotals& t, int full_time_minutes = kFullTimeWeekMinutes);

// "09:30" or "9:30" to minutes after midnight; nothing unless it is a time of day.
std::optional<int> parse_clock(std::string_view text);
std::string format_clock(int minute);  // "09:30"
std::string weekday_name(std::chrono::weekday d);
// "Monday" (or "monday", "Mon") to the weekday, school days only.
std::optional<std::chrono::weekday> parse_school_weekday(std::string_view text);

// Where the school day has holes: a weekday with nothing timetabled, or a stretch longer than
// `longest_break` minutes between sessions. Plain sentences, Monday first.
std::vector<std::string> timetable_gaps(const std::vector<TimetableSlot>& slots, int longest_break = 60);

// What makes a part-time timetable lawful: a reason, the parents' agreement, an end date by which
// the pupil is back to full time, and dates to review it.
struct PartTimeArrangement {
  std::string reason;
  std::string parent_agreed_on;
  std::string ends_on;
  std::string review_dates;  // dates separated by commas
  std::string starts_on;     // blank: the day it is saved
};
FieldErrors part_time_problems(const PartTimeArrangement& p, std::chrono::year_month_day today);

}  // namespace waypoint::domain
