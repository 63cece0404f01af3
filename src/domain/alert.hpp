#pragma once
// Alerts: what raises them, who they are for, what is done about them.
#include <string>
#include <vector>

#include "domain/code_label.hpp"
#include "domain/pupil.hpp"

namespace waypoint::domain {

const std::vector<CodeLabel>& alert_actions();   // contacted parent, home visit, ...
const std::vector<CodeLabel>& alert_outcomes();  // how an alert is closed

// The sentence an unexplained-absence alert opens with, naming the pupil's social worker or youth
// offending worker where there is one, so the DSL knows whom to call.
std::string unexplained_absence_summary(const Pupil& pupil, const std::vector<PupilContact>& contacts,
                                        const std::string& provider_name, const std::string& date,
                                        const std::string& session_name);

}  // namespace waypoint::domain
