#pragma once
// Alerts in each person's inbox, their log of actions, and closing them with an outcome.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "store/alerts/alert_store.hpp"
#include "store/attendance/attendance_store.hpp"
#include "store/kernel/page.hpp"

namespace waypoint::app {

// Alerts for the actor's role at their school, open first.
store::Page<store::AlertRow> alert_inbox(const Services& s, const Actor& a, const store::PageRequest& page);

struct AlertView {
  store::AlertRow alert;
  std::vector<store::AlertAction> actions;
};
// Only the people an alert is for may read it; to anyone else it does not exist. Audited.
AlertView view_alert(const Services& s, const Actor& a, std::int64_t alert_id);
void log_alert_action(const Services& s, const Actor& a, std::int64_t alert_id, const std::string& action,
                      const std::string& note);
void close_alert(const Services& s, const Actor& a, std::int64_t alert_id, const std::string& outcome,
                 const std::string& note);

// An alert about one pupil for their home school's DSL, raised once for `key` (what it is about).
store::AlertRow alert_for_dsl(const std::string& kind, std::int64_t pupil_id, std::int64_t school_id,
                              const std::string& date, const std::string& session, const std::string& key);

// Raises an alert once (by its once_key), audits it as `actor` (nobody, for the sweep), and queues
// a mail to each of its readers when mail is configured. Answers the id, or nothing if it was raised before.
std::optional<std::int64_t> raise_alert(store::Connection& c, const Services& s, const Actor* actor,
                                        const store::AlertRow& alert, nlohmann::json detail);

// Called as marks are saved: an unexplained absence (N) raises an alert for the home school's DSL,
// once per pupil and session, naming the pupil's social or youth offending worker.
void raise_alerts_for_mark(store::Connection& c, const Services& s, const Actor& a, const store::MarkRow& mark,
                           const std::string& provider_name);

}  // namespace waypoint::app
