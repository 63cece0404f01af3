#include "domain/placements/direction_notice.hpp"

namespace waypoint::domain {

std::vector<std::string> missing_from_notice(const DirectionNotice& n) {
  std::vector<std::string> out;
  if (n.addressed_to.empty()) out.push_back("the parents it is addressed to: add a parent or carer to the pupil");
  if (n.provider_addresses.empty() || n.provider_addresses.front().address.empty())
    out.push_back("the address where the pupil is taught: name the provider's sites on the placement");
  if (n.report_to.empty()) out.push_back("the person the pupil reports to");
  if (n.sessions.empty()) out.push_back("the session times: add the provider's sessions to the pupil's timetable");
  if (n.days_per_week == 0 || n.school_days_in_all == 0)
    out.push_back("the number of days: the timetable and the school calendar must cover the placement");
  if (n.reasons.empty() || n.objectives.empty()) out.push_back("the reasons for the direction and its objectives");
  return out;
}

}  // namespace waypoint::domain
