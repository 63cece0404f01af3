#include "app/kernel/envelope.hpp"

#include <atomic>
#include <nlohmann/json.hpp>

namespace waypoint::app {

AuditRecord refusal_of(const UseCase& use_case, std::optional<std::int64_t> entity_id,
                       std::optional<std::int64_t> pupil_id) {
  return {use_case.name + "_refused", use_case.entity, entity_id, pupil_id,
          nlohmann::json{{"policy", std::string(domain::action_name(use_case.action))}}.dump()};
}

void audit_refused(store::Connection& c, const Services& s, const Actor& a, const UseCase& use_case,
                   std::optional<std::int64_t> entity_id, std::optional<std::int64_t> pupil_id) {
  audit(c, s, &a, refusal_of(use_case, entity_id, pupil_id));
}

namespace {

std::atomic<int> reads_beside{0};

}  // namespace

bool begin_read_beside() {
  if (reads_beside.fetch_add(1) < kReadsBeside) return true;
  reads_beside.fetch_sub(1);
  return false;
}

void end_read_beside() { reads_beside.fetch_sub(1); }

void refuse(domain::Decision d) {
  if (d == domain::Decision::Hide) throw NotFound();
  throw Denied(Denied::Audited);
}

}  // namespace waypoint::app
