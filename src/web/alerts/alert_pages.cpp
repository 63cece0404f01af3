#include <nlohmann/json.hpp>

#include "app/alerts/alerts.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/errors.hpp"
#include "domain/alerts/alert.hpp"
#include "domain/kernel/time.hpp"
#include "web/alerts/alert_json.hpp"
#include "web/kernel/application.hpp"

namespace waypoint::web {
namespace {

std::string when(const std::string& at) { return domain::uk_time_text(at); }

Response alert_page(RequestContext& ctx, std::int64_t id, const domain::FieldErrors& errors, int status) {
  const auto v = app::view_alert(ctx.services, ctx.actor(), id);
  auto data = alert_json(v.alert);
  data["title"] = domain::label_of(domain::alert_kinds(), v.alert.kind);
  if (v.alert.kind == "register_not_taken" && app::allowed(ctx.actor(), domain::Action::TakeRegister))
    data["register_link"] = "/register?date=" + v.alert.session_date + "&session=" + v.alert.session;
  data["notice"] = ctx.request.query_value("done");
  add_errors(data, errors);
  nlohmann::json log = nlohmann::json::array();
  for (const auto& x : v.actions)
    log.push_back({{"at", when(x.at)},
                   {"by", x.by},
                   {"action", x.action == "closed" ? std::string("Closed")
                                                   : std::string(domain::label_of(domain::alert_actions(), x.action))},
                   {"note", x.note}});
  data["log"] = log;
  data["has_log"] = !log.empty();
  const auto& r = ctx.request;
  auto action = input_field(data, {.id = "action", .label = "What was done"});
  action["options"] = options(domain::alert_actions(), r.field("action"));
  data["fields"]["action"] = action;
  data["fields"]["note"] = input_field(data, {.id = "note", .label = "Note (optional)", .value = r.field("note")});
  auto outcome = input_field(data, {.id = "outcome", .label = "Outcome"});
  outcome["options"] = options(domain::alert_outcomes(), r.field("outcome"));
  data["fields"]["outcome"] = outcome;
  return ctx.page("alerts/show", std::move(data), status);
}

template <typename Step>
Response alert_step(Request& req, RequestContext& ctx, const char* done, Step step) {
  const auto id = id_param(req, "id");
  try {
    step(id);
  } catch (const app::Invalid& e) {
    return alert_page(ctx, id, e.errors(), 422);
  }
  return Response::redirect("/alerts/" + std::to_string(id) + "?done=" + done);
}

}  // namespace

void add_alert_routes(Router& r) {
  r.add("GET", "/alerts", [](Request& req, RequestContext& ctx) {
    const int number = page_number(req);
    const auto page = app::alert_inbox(ctx.services, ctx.actor(), {number, 25});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& a : page.items) rows.push_back(alert_json(a));
    nlohmann::json data{{"title", "Alerts"},
                        {"alerts", rows},
                        {"empty", rows.empty()},
                        {"pager", pagination("/alerts", number, page.has_next)}};
    return ctx.page("alerts/inbox", std::move(data));
  });

  r.add("GET", "/alerts/{id}",
        [](Request& req, RequestContext& ctx) { return alert_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/alerts/{id}/actions", [](Request& req, RequestContext& ctx) {
    return alert_step(req, ctx, "action", [&](auto id) {
      app::log_alert_action(ctx.services, ctx.actor(), id, req.field("action"), req.field("note"));
    });
  });

  r.add("POST", "/alerts/{id}/close", [](Request& req, RequestContext& ctx) {
    return alert_step(req, ctx, "closed", [&](auto id) {
      app::close_alert(ctx.services, ctx.actor(), id, req.field("outcome"), req.field("note"));
    });
  });
}

}  // namespace waypoint::web
