// Monitoring visits: a placement's visits, the form to record one and the schedule (pages and API),
// and the LA's record of visits across its area.
#include <cctype>
#include <functional>
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/visits/visits.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/time.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/date_input.hpp"
#include "web/kernel/json_body.hpp"
#include "web/visits/visit_json.hpp"

namespace waypoint::web {
namespace {

constexpr int kActionRows = 3;  // on the form; the API takes any number

nlohmann::json visit_json(const store::VisitRow& r) {
  const auto& v = r.visit;
  nlohmann::json actions = nlohmann::json::array();
  for (const auto& a : v.actions)
    actions.push_back(
        {{"action", a.action}, {"owner", a.owner}, {"due_on", a.due_on}, {"due_on_text", domain::date_text(a.due_on)}});
  return {{"id", r.id},
          {"placement_id", r.placement_id},
          {"visited_on", v.visited_on},
          {"visited_on_text", domain::date_text(v.visited_on)},
          {"visitors", v.visitors},
          {"pupil_seen_learning", v.pupil_seen_learning == "yes"},
          {"what_seen", v.what_seen},
          {"safeguarding", v.safeguarding},
          {"actions", std::move(actions)},
          {"has_actions", !v.actions.empty()},
          {"recorded_by", r.recorded_by_name},
          {"recorded_at", r.recorded_at}};
}

nlohmann::json due_json(const app::VisitDue& d) {
  const auto iso = d.due ? domain::format_date(*d.due) : "";
  return {{"placement_id", d.placement.placement_id},
          {"pupil_id", d.placement.pupil_id},
          {"pupil_name", d.placement.pupil_name},
          {"school_name", d.placement.school_name},
          {"provider_name", d.placement.provider_name},
          {"visit_every", d.placement.visit_every},
          {"last_visit", d.placement.last_visit.value_or("")},
          {"last_visit_text", domain::date_text(d.placement.last_visit.value_or(""))},
          {"due_on", iso},
          {"due_on_text", domain::date_text(iso)},
          {"overdue", d.overdue}};
}

domain::VisitInput visit_input(const std::function<std::string(const std::string&)>& value, int rows) {
  domain::VisitInput v{value("visited_on"), value("visitors"),     value("pupil_seen_learning"),
                       value("what_seen"),  value("safeguarding"), {}};
  for (int i = 1; i <= rows; ++i) {
    const auto n = std::to_string(i);
    v.actions.push_back({value("action_" + n), value("owner_" + n), value("due_on_" + n)});
  }
  return v;
}

Response visits_page(RequestContext& ctx, std::int64_t placement_id, const domain::FieldErrors& errors, int status) {
  const auto v = app::placement_visits(ctx.services, ctx.actor(), placement_id);
  const auto& r = ctx.request;
  nlohmann::json visits = nlohmann::json::array();
  for (const auto& x : v.visits) visits.push_back(visit_json(x));
  auto every_words = std::string(domain::label_of(domain::visit_intervals(), v.every));  // mid-sentence
  if (!every_words.empty())
    every_words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(every_words[0])));
  nlohmann::json data{{"title", "Visits to " + v.placement.provider_name},
                      {"placement_id", placement_id},
                      {"pupil_name", v.placement.pupil_name},
                      {"provider_name", v.placement.provider_name},
                      {"visits", std::move(visits)},
                      {"has_visits", !v.visits.empty()},
                      {"can_record", v.can_record},
                      {"every_label", every_words},
                      {"notice", r.query_value("done") == "recorded"}};
  if (v.next) data["next"] = due_json(*v.next);
  add_errors(data, errors);
  auto& f = data["fields"];
  auto every = input_field(data, {.id = "visit_every", .label = "How often the school visits"});
  every["options"] =
      options(domain::visit_intervals(), r.field("visit_every").empty() ? v.every : r.field("visit_every"));
  f["visit_every"] = every;
  const auto example = date_example(ctx.services.today());
  f["visited_on"] = input_field(data, {.id = "visited_on",
                                       .label = "Date of the visit",
                                       .value = date_field(r, "visited_on"),
                                       .type = "date",
                                       .hint = example});
  f["visitors"] = input_field(data, {.id = "visitors", .label = "Who visited", .value = r.field("visitors")});
  auto seen = input_field(data, {.id = "pupil_seen_learning", .label = "Was the pupil seen learning?"});
  seen["items"] = checkboxes("pupil_seen_learning", {{"yes", "Yes"}, {"no", "No"}}, {r.field("pupil_seen_learning")});
  f["pupil_seen_learning"] = seen;
  f["what_seen"] = input_field(data, {.id = "what_seen", .label = "What was seen", .value = r.field("what_seen")});
  f["safeguarding"] = input_field(
      data, {.id = "safeguarding",
             .label = "Safeguarding observations (optional)",
             .value = r.field("safeguarding"),
             .hint = "The site, supervision, who else was there. A worry about a child's safety is also recorded as a "
                     "concern, for the DSL, today"});
  nlohmann::json rows = nlohmann::json::array();
  for (int i = 1; i <= kActionRows; ++i) {
    const auto n = std::to_string(i);
    rows.push_back(
        {{"number", i},
         {"action", input_field(data, {.id = "action_" + n, .label = "Action " + n, .value = r.field("action_" + n)})},
         {"owner", input_field(data, {.id = "owner_" + n, .label = "Who owns it", .value = r.field("owner_" + n)})},
         {"due_on", input_field(data, {.id = "due_on_" + n,
                                       .label = "Due by",
                                       .value = date_field(r, "due_on_" + n),
                                       .type = "date",
                                       .hint = example})}});
  }
  data["action_rows"] = std::move(rows);
  return ctx.page("visits/placement_visits", std::move(data), status);
}

