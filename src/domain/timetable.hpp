#pragma once
// A pupil's whole week across every setting, and the full-time check. Times are minutes after
// midnight; totals are minutes a week, so 18 hours is exactly 1080 and rounding cannot blur it.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
};

TimetableTotals timetable_totals(const std::vector<TimetableSlot>& slots);

// The full-time week expected of mainstream state schools since September 2024: 32.5 hours.
// A school may set its own.
inline constexpr int kFullTimeWeekMinutes = 32 * 60 + 30;

bool is_full_time(const TimetableTotals& t, int full_time_minutes = kFullTimeWeekMinutes);

}  // namespace waypoint::domain
