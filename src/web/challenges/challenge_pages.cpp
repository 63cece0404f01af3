// A route to challenge a provider: a placement's challenges and the form to raise one, one
// challenge with its steps (the provider's answer, the raiser's decision, the LA's outcome), and the
// LA's list with each provider's quality record (pages and API).
#include <functional>
#include <nlohmann/json.hpp>

#include "app/challenges/challenges.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/time.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/date_input.hpp"
#include "web/kernel/json_body.hpp"

namespace waypoint::web {
namespace {

nlohmann::json challenge_json(const app::ChallengeStatus& st) {
  const auto& r = st.row;
  const auto time = [](const std::optional<std::string>& at) { return at ? domain::uk_time_text(*at) : ""; };
  return {{"id", r.id},
          {"placement_id", r.placement_id},
          {"pupil_id", r.pupil_id},
          {"pupil_name", r.pupil_name},
          {"school_name", r.school_name},
          {"provider_name", r.provider_name},
          {"category", r.input.category},
          {"category_label", std::string(domain::label_of(domain::challenge_categories(), r.input.category))},
          {"what_happened", r.input.what_happened},
          {"asked_for", r.input.asked_for},
          {"answer_by", r.input.answer_by},
          {"answer_by_text", domain::date_text(r.input.answer_by)},
          {"raised_by", r.raised_by_name},
          {"raised_at", r.raised_at},
          {"raised_at_text", domain::uk_time_text(r.raised_at)},
          {"answer", r.answer.value_or("")},
          {"answered_by", r.answered_by_name},
          {"answered_at_text", time(r.answered_at)},
          {"resolved_at_text", time(r.resolved_at)},
          {"referred_at_text", time(r.referred_at)},
          {"outcome", r.outcome.value_or("")},
          {"outcome_label", r.outcome ? std::string(domain::label_of(domain::challenge_outcomes(), *r.outcome)) : ""},
          {"la_note", r.la_note.value_or("")},
          {"settled_by", r.settled_by_name},
          {"settled_at_text", time(r.settled_at)},
          {"state", std::string(domain::challenge_state_label(st.state))},
          {"with_la", st.state == domain::ChallengeState::WithLa}};
}

domain::ChallengeInput challenge_input(const std::function<std::string(const char*)>& value) {
  return {value("category"), value("what_happened"), value("asked_for"), value("answer_by")};
}

Response placement_challenges_page(RequestContext& ctx, std::int64_t placement_id, const domain::FieldErrors& errors,
                                   int status) {
  const auto v = app::placement_challenges(ctx.services, ctx.actor(), placement_id);
  const auto& r = ctx.request;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : v.challenges) list.push_back(challenge_json(c));
  nlohmann::json data{{"title", "Challenges to " + v.placement.provider_name},
                      {"placement_id", placement_id},
                      {"pupil_id", v.placement.pupil_id},
                      {"pupil_name", v.placement.pupil_name},
                      {"provider_name", v.placement.provider_name},
                      {"challenges", std::move(list)},
                      {"has_challenges", !v.challenges.empty()},
                      {"can_raise", v.can_raise},
                      {"notice", r.query_value("done") == "raised"}};
  add_errors(data, errors);
  auto& f = data["fields"];
  auto category = input_field(data, {.id = "category", .label = "What is it about?"});
  category["items"] = checkboxes("category", domain::challenge_categories(), {r.field("category")});
  f["category"] = category;
  f["what_happened"] = input_field(data, {.id = "what_happened",
                                          .label = "What happened",
                                          .value = r.field("what_happened"),
                                          .hint = "Dates, what was agreed, what was done instead"});
  f["asked_for"] = input_field(
      data, {.id = "asked_for", .label = "What you are asking the provider to do", .value = r.field("asked_for")});
  const auto typed = date_field(r, "answer_by");
  f["answer_by"] = input_field(
      data, {.id = "answer_by",
             .label = "Answer needed by",
             .value = typed.empty() && errors.empty() ? domain::format_date(v.suggested_answer_by) : typed,
             .type = "date",
             .hint = "At least " + std::to_string(domain::kChallengeMinSchoolDays) +
                     " school days away. If it is still open the day after, it goes to the local authority"});
  return ctx.page("challenges/placement_challenges", std::move(data), status);
}

Response challenge_page(RequestContext& ctx, std::int64_t id, const domain::FieldErrors& errors, int status) {
  const auto v = app::view_challenge(ctx.services, ctx.actor(), id);
  auto data = challenge_json(v.challenge);
  const auto& r = ctx.request;
  data["title"] = data["category_label"].get<std::string>() + ": a challenge to " + v.challenge.row.provider_name;
  data["can_answer"] = v.can_answer;
  data["can_resolve"] = v.can_resolve;
  data["can_settle"] = v.can_settle;
  data["done"] = r.query_value("done");
  add_errors(data, errors);
  data["reply_field"] = input_field(data, {.id = "reply", .label = "The provider's answer", .value = r.field("reply")});
  auto outcome = input_field(data, {.id = "outcome", .label = "What the local authority found"});
  outcome["items"] = checkboxes("outcome", domain::challenge_outcomes(), {r.field("outcome")});
  data["outcome_field"] = outcome;
  data["note_field"] =
      input_field(data, {.id = "note", .label = "What was found, and what happens now", .value = r.field("note")});
  return ctx.page("challenges/challenge", std::move(data), status);
}

template <class Work>
Response challenge_step(Request& req, RequestContext& ctx, const char* done, Work work) {
  const auto id = id_param(req, "id");
  try {
    work(id);
  } catch (const app::Invalid& e) {
    return challenge_page(ctx, id, e.errors(), 422);
  }
  return Response::redirect("/challenges/" + std::to_string(id) + "?done=" + done);
}

nlohmann::json area_challenges_json(const app::AreaChallenges& v) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : v.challenges) list.push_back(challenge_json(c));
  nlohmann::json quality = nlohmann::json::array();
  for (const auto& q : v.quality)
    quality.push_back({{"provider_id", q.provider_id},
                       {"provider_name", q.provider_name},
                       {"upheld", q.upheld},
                       {"partly_upheld", q.partly_upheld},
                       {"not_upheld", q.not_upheld},
                       {"open", q.open}});
  return {{"challenges", std::move(list)}, {"quality", std::move(quality)}};
}

}  // namespace

