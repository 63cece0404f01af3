#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/placements/plans.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/placements/plan.hpp"
#include "web/kernel/application.hpp"
#include "web/placements/plan_json.hpp"

namespace waypoint::web {
namespace {

constexpr int kBlankObjectives = 2;

// The parts of an objective row, in form order, with their labels.
struct Part {
  const char* name;
  const char* label;
  std::string domain::Objective::*member;
  const char* width;  // "date": GOV.UK's day, month and year boxes
};
const Part kParts[] = {
    {"description", "What should change", &domain::Objective::description, ""},
    {"baseline_value", "Baseline: where the pupil is now", &domain::Objective::baseline_value, "govuk-input--width-20"},
    {"baseline_date", "Date of the baseline", &domain::Objective::baseline_date, "date"},
    {"baseline_source", "Where the baseline comes from", &domain::Objective::baseline_source, ""},
    {"target", "Target", &domain::Objective::target, "govuk-input--width-20"},
    {"measure", "How it is measured", &domain::Objective::measure, ""},
    {"unit", "Unit (optional)", &domain::Objective::unit, "govuk-input--width-10"},
    {"target_date", "Date to reach the target", &domain::Objective::target_date, "date"},
    {"responsible", "Who is responsible", &domain::Objective::responsible, ""},
};

domain::Plan plan_form(const Request& r) {
  domain::Plan p;
  const auto count = domain::parse_whole_number(r.field("objective_count")).value_or(0);
  for (std::int64_t i = 1; i <= std::min<std::int64_t>(count, 50); ++i) {
    const auto n = "objective_" + std::to_string(i) + "_";
    domain::Objective o;
    o.area = r.field(n + "area");
    for (const auto& part : kParts)
      o.*part.member = part.width == std::string_view("date") ? date_field(r, n + part.name) : r.field(n + part.name);
    p.objectives.push_back(o);
  }
  p.monitoring = r.field("monitoring");
  p.curriculum_fit = r.field("curriculum_fit");
  p.ehc_outcomes = r.field("ehc_outcomes");
  p.pupil_views = r.field("pupil_views");
  p.parent_views = r.field("parent_views");
  return p;
}

Response plan_page(RequestContext& ctx, std::int64_t placement_id, const domain::Plan* typed,
                   const domain::FieldErrors& errors, int status, bool print = false) {
  const auto version = domain::parse_whole_number(ctx.request.query_value("version")).value_or(0);
  const auto v = app::view_plan(ctx.services, ctx.actor(), placement_id,
                                static_cast<int>(std::min<std::int64_t>(version, 100000)));
  nlohmann::json data{{"title", "Personalised plan for " + v.placement.pupil_name},
                      {"placement_id", placement_id},
                      {"pupil_name", v.placement.pupil_name},
                      {"provider_name", v.placement.provider_name},
                      {"can_edit", v.can_edit && !print},
                      {"can_new_version", v.can_start_new_version && !print},
                      {"print", print},
                      {"notice", ctx.request.query_value("done")},
                      {"has_ehc_plan", v.pupil_has_ehc_plan}};
  add_errors(data, errors);
  auto plan = plan_json(v);
  for (auto& x : plan["versions"]) x["current"] = v.shown && v.shown->version == x["version"].get<int>();
  data["has_version_list"] = plan["versions"].size() > 1;
  data["versions"] = plan["versions"];
  if (v.shown) {
    auto& shown = plan["plan"];
    shown["is_draft"] = v.shown->status == "draft";
    shown["is_agreed"] = v.shown->status == "agreed";
    shown["is_superseded"] = v.shown->status == "superseded";
    shown["has_objectives"] = !shown["objectives"].empty();
    data["shown"] = shown;
  }
  if (data["can_edit"]) {
    const domain::Plan current = typed ? *typed : (v.shown ? v.shown->plan : domain::Plan{});
    auto rows_of = current.objectives;
    for (int i = 0; i < kBlankObjectives; ++i) rows_of.push_back({});
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = 0; i < rows_of.size(); ++i) {
      const auto n = "objective_" + std::to_string(i + 1) + "_";
      auto area = input_field(data, {.id = n + "area", .label = "Area"});
      area["options"] = options(domain::objective_areas(), rows_of[i].area);
      nlohmann::json parts = nlohmann::json::array();
      for (const auto& part : kParts)
        parts.push_back(part.width == std::string_view("date") ? input_field(data, {.id = n + part.name,
                                                                                    .label = part.label,
                                                                                    .value = rows_of[i].*part.member,
                                                                                    .type = "date"})
                                                               : input_field(data, {.id = n + part.name,
                                                                                    .label = part.label,
                                                                                    .value = rows_of[i].*part.member,
                                                                                    .width = part.width}));
      rows.push_back({{"number", i + 1}, {"area", area}, {"parts", std::move(parts)}});
    }
    data["objective_rows"] = std::move(rows);
    data["objective_count"] = rows_of.size();
    nlohmann::json texts = nlohmann::json::array();
    for (const auto& [id, label, value] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"monitoring", "How progress will be assessed and monitored", current.monitoring},
             {"curriculum_fit", "How the plan fits the pupil's curriculum and qualifications", current.curriculum_fit},
             {"ehc_outcomes", "EHC plan outcomes it serves (for a pupil with an EHC plan)", current.ehc_outcomes},
             {"pupil_views", "The pupil's views", current.pupil_views},
             {"parent_views", "The parents' views", current.parent_views}})
      texts.push_back({{"id", id},
                       {"label", label},
                       {"value", value},
                       {"error", data["errors"].contains(id) ? data["errors"][id] : nlohmann::json("")}});
    data["texts"] = std::move(texts);
  }
  return ctx.page("placements/plan", std::move(data), status);
}

}  // namespace

void add_plan_routes(Router& r) {
  r.add("GET", "/placements/{id}/plan",
        [](Request& req, RequestContext& ctx) { return plan_page(ctx, id_param(req, "id"), nullptr, {}, 200); });

  r.add("GET", "/placements/{id}/plan/print",
        [](Request& req, RequestContext& ctx) { return plan_page(ctx, id_param(req, "id"), nullptr, {}, 200, true); });

  r.add("POST", "/placements/{id}/plan", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    const auto plan = plan_form(req);
    try {
      app::save_plan_draft(ctx.services, ctx.actor(), id, plan);
    } catch (const app::Invalid& e) {
      return plan_page(ctx, id, &plan, e.errors(), 422);
    }
    return Response::redirect("/placements/" + std::to_string(id) + "/plan?done=saved");
  });

  r.add("POST", "/placements/{id}/plan/agree", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::agree_plan(ctx.services, ctx.actor(), id);
    } catch (const app::Invalid& e) {
      return plan_page(ctx, id, nullptr, e.errors(), 422);
    }
    return Response::redirect("/placements/" + std::to_string(id) + "/plan?done=agreed");
  });

  r.add("POST", "/placements/{id}/plan/new-version", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::start_new_plan_version(ctx.services, ctx.actor(), id);
    } catch (const app::Invalid& e) {
      return plan_page(ctx, id, nullptr, e.errors(), 422);
    }
    return Response::redirect("/placements/" + std::to_string(id) + "/plan?done=new_version");
  });
}

}  // namespace waypoint::web
