#pragma once
// A pupil's whole week across every setting, and the registration-threshold watch over unregistered
// providers that the week feeds.
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/placements/timetable.hpp"
#include "domain/providers/registration_threshold.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/placements/placement_store.hpp"
#include "store/placements/timetable_store.hpp"

namespace waypoint::app {

struct TimetableView {
  domain::Pupil pupil;
  std::vector<store::SlotRow> slots;
  std::vector<store::PlacementRecord> placements;  // those a slot may name: not ended
  domain::TimetableTotals totals;
  int full_time_minutes = 0;
  bool full_time = false;
  std::vector<std::string> gaps;
  std::optional<store::PartTimeRow> part_time;
  bool can_edit = false;
};

TimetableView view_timetable(const Services& s, const Actor& a, std::int64_t pupil_id);

struct SlotForm {
  std::string day, start, end, where;  // where: home_school, online, home_tuition or placement:<id>
};

struct TimetableForm {
  std::vector<SlotForm> slots;  // rows left wholly blank are ignored
  domain::PartTimeArrangement part_time;
  bool confirm_threshold = false;  // the school has read the registration warning and saves anyway
};

struct ThresholdWarning {
  std::int64_t provider_id = 0;
  std::string provider_name;
  std::string reason;
};

// Saves the whole week. Refuses rows that do not make sense and overlaps, naming the row; a week
// short of full time needs the part-time details. If the week would take an unregistered provider
// over the registration threshold, nothing is saved until the form confirms it: the warnings are
// returned instead. Answers no warnings once saved.
std::vector<ThresholdWarning> save_timetable(const Services& s, const Actor& a, std::int64_t pupil_id,
                                             const TimetableForm& f);

struct WatchedPupil {
  std::int64_t pupil_id = 0;
  std::string name;  // the pupil's, within the officer's area
  int minutes = 0;
  bool looked_after_or_ehc = false;
};

struct WatchedProvider {
  std::int64_t provider_id = 0;
  std::string provider_name;
  std::string provider_kind;
  int full_time_pupils = 0;
  bool must_register = false;
  std::string reason;
  std::vector<WatchedPupil> pupils;  // those taught there more than 18 hours, across commissioners
};

// For LA officers: every provider of a watched kind teaching any pupil full time, those over the
// line first. Counts across every commissioner, in and out of the area.
std::vector<WatchedProvider> registration_watch(const Services& s, const Actor& a);
// The registration rule in force today, as the deployment's settings date the 2026 Act.
domain::ThresholdRule registration_rule_today(const Services& s);

}  // namespace waypoint::app
