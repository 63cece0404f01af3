#pragma once
// A school's list of the alternative provision it uses, as Ofsted's inspection planning call asks
// for it: each provider with its address, registration status and URN, the pupils there and why,
// their start dates and hours a week, and the latest quality-assurance visit.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/calendar/school_calendar.hpp"

namespace waypoint::domain {

struct ApListPlacement {
  std::int64_t placement_id = 0, pupil_id = 0, provider_id = 0;
  std::string pupil_name, provider_name, provider_kind, urn, ukprn;
  std::string reason;  // placement_reasons() code
  Date started;
  std::optional<Date> ended;
  int minutes_a_week = 0;  // timetabled at the provider
};

struct ApListReasonCount {
  std::string reason, label;
  int pupils = 0;
};

struct ApListProvider {
  std::int64_t provider_id = 0;
  std::string name, kind_label, registration, urn, ukprn;
  std::vector<ApListPlacement> placements;   // running ones first, then by pupil name
  std::vector<ApListReasonCount> by_reason;  // pupils by reason, in the order of placement_reasons(), those with any
  int pupils_now = 0;                        // running on the day of the list
};

// "Registered school (URN 123456)", "Further education college (UKPRN 10012345)", "Not registered
// with the Department for Education"; a school without its URN recorded says so.
std::string registration_status(const std::string& provider_kind, const std::string& urn, const std::string& ukprn);

// The providers of `placements` (those that ran this school year), by name, each with its counts.
std::vector<ApListProvider> ap_list(const std::vector<ApListPlacement>& placements, Date today);

}  // namespace waypoint::domain
