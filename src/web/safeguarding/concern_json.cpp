#include "web/safeguarding/concern_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/calendar_date.hpp"

#include "domain/kernel/time.hpp"
#include "domain/safeguarding/concern.hpp"

namespace waypoint::web {

nlohmann::json concern_json(const store::ConcernRow& c) {
  return {{"id", c.id},
          {"pupil_id", c.pupil_id},
          {"category", c.category},
          {"category_label", std::string(domain::label_of(domain::concern_categories(), c.category))},
          {"happened_on", c.happened_on},
          {"happened_on_text", domain::date_text(c.happened_on)},
          {"what_happened", c.what_happened},
          {"action_taken", c.action_taken},
          {"recorded_by", c.logged_by_name},
          {"recorded_at", c.logged_at},
          {"recorded_at_text", domain::uk_time_text(c.logged_at)}};
}

}  // namespace waypoint::web
