#include "store/placements/plan_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kPlanSelect =
    "SELECT v.id, v.placement_id, v.version, v.status, v.monitoring, v.curriculum_fit, v.ehc_outcomes, "
    "v.pupil_views, v.parent_views, v.agreed_on, u.display_name, v.updated_at FROM plan_versions v "
    "LEFT JOIN users u ON u.id = v.agreed_by ";

PlanVersion plan_from_row(const Row& r) {
  PlanVersion v;
  v.id = r.integer(0);
  v.placement_id = r.integer(1);
  v.version = static_cast<int>(r.integer(2));
  v.status = r.text(3);
  v.plan.monitoring = r.text(4);
  v.plan.curriculum_fit = r.text(5);
  v.plan.ehc_outcomes = r.text(6);
  v.plan.pupil_views = r.text(7);
  v.plan.parent_views = r.text(8);
  v.agreed_on = r.opt_text(9).value_or("");
  v.agreed_by = r.opt_text(10).value_or("");
  v.updated_at = r.text(11);
  return v;
}

void insert_objectives(Connection& c, std::int64_t version_id, const domain::Plan& plan) {
  int position = 0;
  for (const auto& o : plan.objectives) {
    if (o.is_blank()) continue;
    c.exec(
        "INSERT INTO plan_objectives (plan_version_id, position, area, description, baseline_value, baseline_date, "
        "baseline_source, target, measure, unit, target_date, responsible) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "$9, $10, $11, $12)",
        {integer(version_id), integer(++position), o.area, o.description, o.baseline_value, o.baseline_date,
         o.baseline_source, o.target, o.measure, o.unit, o.target_date, o.responsible});
  }
}

}  // namespace

std::vector<PlanVersion> plan_versions(Connection& c, std::int64_t placement_id) {
  return map_rows(
      c.query(kPlanSelect + std::string("WHERE v.placement_id = $1 ORDER BY v.version DESC"), {integer(placement_id)}),
      plan_from_row);
}

std::optional<PlanVersion> find_plan_version(Connection& c, std::int64_t placement_id, int version) {
  auto r = c.query_one(kPlanSelect + std::string("WHERE v.placement_id = $1 AND v.version = $2"),
                       {integer(placement_id), integer(version)});
  if (!r) return std::nullopt;
  auto v = plan_from_row(*r);
  auto rows = c.query(
      "SELECT area, description, baseline_value, baseline_date, baseline_source, target, measure, unit, target_date, "
      "responsible FROM plan_objectives WHERE plan_version_id = $1 ORDER BY position",
      {integer(v.id)});
  v.plan.objectives = map_rows(rows, [](const Row& o) {
    return domain::Objective{o.text(0), o.text(1), o.text(2), o.text(3), o.text(4),
                             o.text(5), o.text(6), o.text(7), o.text(8), o.text(9)};
  });
  return v;
}

std::int64_t insert_plan_version(Connection& c, std::int64_t placement_id, int version, const domain::Plan& plan,
                                 std::int64_t user_id, const std::string& now) {
  const auto id = c.insert(
      "INSERT INTO plan_versions (placement_id, version, status, monitoring, curriculum_fit, ehc_outcomes, "
      "pupil_views, parent_views, created_by, created_at, updated_at) VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, "
      "$8, $9, $9) RETURNING id",
      {integer(placement_id), integer(version), plan.monitoring, plan.curriculum_fit, plan.ehc_outcomes,
       plan.pupil_views, plan.parent_views, integer(user_id), now});
  insert_objectives(c, id, plan);
  return id;
}

bool update_draft(Connection& c, std::int64_t version_id, const domain::Plan& plan, const std::string& now) {
  auto changed = c.query(
      "UPDATE plan_versions SET monitoring = $2, curriculum_fit = $3, ehc_outcomes = $4, pupil_views = $5, "
      "parent_views = $6, updated_at = $7 WHERE id = $1 AND status = 'draft' RETURNING id",
      {integer(version_id), plan.monitoring, plan.curriculum_fit, plan.ehc_outcomes, plan.pupil_views,
       plan.parent_views, now});
  if (changed.empty()) return false;
  // The draft's objectives as they stood before this edit are kept, so what was proposed to a
  // family at a meeting can still be shown after the plan moved on.
  c.exec(
      "INSERT INTO plan_objective_history (plan_version_id, position, area, description, baseline_value, "
      "baseline_date, baseline_source, target, measure, unit, target_date, responsible, superseded_at) "
      "SELECT plan_version_id, position, area, description, baseline_value, baseline_date, baseline_source, target, "
      "measure, unit, target_date, responsible, $2 FROM plan_objectives WHERE plan_version_id = $1",
      {integer(version_id), now});
  c.exec("DELETE FROM plan_objectives WHERE plan_version_id = $1", {integer(version_id)});
  insert_objectives(c, version_id, plan);
  return true;
}

void mark_agreed(Connection& c, std::int64_t placement_id, std::int64_t version_id, std::int64_t user_id,
                 const std::string& on, const std::string& now) {
  c.exec("UPDATE plan_versions SET status = 'superseded' WHERE placement_id = $1 AND status = 'agreed'",
         {integer(placement_id)});
  c.exec("UPDATE plan_versions SET status = 'agreed', agreed_on = $2, agreed_by = $3, updated_at = $4 WHERE id = $1",
         {integer(version_id), on, integer(user_id), now});
}

}  // namespace waypoint::store
