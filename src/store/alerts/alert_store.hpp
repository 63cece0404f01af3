#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"
#include "store/kernel/page.hpp"

namespace waypoint::store {

struct AlertRow {
  std::int64_t id = 0;
  std::string kind;
  std::optional<std::int64_t> pupil_id;
  std::int64_t school_id = 0;  // the school whose pupil or pupils it concerns
  std::optional<std::int64_t> provider_id;
  std::int64_t for_organisation_id = 0;  // whose inbox it is in: the school, the provider or the LA
  std::string for_role;
  std::string session_date;
  std::string session;
  std::string summary;
  std::string raised_at;
  std::optional<std::string> closed_at;
  std::optional<std::string> outcome;
  std::string once_key;  // what it is about: an alert with the same key is not raised twice
};

struct AlertAction {
  std::string action;
  std::string note;
  std::string by;  // display name
  std::string at;
};

// Raises the alert once: an alert with the same `once_key` is not raised twice.
// Answers the new alert's id, or nothing when it was already raised.
std::optional<std::int64_t> raise_alert(Connection& c, const AlertRow& a, const std::string& now);
std::optional<AlertRow> find_alert(Connection& c, std::int64_t id);
bool alert_raised(Connection& c, const std::string& once_key);
// The once keys of the alerts of a kind raised for a day, for a sweep to test each against.
std::set<std::string> once_keys_raised_on(Connection& c, const std::string& kind, const std::string& date);
// Open ones first, newest first.
Page<AlertRow> alerts_for(Connection& c, std::int64_t organisation_id, const std::vector<std::string>& roles,
                          const PageRequest& page);
std::vector<AlertAction> actions_of(Connection& c, std::int64_t alert_id);
void add_action(Connection& c, std::int64_t alert_id, const std::string& action, const std::string& note,
                std::int64_t user_id, const std::string& now);
void close_alert(Connection& c, std::int64_t alert_id, const std::string& outcome, std::int64_t user_id,
                 const std::string& now);

}  // namespace waypoint::store
