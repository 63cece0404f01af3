#pragma once
// A national deployment's data for bench/national: many local authorities, their schools and
// providers, and years of pupils in AP with a morning and an afternoon mark every school day.
#include "app/kernel/services.hpp"

namespace waypoint::cli {

struct NationalBenchOptions {
  int local_authorities = 150;  // the demo's among them
  int schools = 24000;          // spread evenly over the authorities
  int pupils_a_year = 60000;    // pupils in AP each year, about 30 a provider
  int years = 5;                // back from yesterday, the newest still running
  int school_days = 190;        // a year's weekdays of marks
};

struct NationalBenchReport {
  int local_authorities = 0, schools = 0, providers = 0;
  int years_added = 0, placements = 0;
  std::int64_t marks = 0;
  double marks_seconds = 0;  // writing the marks, their indexes, keys and totals
};

// Loads the demo area first when the database is empty, then makes what is missing: the
// authorities, schools and providers once, and each year of pupils not yet there, so a run with
// --years 1 and a later run with --years 5 add four older years to the first. A year is a block of
// `school_days` weekdays, the newest ending yesterday; its pupils are placed for the whole block at
// a provider of their school's authority and ended with it, except the newest year's, which are
// active and timetabled Monday to Friday. Thirty of the newest year's pupils are at the demo's first
// provider (Bridgeway, whose staff sign in), a third of them from Oakfield, so its register and
// Oakfield's today board have pupils. Marks go in through BulkMarkLoad. Deterministic.
NationalBenchReport generate_national_bench_data(const app::Services& s, const NationalBenchOptions& o);

}  // namespace waypoint::cli
