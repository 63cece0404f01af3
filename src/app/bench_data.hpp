#pragma once
// Synthetic data at the scale the benchmarks in bench/ measure. Deterministic: the same counts
// give the same rows, so runs compare.
#include "app/services.hpp"

namespace waypoint::app {

struct BenchDataReport {
  int providers = 0;
  int checks = 0;
};

// Adds `providers` providers to the demo local authority's directory (loading the demo area first
// if the database is empty), each with a site, offers and `checks_each` checks.
BenchDataReport generate_provider_bench_data(const Services& s, int providers, int checks_each);

}  // namespace waypoint::app
