#include "store/outcomes/outcome_store.hpp"

namespace waypoint::store {

std::vector<OutcomeRow> placements_for_outcomes(Connection& c, OutcomeScope scope, std::int64_t id,
                                                const std::string& from, const std::string& to) {
  const char* where = scope == OutcomeScope::School           ? "pl.school_id = $1"
                      : scope == OutcomeScope::LocalAuthority ? "sc.parent_id = $1"
                                                              : "pl.provider_id = $1";
  auto rows = c.query(
      std::string("SELECT pl.id, pl.pupil_id, pl.school_id, pl.provider_id, "
                  "sc.name, pr.name, COALESCE(pl.activated_on, pl.start_date), pl.ended_on, "
                  "COALESCE(pl.end_reason, ''), COALESCE(pl.destination, '') FROM placements pl "
                  "JOIN organisations sc ON sc.id = pl.school_id "
                  "JOIN organisations pr ON pr.id = pl.provider_id WHERE ") +
          where +
          " AND pl.status IN ('active', 'ended') AND ((COALESCE(pl.activated_on, pl.start_date) BETWEEN $2 AND $3) "
          "OR (pl.ended_on BETWEEN $2 AND $3)) ORDER BY COALESCE(pl.activated_on, pl.start_date), pl.id",
      {integer(id), from, to});
  return map_rows(rows, [](const Row& r) {
    return OutcomeRow{r.integer(0), r.integer(1), r.integer(2),  r.integer(3), {},       r.text(4),
                      r.text(5),    r.text(6),    r.opt_text(7), r.text(8),    r.text(9)};
  });
}

std::vector<CodeCount> attendance_code_counts(Connection& c, const std::vector<std::int64_t>& placement_ids) {
  if (placement_ids.empty()) return {};
  Params params;
  const auto among = id_among(c.engine(), "placement_id", params, placement_ids);
  // Kept by triggers as marks are written (migration 0020): a few rows a placement, however long
  // its history.
  auto rows = c.query(
      "SELECT placement_id, code, sessions FROM attendance_code_totals WHERE " + among + " AND sessions > 0", params);
  return map_rows(rows, [](const Row& r) {
    return CodeCount{r.integer(0), r.text(1), static_cast<int>(r.integer(2))};
  });
}

std::vector<Baseline> first_baselines(Connection& c, const std::vector<std::int64_t>& placement_ids) {
  if (placement_ids.empty()) return {};
  Params params;
  const auto among = id_among(c.engine(), "v.placement_id", params, placement_ids);
  auto rows = c.query(
      "SELECT v.placement_id, o.area, o.baseline_value FROM plan_objectives o "
      "JOIN plan_versions v ON v.id = o.plan_version_id WHERE " +
          among +
          " AND o.area IN ('attendance', 'suspensions') AND v.version = (SELECT MIN(w.version) FROM plan_versions w "
          "WHERE w.placement_id = v.placement_id AND w.agreed_on IS NOT NULL) ORDER BY v.placement_id, o.position",
      params);
  return map_rows(rows, [](const Row& r) { return Baseline{r.integer(0), r.text(1), r.text(2)}; });
}

std::vector<CheckResult> return_checks(Connection& c, const std::vector<std::int64_t>& placement_ids) {
  if (placement_ids.empty()) return {};
  Params params;
  const auto among = id_among(c.engine(), "placement_id", params, placement_ids);
  auto rows =
      c.query("SELECT placement_id, number, attendance_percent, suspensions, holding FROM return_follow_ups WHERE " +
                  among + " ORDER BY placement_id, number",
              params);
  return map_rows(rows, [](const Row& r) {
    return CheckResult{r.integer(0), static_cast<int>(r.integer(1)), r.text(2), static_cast<int>(r.integer(3)),
                       r.boolean(4)};
  });
}

}  // namespace waypoint::store
