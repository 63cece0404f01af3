#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/reintegration/reintegration.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/placements/timetable.hpp"
#include "domain/progress/progress.hpp"
#include "web/kernel/application.hpp"
#include "web/reintegration/reintegration_json.hpp"

namespace waypoint::web {
namespace {

constexpr int kBlankRows = 2;

std::string return_path(std::int64_t placement_id) { return "/placements/" + std::to_string(placement_id) + "/return"; }

const std::vector<domain::CodeLabel>& school_days() {
  static const std::vector<domain::CodeLabel> list{
      {"1", "Monday"}, {"2", "Tuesday"}, {"3", "Wednesday"}, {"4", "Thursday"}, {"5", "Friday"}};
  return list;
}

bool is_blank_row(const Request& r, const std::string& prefix, std::initializer_list<const char*> parts) {
  for (const auto* p : parts)
    for (const auto& v : r.fields(prefix + p))
      if (!domain::trimmed(v).empty()) return false;
  return true;
}

domain::ReintegrationInput reintegration_form(const Request& r) {
  domain::ReintegrationInput in;
  const auto criteria = std::min<std::int64_t>(domain::parse_whole_number(r.field("criterion_count")).value_or(0), 30);
  for (std::int64_t i = 1; i <= criteria; ++i) {
    const auto n = "criterion_" + std::to_string(i) + "_";
    if (is_blank_row(r, n, {"text"})) continue;
    in.criteria.push_back({r.field(n + "objective"), r.field(n + "text")});
  }
  const auto steps = std::min<std::int64_t>(domain::parse_whole_number(r.field("step_count")).value_or(0), 30);
  for (std::int64_t i = 1; i <= steps; ++i) {
    const auto n = "step_" + std::to_string(i) + "_";
    auto starts_on = date_field(r, n + "starts_on");
    if (domain::trimmed(starts_on).empty() && is_blank_row(r, n, {"days"})) continue;
    domain::ReturnStep step{std::move(starts_on), {}};
    for (const auto& d : r.fields(n + "days"))
      if (auto day = domain::parse_whole_number(d)) step.days_at_school.push_back(static_cast<unsigned>(*day));
    in.steps.push_back(step);
  }
  in.key_adult = r.field("key_adult");
  in.mentoring = r.field("mentoring");
  in.adjustments = r.field("adjustments");
  in.responsibilities = r.field("responsibilities");
  return in;
}

nlohmann::json objective_options(const app::ReintegrationView& v, const std::string& selected) {
  nlohmann::json out = nlohmann::json::array();
  out.push_back({{"value", ""}, {"text", "Select an objective"}, {"selected", selected.empty()}});
  for (std::size_t i = 0; i < v.objectives.size(); ++i) {
    const auto number = std::to_string(i + 1);
    out.push_back(
        {{"value", number}, {"text", number + ". " + v.objectives[i].description}, {"selected", selected == number}});
  }
  return out;
}

Response reintegration_page(RequestContext& ctx, std::int64_t placement_id, bool editing,
                            const domain::FieldErrors& errors, int status) {
  const auto v = app::view_reintegration(ctx.services, ctx.actor(), placement_id);
  const auto& r = ctx.request;
  const bool typed = r.method == "POST";
  auto data = reintegration_json(v);
  data["title"] = "Return to school: " + v.placement.pupil_name;
  data["provider_name"] = v.placement.provider_name;
  data["school_name"] = v.placement.school_name;
  data["notice"] = r.query_value("done");
  data["has_plan"] = v.plan.has_value();
  data["can_edit"] = v.can_edit;
  data["editing"] = editing && v.can_edit;
  data["has_follow_ups"] = !v.follow_ups.empty();
  add_errors(data, errors);
  const auto wanted = domain::parse_whole_number(r.field("number")).value_or(0);
  // One check's form at a time: the first not yet recorded, or the one that came back with errors.
  if (v.can_record_follow_ups)
    for (const auto& f : v.follow_ups)
      if (!f.done && (!typed || wanted == f.number)) {
        auto& form = data["follow_up_form"];
        form["number"] = f.number;
        form["legend"] =
            "Check " + std::to_string(f.number) + ", due " + domain::date_text(domain::format_date(f.due_on));
        auto field = [&](const char* id, const char* label, const std::string& hint = "", const char* width = "") {
          return input_field(data, {.id = id, .label = label, .value = r.field(id), .hint = hint, .width = width});
        };
        form["checked_on"] = input_field(data, {.id = "checked_on",
                                                .label = "Date of the check",
                                                .value = date_field(r, "checked_on"),
                                                .type = "date",
                                                .hint = date_example(ctx.services.today())});
        form["attendance_percent"] = field("attendance_percent", "Attendance at school since the return, in per cent",
                                           "", "govuk-input--width-4");
        form["suspensions"] = field("suspensions", "Suspensions since the return", "", "govuk-input--width-2");
        auto engagement = field("engagement", "Engagement");
        engagement["options"] = options(domain::engagement_levels(), r.field("engagement"));
        form["engagement"] = engagement;
        auto holding = field("holding", "Is the return holding?");
        holding["options"] = options({{"yes", "Yes"}, {"no", "No"}}, r.field("holding"));
        form["holding"] = holding;
        form["notes"] = field("notes", "Notes", "Needed when it is not holding: what is going wrong and what is done");
        break;
      }

  if (data["editing"]) {
    const auto in = typed ? reintegration_form(r) : domain::ReintegrationInput{};
    std::vector<domain::ReadinessCriterion> criteria_rows = in.criteria;
    std::vector<domain::ReturnStep> step_rows = in.steps;
    if (!typed && v.plan) {
      for (const auto& c : v.plan->criteria)
        criteria_rows.push_back({c.objective ? std::to_string(*c.objective) : "", c.criterion});
      for (const auto& s : v.plan->steps) step_rows.push_back({s.starts_on, s.days_at_school});
    }
    for (int i = 0; i < kBlankRows; ++i) {
      criteria_rows.push_back({});
      step_rows.push_back({});
    }
    nlohmann::json crit = nlohmann::json::array();
    for (std::size_t i = 0; i < criteria_rows.size(); ++i) {
      const auto n = "criterion_" + std::to_string(i + 1) + "_";
      auto objective = input_field(data, {.id = n + "objective", .label = "Objective"});
      objective["options"] = objective_options(v, criteria_rows[i].objective);
      crit.push_back({{"number", i + 1},
                      {"has_objectives", !v.objectives.empty()},
                      {"objective", objective},
                      {"text", input_field(data, {.id = n + "text",
                                                  .label = "What shows the pupil is ready",
                                                  .value = criteria_rows[i].criterion})}});
    }
    data["criterion_rows"] = std::move(crit);
    data["criterion_count"] = criteria_rows.size();
    nlohmann::json srows = nlohmann::json::array();
    for (std::size_t i = 0; i < step_rows.size(); ++i) {
      const auto n = "step_" + std::to_string(i + 1) + "_";
      std::vector<std::string> checked;
      for (auto d : step_rows[i].days_at_school) checked.push_back(std::to_string(d));
      srows.push_back(
          {{"number", i + 1},
           {"starts_on", input_field(data, {.id = n + "starts_on",
                                            .label = "First day of the step",
                                            .value = step_rows[i].starts_on,
                                            .type = "date"})},
           {"days_id", n + "days"},
           {"days_error", data["errors"].contains(n + "days") ? data["errors"][n + "days"] : nlohmann::json("")},
           {"days", checkboxes(n + "days", school_days(), checked)}});
    }
    data["step_rows"] = std::move(srows);
    data["step_count"] = step_rows.size();
    auto text = [&](const char* id, const char* label, const std::string& saved, const char* hint = "") {
      data["fields"][id] =
          input_field(data, {.id = id, .label = label, .value = typed ? r.field(id) : saved, .hint = hint});
    };
    text("key_adult", "Key adult at the home school", v.plan ? v.plan->key_adult : "", "Who the pupil goes to first");
    text("mentoring", "Mentoring (optional)", v.plan ? v.plan->mentoring : "");
    text("adjustments", "Adjustments (optional)", v.plan ? v.plan->adjustments : "",
         "Like a reduced timetable at first, a time-out card, a quiet space");
    text("responsibilities", "Who does what", v.plan ? v.plan->responsibilities : "",
         "The school, the provider, the family and the pupil");
  }
  return ctx.page("reviews/return", std::move(data), status);
}

}  // namespace

void add_reintegration_routes(Router& r) {
  r.add("GET", "/placements/{id}/return", [](Request& req, RequestContext& ctx) {
    return reintegration_page(ctx, id_param(req, "id"), req.query_value("edit") == "1", {}, 200);
  });

  r.add("POST", "/placements/{id}/return", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::save_reintegration_plan(ctx.services, ctx.actor(), id, reintegration_form(req));
    } catch (const app::Invalid& e) {
      return reintegration_page(ctx, id, true, e.errors(), 422);
    }
    return Response::redirect(return_path(id) + "?done=saved");
  });

  r.add("POST", "/placements/{id}/return/steps/{step}", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::apply_return_step(ctx.services, ctx.actor(), id, static_cast<int>(id_param(req, "step")));
    } catch (const app::Invalid& e) {
      return reintegration_page(ctx, id, false, e.errors(), 422);
    }
    return Response::redirect(return_path(id) + "?done=step");
  });

  r.add("POST", "/placements/{id}/return/follow-ups", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    const auto number = domain::parse_whole_number(req.field("number")).value_or(0);
    try {
      app::record_follow_up(ctx.services, ctx.actor(), id, static_cast<int>(number),
                            {date_field(req, "checked_on"), req.field("attendance_percent"), req.field("suspensions"),
                             req.field("engagement"), req.field("holding"), req.field("notes")});
    } catch (const app::Invalid& e) {
      return reintegration_page(ctx, id, false, e.errors(), 422);
    }
    return Response::redirect(return_path(id) + "?done=check");
  });
}

}  // namespace waypoint::web
