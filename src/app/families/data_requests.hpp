#pragma once
// A family's data rights in Waypoint: a parent asks for a copy of their child's record or makes a
// data protection complaint from the portal; the school's data protection lead (its headteacher)
// sees each with its clock, acknowledges, extends a complex request with a reason, and closes it
// with what was released or decided. Everything is kept.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/calendar/school_calendar.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/families/data_request_store.hpp"

namespace waypoint::app {

struct DataRequestStatus {
  store::DataRequestRow request;
  std::optional<domain::Date> due;  // the next thing's deadline, while one runs
};

struct FamilyDataRights {
  domain::Pupil pupil;
  std::vector<DataRequestStatus> mine;  // this parent's requests about this child
  bool about_themselves = false;        // the pupil, asking about their own record
};
FamilyDataRights family_data_rights(const Services& s, const Actor& a, std::int64_t pupil_id);
std::int64_t make_data_request(const Services& s, const Actor& a, std::int64_t pupil_id, const std::string& kind,
                               const std::string& details);

std::vector<DataRequestStatus> school_data_requests(const Services& s, const Actor& a);
DataRequestStatus view_data_request(const Services& s, const Actor& a, std::int64_t id);
void acknowledge_data_request(const Services& s, const Actor& a, std::int64_t id);
void extend_data_request(const Services& s, const Actor& a, std::int64_t id, const std::string& reason);
// `withheld`: for a request for a copy, the people the copy names whom the lead withholds.
void close_data_request(const Services& s, const Actor& a, std::int64_t id, const std::string& outcome,
                        const std::string& summary, const std::vector<std::string>& withheld = {});

}  // namespace waypoint::app
