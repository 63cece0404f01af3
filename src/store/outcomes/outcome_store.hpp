#pragma once
// What the outcome figures read: placements of a scope that started or ended in a period, and for
// them the attendance marks, the plan's baselines and the checks after the return.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

enum class OutcomeScope { School, LocalAuthority, Provider };

struct OutcomeRow {
  std::int64_t placement_id = 0, pupil_id = 0, school_id = 0, provider_id = 0;
  // Left empty by placements_for_outcomes: the figures need no names of pupils, and a figure's
  // list reads them for its own pupils alone.
  std::string pupil_name;
  std::string school_name, provider_name;
  std::string started;  // the day it started
  std::optional<std::string> ended_on;
  std::string end_reason, destination;
};
// Placements that have run (active or ended) and started or ended within [from, to], by start date.
std::vector<OutcomeRow> placements_for_outcomes(Connection& c, OutcomeScope scope, std::int64_t id,
                                                const std::string& from, const std::string& to);

// Sessions by the code that counts, per placement: one row a code.
struct CodeCount {
  std::int64_t placement_id = 0;
  std::string code;
  int count = 0;
};

struct Baseline {
  std::int64_t placement_id = 0;
  std::string area, value;
};

struct CheckResult {
  std::int64_t placement_id = 0;
  int number = 0;
  std::string attendance_percent;
  int suspensions = 0;
  bool holding = false;
};

// What the figures need of each placement besides its row: its sessions by code, the attendance and
// suspensions baselines of its first agreed plan, and every check after its return in order of
// number; for the placements placements_for_outcomes reads, found the same way, so that the two can
// be read at once. Read together (one round trip on PostgreSQL): none depends on another.
struct OutcomeDetails {
  std::vector<CodeCount> code_counts;
  std::vector<Baseline> first_baselines;
  std::vector<CheckResult> return_checks;
};
OutcomeDetails outcome_details(Connection& c, OutcomeScope scope, std::int64_t id, const std::string& from,
                               const std::string& to);
// Those reads, each filling its part of `into`, which must outlive them.
std::vector<Read> outcome_details_reads(OutcomeDetails& into, OutcomeScope scope, std::int64_t id,
                                        const std::string& from, const std::string& to);

// What everything an LA's figures read stands at, whatever the period: every area's number (an
// organisation renamed, a school moved LA), the area's own (its placements, plans, baselines and
// checks; migration 0068) and the sum of its weeks' marks revisions (0060), which only grows. Equal
// while none of those has changed. None on SQLite, which keeps none and reads an area's figures in
// a few milliseconds. Read before the figures it labels, so figures read under it are never older.
struct OutcomesRevision {
  std::int64_t every_area = 0, area = 0, marks = 0;
  bool operator==(const OutcomesRevision&) const = default;
};
std::optional<OutcomesRevision> outcomes_revision(Connection& c, std::int64_t la_id);

}  // namespace waypoint::store
