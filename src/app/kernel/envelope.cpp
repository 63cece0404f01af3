#include "app/kernel/envelope.hpp"

#include <nlohmann/json.hpp>

namespace waypoint::app {

void audit_refused(store::Connection& c, const Services& s, const Actor& a, const UseCase& use_case,
                   std::optional<std::int64_t> entity_id, std::optional<std::int64_t> pupil_id) {
  audit(c, s, &a,
        {use_case.name + "_refused", use_case.entity, entity_id, pupil_id,
         nlohmann::json{{"policy", std::string(domain::action_name(use_case.action))}}.dump()});
}

void refuse(domain::Decision d) {
  if (d == domain::Decision::Hide) throw NotFound();
  throw Denied(Denied::Audited);
}

}  // namespace waypoint::app