void add_challenge_routes(Router& r) {
  r.add("GET", "/placements/{id}/challenges",
        [](Request& req, RequestContext& ctx) { return placement_challenges_page(ctx, id_param(req, "id"), {}, 200); });
  r.add("POST", "/placements/{id}/challenges", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::raise_challenge(ctx.services, ctx.actor(), id, challenge_input([&](const char* f) {
                             return std::string(f) == "answer_by" ? date_field(req, f) : req.field(f);
                           }));
    } catch (const app::Invalid& e) {
      return placement_challenges_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/placements/" + std::to_string(id) + "/challenges?done=raised");
  });
  r.add("GET", "/challenges/{id}",
        [](Request& req, RequestContext& ctx) { return challenge_page(ctx, id_param(req, "id"), {}, 200); });
  r.add("POST", "/challenges/{id}/answer", [](Request& req, RequestContext& ctx) {
    return challenge_step(req, ctx, "answered",
                          [&](auto id) { app::answer_challenge(ctx.services, ctx.actor(), id, req.field("reply")); });
  });
  r.add("POST", "/challenges/{id}/resolve", [](Request& req, RequestContext& ctx) {
    return challenge_step(req, ctx, "resolved",
                          [&](auto id) { app::resolve_challenge(ctx.services, ctx.actor(), id, req.field("step")); });
  });
  r.add("POST", "/challenges/{id}/settle", [](Request& req, RequestContext& ctx) {
    return challenge_step(req, ctx, "settled", [&](auto id) {
      app::settle_challenge(ctx.services, ctx.actor(), id, req.field("outcome"), req.field("note"));
    });
  });
  r.add("GET", "/area/challenges", [](Request&, RequestContext& ctx) {
    auto data = area_challenges_json(app::area_challenges(ctx.services, ctx.actor()));
    data["title"] = "Challenges to providers";
    data["has_challenges"] = !data["challenges"].empty();
    data["has_quality"] = !data["quality"].empty();
    return ctx.page("challenges/area_challenges", std::move(data));
  });

  r.add("GET", "/api/v1/placements/{id}/challenges", [](Request& req, RequestContext& ctx) {
    const auto v = app::placement_challenges(ctx.services, ctx.actor(), id_param(req, "id"));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : v.challenges) list.push_back(challenge_json(c));
    return Response::json(200, nlohmann::json{{"challenges", list}}.dump());
  });
  // {category, what_happened, asked_for, answer_by}: 201.
  r.add("POST", "/api/v1/placements/{id}/challenges", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    const auto id = app::raise_challenge(ctx.services, ctx.actor(), id_param(req, "id"),
                                         challenge_input([&](const char* f) { return text_of(b, f); }));
    return Response::json(201, nlohmann::json{{"id", id}}.dump());
  });
  r.add("GET", "/api/v1/challenges/{id}", [](Request& req, RequestContext& ctx) {
    return Response::json(
        200, challenge_json(app::view_challenge(ctx.services, ctx.actor(), id_param(req, "id")).challenge).dump());
  });
  // {reply}: the provider's answer, 204.
  r.add("POST", "/api/v1/challenges/{id}/answer", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::answer_challenge(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "reply"));
    return Response::json(204, "");
  });
  // {step: resolved | refer}: 204.
  r.add("POST", "/api/v1/challenges/{id}/resolve", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::resolve_challenge(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "step"));
    return Response::json(204, "");
  });
  // {outcome, note}: 204.
  r.add("POST", "/api/v1/challenges/{id}/settle", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::settle_challenge(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "outcome"), text_of(b, "note"));
    return Response::json(204, "");
  });
  r.add("GET", "/api/v1/area/challenges", [](Request&, RequestContext& ctx) {
    return Response::json(200, area_challenges_json(app::area_challenges(ctx.services, ctx.actor())).dump());
  });
}

}  // namespace waypoint::web
