#pragma once
// A school's calendar as the deadlines count it: its own terms (or its local authority's when it
// keeps none), its own and its LA's closures, and England's bank holidays.
#include <cstdint>

#include "domain/school_calendar.hpp"
#include "store/database.hpp"

namespace waypoint::app {

domain::SchoolCalendar calendar_for_school(store::Connection& c, std::int64_t school_id);

// The school's full-time week in minutes: its own setting or the national reference.
int full_time_minutes_for(store::Connection& c, std::int64_t school_id);

}  // namespace waypoint::app
