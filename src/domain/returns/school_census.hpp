#pragma once
// The school census's alternative provision placement items, made from what the commissioning
// school has recorded: the census days, the period each census covers, the items for each
// placement that ran in it, and the checks the census applies, each naming the placement and item.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/school_calendar.hpp"

namespace waypoint::domain {

enum class CensusTerm { Autumn, Spring, Summer };
std::string_view census_term_code(CensusTerm t);   // "autumn", "spring", "summer"
std::string_view census_term_label(CensusTerm t);  // "Autumn"
std::optional<CensusTerm> parse_census_term(std::string_view code);

// One census of the school year beginning in September of `year_started`: its day (autumn, the first
// Thursday in October; spring, the third Thursday in January; summer, the third Thursday in May) and
// the period its AP items cover, from the day after the census before it to the census day.
struct CensusPeriod {
  CensusTerm term = CensusTerm::Autumn;
  int year_started = 0;  // 2026 for the school year 2026 to 2027
  Date first_day, census_day;
  std::string name() const;  // "Autumn 2026", "Spring 2027"
};
CensusPeriod census_period(CensusTerm term, int year_started);
// The census being prepared on `today`: the next census day on or after it.
CensusPeriod census_due(Date today);

// The AP setting type, for a provider with neither URN nor UKPRN: non-maintained further
// education, one-to-one tuition, another unregistered provider, a work-based placement.
std::string_view census_setting_type(std::string_view provider_kind);

// A placement of the school's as recorded, for the census.
struct CensusPlacement {
  std::int64_t placement_id = 0, pupil_id = 0;
  std::string pupil_name, upn;
  bool pupil_has_ehc_plan = false;
  std::string provider_name, provider_kind, urn, ukprn;  // blank when not recorded
  std::string reason;                                    // placement_reasons() code
  Date started;
  std::optional<Date> ended;
  int sessions_a_week = 0;  // morning and afternoon sessions on its timetable
  // The child's details the LA's AP census also asks for.
  std::string family_name, given_name, date_of_birth, gender;
};

// The census's code for a primary reason: one table, to follow the year's specification.
std::string_view census_reason_code(std::string_view reason);

// The items of one placement, in the specification's order; leaving date blank when it was still
// running on the census day.
struct CensusRow {
  std::int64_t placement_id = 0, pupil_id = 0;
  std::string pupil_name, provider_name;
  std::string upn, urn, ukprn, setting_type, entry_date, leaving_date, reason, attendance_pattern;
  std::string placement_reason;  // the reason as recorded: placement_reasons()
  int sessions_a_week = 0;
  bool temporary_upn = false;
  std::string family_name, given_name, date_of_birth, gender;
};
const std::vector<std::string_view>& census_items();  // the items' names, for the file's header

// A check the census applies that a placement fails: an error stops the return; a query is to be
// checked and explained.
struct CensusProblem {
  std::int64_t placement_id = 0;
  std::string pupil_name, item, message;
  bool error = true;
};

struct SchoolCensusReturn {
  CensusPeriod period;
  std::vector<CensusRow> rows;
  std::vector<CensusProblem> problems;
  bool has_errors() const;
};

// The placements that ran on any day of the period (started by the census day, not ended before its
// first day), with the checks; those that started after the census day wait for the next one.
SchoolCensusReturn school_census_return(const CensusPeriod& period, const std::vector<CensusPlacement>& placements);

// The LA's January AP census, for the placements it arranges: its day is the spring census day
// (the third Thursday in January of `year`), and it covers the year up to it, from the day after the
// previous January's. One row a child: their latest placement in the period, with the child's
// surname, forename, date of birth and sex before the placement's items.
CensusPeriod ap_census_period(int year);
// The January census being prepared on `today`: the next census day on or after it.
CensusPeriod ap_census_due(Date today);
const std::vector<std::string_view>& ap_census_items();
SchoolCensusReturn ap_census_return(const CensusPeriod& period, const std::vector<CensusPlacement>& placements);

}  // namespace waypoint::domain
