#include "web/alerts/alert_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/alerts/alert.hpp"
#include "domain/kernel/time.hpp"
#include "web/kernel/json_value.hpp"

namespace waypoint::web {

nlohmann::json alert_json(const store::AlertRow& a) {
  const auto label = [](const auto& list, const std::string& code) {
    return std::string(domain::label_of(list, code));
  };
  return {{"id", a.id},
          {"kind", a.kind},
          {"kind_label", label(domain::alert_kinds(), a.kind)},
          {"pupil_id", json_or_null(a.pupil_id)},
          {"school_id", a.school_id},
          {"provider_id", json_or_null(a.provider_id)},
          {"date", a.session_date},
          {"session", a.session},
          {"summary", a.summary},
          {"raised_at", a.raised_at},
          {"raised_at_text", domain::uk_time_text(a.raised_at)},
          {"open", !a.closed_at},
          {"closed_at", json_or_null(a.closed_at)},
          {"closed_at_text", a.closed_at ? domain::uk_time_text(*a.closed_at) : ""},
          {"outcome", json_or_null(a.outcome)},
          {"outcome_label", a.outcome ? label(domain::alert_outcomes(), *a.outcome) : ""}};
}

}  // namespace waypoint::web
