// Consent to a placement, for the parent who gives it and the school that needs it: the terms, the
// parent's answer, and every answer kept (page and API).
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/kernel/errors.hpp"
#include "app/placements/parent_consent.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/time.hpp"
#include "domain/placements/consent.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"

namespace waypoint::web {
namespace {

// The terms as kept: one line each.
nlohmann::json terms_lines(const std::string& kept) {
  nlohmann::json lines = nlohmann::json::array();
  std::istringstream in(kept);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

nlohmann::json consent_json(const app::ConsentView& v) {
  nlohmann::json answers = nlohmann::json::array();
  for (const auto& a : v.answers)
    answers.push_back({{"id", a.id},
                       {"answer", a.answer},
                       {"answer_label", std::string(domain::label_of(domain::consent_answers(), a.answer))},
                       {"how", a.how},
                       {"how_label", std::string(domain::label_of(domain::consent_ways(), a.how))},
                       {"given_by", a.given_by},
                       {"comment", a.comment},
                       {"terms_shown", terms_lines(a.terms_shown)},
                       {"terms_version", a.terms_version},
                       {"answered_on", a.answered_on},
                       {"answered_on_text", domain::date_text(a.answered_on)},
                       {"recorded_at", a.recorded_at},
                       {"recorded_at_text", domain::uk_time_text(a.recorded_at)},
                       {"recorded_by", a.recorded_by_name},
                       {"refused", a.answer == "refused"}});
  return {{"placement_id", v.placement.id},
          {"terms", v.terms},
          {"terms_version", v.version},
          {"answers", std::move(answers)},
          {"can_answer", v.can_answer}};
}

Response consent_page(RequestContext& ctx, std::int64_t id, const domain::FieldErrors& errors, int status) {
  const auto v = app::placement_consent(ctx.services, ctx.actor(), id);
  auto data = consent_json(v);
  data["title"] = "Consent to the placement at " + v.placement.provider_name;
  data["provider_name"] = v.placement.provider_name;
  data["pupil_name"] = v.placement.pupil_name;
  data["has_answers"] = !v.answers.empty();
  data["notice"] = ctx.request.query_value("done") == "answered";
  const auto& r = ctx.request;
  data["given_checked"] = r.field("answer") == "given";
  data["refused_checked"] = r.field("answer") == "refused";
  add_errors(data, errors);
  data["comment_field"] = input_field(data, {.id = "comment",
                                             .label = "Anything you want the school to know",
                                             .value = r.field("comment"),
                                             .hint = "If you do not consent, tell the school why"});
  data["answer_error"] = data["errors"].value("answer", "");
  return ctx.page("placements/consent", std::move(data), status);
}

}  // namespace

void add_consent_routes(Router& r) {
  r.add("GET", "/placements/{id}/consent",
        [](Request& req, RequestContext& ctx) { return consent_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/placements/{id}/consent/answer", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::answer_consent(ctx.services, ctx.actor(), id, req.field("answer"), req.field("terms_version"),
                          req.field("comment"));
    } catch (const app::Invalid& e) {
      return consent_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/placements/" + std::to_string(id) + "/consent?done=answered");
  });

  r.add("GET", "/api/v1/placements/{id}/consent", [](Request& req, RequestContext& ctx) {
    return Response::json(200,
                          consent_json(app::placement_consent(ctx.services, ctx.actor(), id_param(req, "id"))).dump());
  });

  r.add("POST", "/api/v1/placements/{id}/consent/answer", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::answer_consent(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "answer"),
                        text_of(b, "terms_version"), text_of(b, "comment"));
    return Response::json(204, "");
  });
}

}  // namespace waypoint::web