nlohmann::json area_visits_json(const app::AreaVisits& v) {
  nlohmann::json visits = nlohmann::json::array();
  for (const auto& x : v.visits) {
    auto j = visit_json(x.row);
    j["pupil_id"] = x.pupil_id;
    j["pupil_name"] = x.pupil_name;
    j["school_name"] = x.school_name;
    j["provider_name"] = x.provider_name;
    j["has_safeguarding"] = !x.row.visit.safeguarding.empty();
    visits.push_back(std::move(j));
  }
  nlohmann::json overdue = nlohmann::json::array();
  for (const auto& d : v.overdue) overdue.push_back(due_json(d));
  return {{"from", domain::format_date(v.from)}, {"visits", std::move(visits)}, {"overdue", std::move(overdue)}};
}

}  // namespace

nlohmann::json visits_due_json(const std::vector<app::VisitDue>& due) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : due) out.push_back(due_json(d));
  return out;
}

void add_visit_routes(Router& r) {
  r.add("GET", "/placements/{id}/visits",
        [](Request& req, RequestContext& ctx) { return visits_page(ctx, id_param(req, "id"), {}, 200); });
  r.add("POST", "/placements/{id}/visits", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::record_visit(ctx.services, ctx.actor(), id,
                        visit_input(
                            [&](const std::string& f) {
                              return f.starts_with("visited_on") || f.starts_with("due_on_")
                                         ? date_field(req, f.c_str())
                                         : req.field(f);
                            },
                            kActionRows));
    } catch (const app::Invalid& e) {
      return visits_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/placements/" + std::to_string(id) + "/visits?done=recorded");
  });
  r.add("POST", "/placements/{id}/visit-schedule", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::set_visit_schedule(ctx.services, ctx.actor(), id, req.field("visit_every"));
    } catch (const app::Invalid& e) {
      return visits_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/placements/" + std::to_string(id) + "/visits");
  });
  r.add("GET", "/area/visits", [](Request&, RequestContext& ctx) {
    auto data = area_visits_json(app::area_visits(ctx.services, ctx.actor()));
    data["title"] = "Visits to providers";
    data["from_text"] = domain::date_text(data["from"].get<std::string>());
    data["has_visits"] = !data["visits"].empty();
    data["has_overdue"] = !data["overdue"].empty();
    return ctx.page("visits/area_visits", std::move(data));
  });

  r.add("GET", "/api/v1/placements/{id}/visits", [](Request& req, RequestContext& ctx) {
    const auto v = app::placement_visits(ctx.services, ctx.actor(), id_param(req, "id"));
    nlohmann::json visits = nlohmann::json::array();
    for (const auto& x : v.visits) visits.push_back(visit_json(x));
    nlohmann::json out{{"visit_every", v.every}, {"visits", std::move(visits)}};
    out["next"] = v.next ? due_json(*v.next) : nlohmann::json();
    return Response::json(200, out.dump());
  });
  // {visited_on, visitors, pupil_seen_learning: yes|no, what_seen, safeguarding, actions: [{action, owner,
  // due_on}]}: 201. An action's fields are named in errors by its place from 1: action_1, owner_1, due_on_1.
  r.add("POST", "/api/v1/placements/{id}/visits", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    int rows = 0;
    if (b.contains("actions")) {
      if (!b["actions"].is_array()) throw app::Invalid("actions", "actions must be a list");
      rows = static_cast<int>(b["actions"].size());
    }
    const auto value = [&](const std::string& f) -> std::string {
      for (const char* part : {"action_", "owner_", "due_on_"})
        if (f.starts_with(part)) {
          const auto i = std::stoul(f.substr(std::string(part).size())) - 1;
          const auto& item = b["actions"][i];
          if (!item.is_object()) throw app::Invalid("action_" + std::to_string(i + 1), "Each action must be an object");
          std::string key(part);
          key.pop_back();
          return text_of(item, key.c_str());
        }
      return text_of(b, f.c_str());
    };
    return Response::json(201, nlohmann::json{{"id", app::record_visit(ctx.services, ctx.actor(), id_param(req, "id"),
                                                                       visit_input(value, rows))}}
                                   .dump());
  });
  // {visit_every}: 204.
  r.add("POST", "/api/v1/placements/{id}/visit-schedule", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::set_visit_schedule(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "visit_every"));
    return Response::json(204, "");
  });
  r.add("GET", "/api/v1/area/visits", [](Request&, RequestContext& ctx) {
    return Response::json(200, area_visits_json(app::area_visits(ctx.services, ctx.actor())).dump());
  });
}

}  // namespace waypoint::web
