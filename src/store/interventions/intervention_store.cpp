#include "store/interventions/intervention_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kInterventionSelect =
    "SELECT r.id, r.pupil_id, r.recorded_by_org, r.happened_on, r.started_at, r.place, r.staff, r.led_up_to, "
    "r.de_escalation, r.kind, r.minutes, r.reason, r.reason_detail, r.injuries, r.support_afterwards, r.pupil_sen, "
    "u.display_name, r.recorded_at, o.name FROM restrictive_interventions r JOIN users u ON u.id = r.recorded_by "
    "JOIN organisations o ON o.id = r.recorded_by_org ";

InterventionRow intervention_from_row(const Row& r) {
  InterventionRow x;
  x.id = r.integer(0);
  x.pupil_id = r.integer(1);
  x.recorded_by_org = r.integer(2);
  x.record = {r.text(3), r.text(4),  r.text(5),  r.text(6),  r.text(7),  r.text(8),
              r.text(9), r.text(10), r.text(11), r.text(12), r.text(13), r.text(14)};
  x.pupil_sen = r.text(15);
  x.recorded_by_name = r.text(16);
  x.recorded_at = r.text(17);
  x.organisation_name = r.text(18);
  return x;
}

}  // namespace

std::int64_t insert_intervention(Connection& c, const InterventionRow& x, std::int64_t user_id) {
  const auto& r = x.record;
  return c.insert(
      "INSERT INTO restrictive_interventions (pupil_id, recorded_by_org, happened_on, started_at, place, staff, "
      "led_up_to, de_escalation, kind, minutes, reason, reason_detail, injuries, support_afterwards, pupil_sen, "
      "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) "
      "RETURNING id",
      {integer(x.pupil_id), integer(x.recorded_by_org), r.date, r.time, r.place, r.staff, r.led_up_to, r.de_escalation,
       r.kind, r.minutes, r.reason, r.reason_detail, r.injuries, r.support_afterwards, x.pupil_sen, integer(user_id),
       x.recorded_at});
}

std::vector<InterventionRow> interventions_of_pupil(Connection& c, std::int64_t pupil_id,
                                                    std::optional<std::int64_t> recorded_by_org) {
  Params params{integer(pupil_id)};
  if (recorded_by_org) params.push_back(integer(*recorded_by_org));
  return map_rows(c.query(kInterventionSelect + std::string("WHERE r.pupil_id = $1 ") +
                              (recorded_by_org ? "AND r.recorded_by_org = $2 " : "") +
                              "ORDER BY r.happened_on DESC, r.started_at DESC, r.id DESC",
                          params),
                  intervention_from_row);
}

std::optional<InterventionRow> find_intervention(Connection& c, std::int64_t id) {
  const auto rows = c.query(kInterventionSelect + std::string("WHERE r.id = $1"), {integer(id)});
  if (rows.empty()) return std::nullopt;
  return intervention_from_row(rows.front());
}

std::vector<domain::InterventionCount> intervention_counts_in_area(Connection& c, std::int64_t la_id,
                                                                   const std::string& from_month) {
  return map_rows(
      c.query("SELECT o.name, SUBSTR(r.happened_on, 1, 7), COUNT(*) FROM restrictive_interventions r "
              "JOIN pupils p ON p.id = r.pupil_id JOIN organisations sc ON sc.id = p.school_id "
              "JOIN organisations o ON o.id = r.recorded_by_org WHERE sc.parent_id = $1 AND r.happened_on >= $2 "
              "GROUP BY o.name, SUBSTR(r.happened_on, 1, 7)",
              {integer(la_id), from_month + "-01"}),
      [](const Row& r) {
        return domain::InterventionCount{r.text(0), r.text(1), static_cast<int>(r.integer(2))};
      });
}

}  // namespace waypoint::store
