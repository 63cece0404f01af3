#pragma once
// A school's returns, made from what it has recorded: the school census's AP placement items with
// the census's checks, and its list of the AP it uses for an inspection.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/returns/ap_list.hpp"
#include "domain/returns/school_census.hpp"
#include "store/returns/returns_store.hpp"

namespace waypoint::app {

struct SchoolCensusView {
  std::string school_name;
  domain::SchoolCensusReturn census;
  std::vector<domain::CensusPeriod> offered;  // this school year's censuses and last year's, latest first
};
// The census of `term` ("autumn", "spring", "summer") in the school year starting in `year`; both
// blank: the census being prepared today. Refuses a term or year that is not one, naming it.
SchoolCensusView school_census(const Services& s, const Actor& a, const std::string& term, const std::string& year);

// The LA's January AP census of `year` (blank: the next one on or after today), for the placements
// the actor's LA arranges. Refuses a year that is not one, naming it.
SchoolCensusView la_ap_census(const Services& s, const Actor& a, const std::string& year);

struct ApListView {
  std::string school_name;
  domain::Date today, since;  // placements that ran from `since` (1 September) to today
  std::vector<domain::ApListProvider> providers;
  std::map<std::int64_t, std::vector<store::ReturnSiteRow>> sites;  // by provider
  std::map<std::int64_t, store::ReturnVisitRow> visits;             // the latest quality-assurance visit
};
ApListView school_ap_list(const Services& s, const Actor& a);

}  // namespace waypoint::app
