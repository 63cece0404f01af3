#pragma once
// The written notice a school gives parents when it directs a pupil off-site (Education
// (Educational Provision for Improving Behaviour) Regulations 2010, as amended): what it must say.
#include <cstdint>
#include <string>
#include <vector>

namespace waypoint::domain {

struct NoticeSession {
  std::string day;    // "Monday"
  std::string times;  // "09:00 to 12:00, 13:00 to 15:00"
};

struct NoticeAddress {
  std::string name;
  std::string address;
};

struct DirectionNotice {
  std::int64_t placement_id = 0;
  std::string date_of_notice;  // the day it was (or is to be) sent
  std::string school_name;
  std::string pupil_name;
  std::string pupil_date_of_birth;
  std::vector<std::string> addressed_to;  // the parents, or the pupil if 18 or over
  std::string provider_name;
  std::vector<NoticeAddress> provider_addresses;  // every site the pupil attends
  std::string report_to;                          // the person to report to
  std::string first_day;
  std::string planned_last_day;
  int days_per_week = 0;
  int school_days_in_all = 0;  // the school days the pupil attends, from the first to the planned last day
  std::string reasons;
  std::string objectives;
  std::vector<NoticeSession> sessions;  // session times, day by day
  std::string breaks;
  bool copy_to_local_authority = false;  // the pupil has an EHC plan
  std::string local_authority_name;
};

// What the notice still lacks before it can be sent, in plain words; empty when complete.
std::vector<std::string> missing_from_notice(const DirectionNotice& n);

}  // namespace waypoint::domain
