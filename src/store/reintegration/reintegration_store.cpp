#include "store/reintegration/reintegration_store.hpp"

#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::store {
namespace {

std::string days_column(const std::vector<unsigned>& days) {
  std::vector<std::string> out;
  for (auto d : days) out.push_back(std::to_string(d));
  return domain::join_list(out);
}

std::vector<unsigned> days_of(const std::string& column) {
  std::vector<unsigned> out;
  for (const auto& d : domain::split_list(column))
    if (auto n = domain::parse_whole_number(d)) out.push_back(static_cast<unsigned>(*n));
  return out;
}

}  // namespace

std::optional<ReintegrationRow> find_reintegration(Connection& c, std::int64_t placement_id) {
  auto r = c.query_one(
      "SELECT r.placement_id, r.review_id, r.key_adult, r.mentoring, r.adjustments, r.responsibilities, "
      "u.display_name, r.updated_at FROM reintegration_plans r JOIN users u ON u.id = r.updated_by "
      "WHERE r.placement_id = $1",
      {integer(placement_id)});
  if (!r) return std::nullopt;
  ReintegrationRow row{r->integer(0), r->integer(1), r->text(2), r->text(3), r->text(4),
                       r->text(5),    r->text(6),    r->text(7), {},         {}};
  row.criteria = map_rows(c.query("SELECT position, objective_position, criterion FROM readiness_criteria "
                                  "WHERE placement_id = $1 ORDER BY position",
                                  {integer(placement_id)}),
                          [](const Row& x) {
                            return CriterionRow{static_cast<int>(x.integer(0)), x.opt_integer(1), x.text(2)};
                          });
  row.steps = map_rows(
      c.query("SELECT position, starts_on, days_at_school, applied_on FROM return_steps WHERE placement_id = $1 "
              "ORDER BY position",
              {integer(placement_id)}),
      [](const Row& x) {
        return StepRow{static_cast<int>(x.integer(0)), x.text(1), days_of(x.text(2)), x.opt_text(3)};
      });
  return row;
}

void save_reintegration(Connection& c, const ReintegrationRow& row, std::int64_t user_id, const std::string& now) {
  const auto id = integer(row.placement_id);
  // What this replaces is kept in the history tables first, as it was.
  c.exec(
      "INSERT INTO reintegration_plan_history (placement_id, review_id, key_adult, mentoring, adjustments, "
      "responsibilities, updated_by, updated_at, superseded_at) SELECT placement_id, review_id, key_adult, mentoring, "
      "adjustments, responsibilities, updated_by, updated_at, $2 FROM reintegration_plans WHERE placement_id = $1",
      {id, now});
  c.exec(
      "INSERT INTO readiness_criteria_history (placement_id, position, objective_position, criterion, superseded_at) "
      "SELECT placement_id, position, objective_position, criterion, $2 FROM readiness_criteria WHERE placement_id = "
      "$1",
      {id, now});
  c.exec(
      "INSERT INTO return_step_history (placement_id, position, starts_on, days_at_school, applied_on, superseded_at) "
      "SELECT placement_id, position, starts_on, days_at_school, applied_on, $2 FROM return_steps WHERE placement_id = "
      "$1",
      {id, now});
  for (const char* table : {"readiness_criteria", "return_steps", "reintegration_plans"})
    c.exec(std::string("DELETE FROM ") + table + " WHERE placement_id = $1", {id});
  c.exec(
      "INSERT INTO reintegration_plans (placement_id, review_id, key_adult, mentoring, adjustments, responsibilities, "
      "updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {id, integer(row.review_id), row.key_adult, row.mentoring, row.adjustments, row.responsibilities,
       integer(user_id), now});
  for (const auto& x : row.criteria)
    c.exec(
        "INSERT INTO readiness_criteria (placement_id, position, objective_position, criterion) "
        "VALUES ($1, $2, $3, $4)",
        {id, integer(x.position), opt_integer(x.objective), x.criterion});
  for (const auto& x : row.steps)
    c.exec(
        "INSERT INTO return_steps (placement_id, position, starts_on, days_at_school, applied_on) "
        "VALUES ($1, $2, $3, $4, $5)",
        {id, integer(x.position), x.starts_on, days_column(x.days_at_school), x.applied_on});
}

void mark_step_applied(Connection& c, std::int64_t placement_id, int position, const std::string& on) {
  c.exec("UPDATE return_steps SET applied_on = $3 WHERE placement_id = $1 AND position = $2",
         {integer(placement_id), integer(position), on});
}

std::vector<ReturnCheckRow> return_checks_of(Connection& c, std::int64_t placement_id) {
  auto rows = c.query(
      "SELECT f.placement_id, f.number, f.due_on, f.checked_on, f.attendance_percent, f.suspensions, f.engagement, "
      "f.holding, f.notes, u.display_name FROM return_follow_ups f JOIN users u ON u.id = f.recorded_by "
      "WHERE f.placement_id = $1 ORDER BY f.number",
      {integer(placement_id)});
  return map_rows(rows, [](const Row& r) {
    return ReturnCheckRow{r.integer(0),
                          static_cast<int>(r.integer(1)),
                          r.text(2),
                          r.text(3),
                          r.text(4),
                          static_cast<int>(r.integer(5)),
                          static_cast<int>(r.integer(6)),
                          r.boolean(7),
                          r.text(8),
                          r.text(9)};
  });
}

void insert_return_check(Connection& c, const ReturnCheckRow& f, std::int64_t user_id, const std::string& now) {
  c.exec(
      "INSERT INTO return_follow_ups (placement_id, number, due_on, checked_on, attendance_percent, suspensions, "
      "engagement, holding, notes, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      {integer(f.placement_id), integer(f.number), f.due_on, f.checked_on, f.attendance_percent, integer(f.suspensions),
       integer(f.engagement), integer(f.holding ? 1 : 0), f.notes, integer(user_id), now});
}

void record_ending(Connection& c, std::int64_t placement_id, const std::string& destination,
                   const std::string& pupil_assessment, const std::string& parent_view) {
  c.exec("UPDATE placements SET destination = $2, pupil_assessment = $3, parent_view = $4 WHERE id = $1",
         {integer(placement_id), destination.empty() ? null() : text(destination), pupil_assessment, parent_view});
}

}  // namespace waypoint::store
