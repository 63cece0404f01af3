#include "store/outcomes/outcome_store.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace waypoint::store {

namespace {

OutcomeRow outcome_row(const Row& r) {
  return OutcomeRow{r.integer(0), r.integer(1), r.integer(2),  r.integer(3), {},       r.text(4),
                    r.text(5),    r.text(6),    r.opt_text(7), r.text(8),    r.text(9)};
}

// The scope's placements that have run and started or ended within [$2, $3], the scope's id being
// $1: the joins and WHERE every read of the outcomes shares, so each reads the same placements.
// `placement_is` joins them to the read's own table.
std::string scope_placements(OutcomeScope scope, const char* placement_is) {
  const char* where = scope == OutcomeScope::School           ? "pl.school_id = $1"
                      : scope == OutcomeScope::LocalAuthority ? "sc.parent_id = $1"
                                                              : "pl.provider_id = $1";
  return std::string(" JOIN placements pl ON ") + placement_is +
         " JOIN organisations sc ON sc.id = pl.school_id WHERE " + where +
         " AND pl.status IN ('active', 'ended') AND ((COALESCE(pl.activated_on, pl.start_date) BETWEEN $2 AND $3) "
         "OR (pl.ended_on BETWEEN $2 AND $3))";
}

}  // namespace

std::vector<OutcomeRow> placements_for_outcomes(Connection& c, OutcomeScope scope, std::int64_t id,
                                                const std::string& from, const std::string& to) {
  // Row by row into the placements: an area's year is thousands, and generic rows held beside them
  // were as much work again. Put in order here, not by the engine: SQLite's sorter copied each row
  // whole, names and all, and compared them as records: a fifth of the page's own thread.
  std::vector<OutcomeRow> out;
  c.each_row(
      "SELECT pl.id, pl.pupil_id, pl.school_id, pl.provider_id, sc.name, pr.name, "
      "COALESCE(pl.activated_on, pl.start_date), pl.ended_on, COALESCE(pl.end_reason, ''), "
      "COALESCE(pl.destination, '') FROM organisations pr" +
          scope_placements(scope, "pl.provider_id = pr.id"),
      {integer(id), from, to}, [&](const Row& r) { out.push_back(outcome_row(r)); });
  // Their positions are sorted, then each row moved once: a row is seven strings to move.
  std::vector<std::size_t> order(out.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(out[a].started, out[a].placement_id) < std::tie(out[b].started, out[b].placement_id);
  });
  std::vector<OutcomeRow> in_order;
  in_order.reserve(out.size());
  for (const auto i : order) in_order.push_back(std::move(out[i]));
  return in_order;
}

OutcomeDetails outcome_details(Connection& c, OutcomeScope scope, std::int64_t id, const std::string& from,
                               const std::string& to) {
  OutcomeDetails d;
  c.each_row_together(outcome_details_reads(d, scope, id, from, to));
  return d;
}

std::vector<Read> outcome_details_reads(OutcomeDetails& d, OutcomeScope scope, std::int64_t id, const std::string& from,
                                        const std::string& to) {
  const Params params{integer(id), from, to};
  std::vector<Read> reads;
  // Kept by triggers as marks are written (migration 0020): a few rows a placement, however long
  // its history.
  reads.push_back(read_into(d.code_counts,
                            "SELECT t.placement_id, t.code, t.sessions FROM attendance_code_totals t" +
                                scope_placements(scope, "pl.id = t.placement_id") + " AND t.sessions > 0",
                            params, [](const Row& r) {
                              return CodeCount{r.integer(0), r.text(1), static_cast<int>(r.integer(2))};
                            }));
  reads.push_back(read_into(
      d.first_baselines,
      "SELECT v.placement_id, o.area, o.baseline_value FROM plan_objectives o "
      "JOIN plan_versions v ON v.id = o.plan_version_id" +
          scope_placements(scope, "pl.id = v.placement_id") +
          " AND o.area IN ('attendance', 'suspensions') AND v.version = (SELECT MIN(w.version) FROM plan_versions w "
          "WHERE w.placement_id = v.placement_id AND w.agreed_on IS NOT NULL) ORDER BY v.placement_id, o.position",
      params, [](const Row& r) {
        return Baseline{r.integer(0), r.text(1), r.text(2)};
      }));
  reads.push_back(read_into(d.return_checks,
                            "SELECT f.placement_id, f.number, f.attendance_percent, f.suspensions, f.holding "
                            "FROM return_follow_ups f" +
                                scope_placements(scope, "pl.id = f.placement_id") +
                                " ORDER BY f.placement_id, f.number",
                            params, [](const Row& r) {
                              return CheckResult{r.integer(0), static_cast<int>(r.integer(1)), r.text(2),
                                                 static_cast<int>(r.integer(3)), r.boolean(4)};
                            }));
  return reads;
}

std::optional<OutcomesRevision> outcomes_revision(Connection& c, std::int64_t la_id) {
  if (c.engine() != Engine::Postgres) return std::nullopt;
  const auto r = c.query_one(
      "SELECT (SELECT revision FROM outcome_revisions WHERE la_id = 0), COALESCE((SELECT revision FROM "
      "outcome_revisions WHERE la_id = $1), 0), COALESCE((SELECT SUM(revision) FROM attendance_week_revisions "
      "WHERE la_id = $1), 0)::BIGINT",
      {integer(la_id)});
  return OutcomesRevision{r->integer(0), r->integer(1), r->integer(2)};
}

}  // namespace waypoint::store
