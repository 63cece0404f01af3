#pragma once
// Synthetic data at the scale the benchmarks in bench/ measure. Deterministic: the same counts
// give the same rows, so runs compare.
#include <chrono>
#include <random>

#include "app/kernel/services.hpp"
#include "store/attendance/bulk_mark_load.hpp"

namespace waypoint::cli {

struct BenchDataReport {
  int providers = 0;
  int checks = 0;
};

// Adds `providers` providers to the demo local authority's directory (loading the demo area first
// if the database is empty), each with a site, offers and `checks_each` checks.
BenchDataReport generate_provider_bench_data(const app::Services& s, int providers, int checks_each);

// A valid UPN for the n-th synthetic pupil: a letter the DfE check would accept, then 12 digits.
std::string bench_upn(int n);

// One synthetic pupil in AP: the pupil (the n-th, by bench_upn) and a placement at `provider`
// for the dates given. A running placement is timetabled Monday to Friday 09:00 to 15:00; one that
// is not has ended on its planned last day.
struct BenchPlacementDates {
  std::string start, planned_end;
  bool running = true;
};
struct BenchPlacement {
  std::int64_t pupil_id = 0, placement_id = 0, provider_id = 0, school_id = 0;
};
BenchPlacement add_bench_placement(store::Connection& c, int n, std::int64_t school, std::int64_t provider,
                                   std::int64_t creator, const BenchPlacementDates& dates, const std::string& now);

// A morning and an afternoon mark a day for a placement, 92 % present and the rest absent
// (authorised or not), handed to a bulk load 20,000 at a time.
class BenchMarks {
 public:
  BenchMarks(store::BulkMarkLoad& load, std::mt19937& random) : load_(load), random_(random) {}
  std::int64_t add(const BenchPlacement& p, const std::vector<std::chrono::sys_days>& days);
  void flush();

 private:
  store::BulkMarkLoad& load_;
  std::mt19937& random_;
  std::vector<store::MarkRow> buffer_;
};

struct AttendanceBenchReport {
  int schools = 0;
  int placements = 0;
  int marks = 0;
  double marks_seconds = 0;  // writing the marks, their indexes, keys and totals
};

// An LA's attendance at scale: `schools` schools (the demo's first among them), a provider for each
// 30 placements, `placements` active placements Monday to Friday 09:00 to 15:00, and a morning and
// an afternoon mark for each of the last `school_days` weekdays. The demo's first provider
// (Bridgeway, whose staff sign in) has `at_first_provider` of them besides its own.
AttendanceBenchReport generate_attendance_bench_data(const app::Services& s, int schools, int placements,
                                                     int school_days, int at_first_provider);

}  // namespace waypoint::cli
