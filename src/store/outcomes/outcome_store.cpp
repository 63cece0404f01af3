#include "store/outcomes/outcome_store.hpp"

namespace waypoint::store {

namespace {

OutcomeRow outcome_row(const Row& r) {
  return OutcomeRow{r.integer(0), r.integer(1), r.integer(2),  r.integer(3), {},       r.text(4),
                    r.text(5),    r.text(6),    r.opt_text(7), r.text(8),    r.text(9)};
}

}  // namespace

std::vector<OutcomeRow> placements_for_outcomes(Connection& c, OutcomeScope scope, std::int64_t id,
                                                const std::string& from, const std::string& to) {
  const char* where = scope == OutcomeScope::School           ? "pl.school_id = $1"
                      : scope == OutcomeScope::LocalAuthority ? "sc.parent_id = $1"
                                                              : "pl.provider_id = $1";
  // Row by row into the placements: an area's year is thousands, and generic rows held beside them
  // were as much work again.
  std::vector<OutcomeRow> out;
  c.each_row(
      std::string("SELECT pl.id, pl.pupil_id, pl.school_id, pl.provider_id, "
                  "sc.name, pr.name, COALESCE(pl.activated_on, pl.start_date), pl.ended_on, "
                  "COALESCE(pl.end_reason, ''), COALESCE(pl.destination, '') FROM placements pl "
                  "JOIN organisations sc ON sc.id = pl.school_id "
                  "JOIN organisations pr ON pr.id = pl.provider_id WHERE ") +
          where +
          " AND pl.status IN ('active', 'ended') AND ((COALESCE(pl.activated_on, pl.start_date) BETWEEN $2 AND $3) "
          "OR (pl.ended_on BETWEEN $2 AND $3)) ORDER BY COALESCE(pl.activated_on, pl.start_date), pl.id",
      {integer(id), from, to}, [&](const Row& r) { out.push_back(outcome_row(r)); });
  return out;
}

OutcomeDetails outcome_details(Connection& c, const std::vector<std::int64_t>& placement_ids) {
  OutcomeDetails d;
  if (placement_ids.empty()) return d;
  // Each read names the placements as one array: the statements' text is the same for any number of
  // them, so each is planned once.
  const auto among = [&](std::string_view column, Params& params) {
    return id_among(c.engine(), column, params, placement_ids);
  };
  std::vector<Read> reads;
  Params counts;
  // Kept by triggers as marks are written (migration 0020): a few rows a placement, however long
  // its history.
  auto sql = "SELECT placement_id, code, sessions FROM attendance_code_totals WHERE " + among("placement_id", counts) +
             " AND sessions > 0";
  reads.push_back(read_into(d.code_counts, std::move(sql), std::move(counts), [](const Row& r) {
    return CodeCount{r.integer(0), r.text(1), static_cast<int>(r.integer(2))};
  }));
  Params baselines;
  sql =
      "SELECT v.placement_id, o.area, o.baseline_value FROM plan_objectives o "
      "JOIN plan_versions v ON v.id = o.plan_version_id WHERE " +
      among("v.placement_id", baselines) +
      " AND o.area IN ('attendance', 'suspensions') AND v.version = (SELECT MIN(w.version) FROM plan_versions w "
      "WHERE w.placement_id = v.placement_id AND w.agreed_on IS NOT NULL) ORDER BY v.placement_id, o.position";
  reads.push_back(read_into(d.first_baselines, std::move(sql), std::move(baselines), [](const Row& r) {
    return Baseline{r.integer(0), r.text(1), r.text(2)};
  }));
  Params checks;
  sql = "SELECT placement_id, number, attendance_percent, suspensions, holding FROM return_follow_ups WHERE " +
        among("placement_id", checks) + " ORDER BY placement_id, number";
  reads.push_back(read_into(d.return_checks, std::move(sql), std::move(checks), [](const Row& r) {
    return CheckResult{r.integer(0), static_cast<int>(r.integer(1)), r.text(2), static_cast<int>(r.integer(3)),
                       r.boolean(4)};
  }));
  c.each_row_together(reads);
  return d;
}

}  // namespace waypoint::store
