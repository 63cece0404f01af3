#include "domain/timetable.hpp"

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

}  // namespace waypoint::domain
