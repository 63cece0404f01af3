#pragma once
// The copy of a child's record a parent asked for: everything Waypoint holds about the child, in
// sections as a person reads them, with every other person the record names listed for the data
// protection lead to check (and redact) before release.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::app {

struct RecordSection {
  std::string heading;
  std::vector<std::string> lines;
};
struct ThirdParty {
  std::string name;
  std::string where;  // the part of the record that names them
};
struct RecordCopy {
  std::string pupil_name;
  std::vector<RecordSection> sections;
  std::vector<ThirdParty> third_parties;
  std::vector<ThirdParty> withheld;  // named in the record, replaced in the copy released
};

// The copy as JSON: {pupil, sections: [{heading, lines}], third_parties: [{name, where}], withheld: [...]}.
std::string record_copy_json(const RecordCopy& copy);
// The copy as released with the people in `names` withheld: every mention replaced, and each listed
// under `withheld` instead. Refused (field "withheld") for a name the copy does not list.
RecordCopy withholding(RecordCopy copy, const std::vector<std::string>& names);
// The sections of a copy kept as JSON (a released one), for printing.
std::vector<RecordSection> sections_of_copy_json(const std::string& json);

// For the request with that id (a request for a copy), to its school's data protection lead.
RecordCopy record_copy(const Services& s, const Actor& a, std::int64_t request_id);
// Inside a use case: the copy of `pupil_id`'s record, named people listed except `requester`.
RecordCopy record_copy_on(store::Connection& c, std::int64_t pupil_id, const std::string& requester);
// What was released in answer to the request (JSON), once it is closed: to the school's lead.
std::optional<std::string> released_copy(const Services& s, const Actor& a, std::int64_t request_id);
// The same, to the person who asked for it: a request of anyone else's is not theirs to know of.
std::optional<std::string> my_released_copy(const Services& s, const Actor& a, std::int64_t request_id);

}  // namespace waypoint::app
