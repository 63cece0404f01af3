#pragma once
// Synthetic data at the scale the benchmarks in bench/ measure. Deterministic: the same counts
// give the same rows, so runs compare.
#include "app/kernel/services.hpp"

namespace waypoint::cli {

struct BenchDataReport {
  int providers = 0;
  int checks = 0;
};

// Adds `providers` providers to the demo local authority's directory (loading the demo area first
// if the database is empty), each with a site, offers and `checks_each` checks.
BenchDataReport generate_provider_bench_data(const app::Services& s, int providers, int checks_each);

struct AttendanceBenchReport {
  int schools = 0;
  int placements = 0;
  int marks = 0;
};

// An LA's attendance at scale: `schools` schools (the demo's first among them), a provider for each
// 30 placements, `placements` active placements Monday to Friday 09:00 to 15:00, and a morning and
// an afternoon mark for each of the last `school_days` weekdays. The demo's first provider
// (Bridgeway, whose staff sign in) has `at_first_provider` of them besides its own.
AttendanceBenchReport generate_attendance_bench_data(const app::Services& s, int schools, int placements,
                                                     int school_days, int at_first_provider);

}  // namespace waypoint::cli
