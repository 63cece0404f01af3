#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/kernel/errors.hpp"
#include "app/safeguarding/concerns.hpp"
#include "domain/kernel/time.hpp"
#include "web/kernel/application.hpp"
#include "web/safeguarding/concern_json.hpp"

namespace waypoint::web {
namespace {

std::string full_name(const domain::Pupil& p) { return p.given_name + " " + p.family_name; }

Response concern_form(RequestContext& ctx, std::int64_t pupil_id, const domain::FieldErrors& errors, int status) {
  const auto v = app::start_concern(ctx.services, ctx.actor(), pupil_id);
  const auto& r = ctx.request;
  nlohmann::json data{{"title", "Record a safeguarding concern"},
                      {"pupil_id", pupil_id},
                      {"pupil_name", full_name(v.pupil)},
                      {"school_name", v.school_name}};
  add_errors(data, errors);
  auto category = input_field(data, {.id = "category", .label = "Kind of concern"});
  category["options"] = options(domain::concern_categories(), r.field("category"));
  data["fields"]["category"] = category;
  data["fields"]["happened_on"] = input_field(data, {.id = "happened_on",
                                                     .label = "When it happened or you noticed it",
                                                     .value = date_field(r, "happened_on"),
                                                     .type = "date",
                                                     .hint = date_example(ctx.services.today())});
  data["fields"]["what_happened"] =
      input_field(data, {.id = "what_happened",
                         .label = "What you saw or heard",
                         .value = r.field("what_happened"),
                         .hint = "The facts, and the child's own words where you can. Do not investigate."});
  data["fields"]["action_taken"] =
      input_field(data, {.id = "action_taken", .label = "What you did (optional)", .value = r.field("action_taken")});
  return ctx.page("concerns/form", std::move(data), status);
}

Response concern_page(RequestContext& ctx, std::int64_t id, const domain::FieldErrors& errors, int status) {
  const auto v = app::view_concern(ctx.services, ctx.actor(), id);
  auto data = concern_json(v.concern);
  data["title"] = data["category_label"];
  data["pupil_name"] = full_name(v.pupil);
  data["notice"] = ctx.request.query_value("done");
  add_errors(data, errors);
  nlohmann::json follow_ups = nlohmann::json::array();
  for (const auto& f : v.follow_ups)
    follow_ups.push_back({{"note", f.note}, {"by", f.by}, {"at", domain::uk_time_text(f.at)}});
  data["follow_ups"] = follow_ups;
  data["has_follow_ups"] = !follow_ups.empty();
  data["fields"]["note"] =
      input_field(data, {.id = "note",
                         .label = "Add a follow-up",
                         .value = ctx.request.field("note"),
                         .hint = "What was done or decided, or a correction: the concern itself never changes."});
  return ctx.page("concerns/show", std::move(data), status);
}

Response readers_page(RequestContext& ctx, const domain::FieldErrors& errors, int status) {
  const auto readers = app::concern_readers(ctx.services, ctx.actor());
  nlohmann::json data{{"title", "Who reads safeguarding concerns"},
                      {"school_name", ctx.actor().organisation_name},
                      {"empty", readers.empty()}};
  add_errors(data, errors);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& x : readers)
    rows.push_back({{"user_id", x.user_id},
                    {"name", x.name},
                    {"email", x.email},
                    {"allowed_by", x.allowed_by},
                    {"allowed_at", domain::uk_time_text(x.allowed_at)}});
  data["readers"] = std::move(rows);
  data["fields"]["email"] = input_field(data, {.id = "email",
                                               .label = "Colleague's email address",
                                               .value = ctx.request.field("email"),
                                               .type = "email",
                                               .autocomplete = "off"});
  return ctx.page("concerns/readers", std::move(data), status);
}

}  // namespace

void add_concern_routes(Router& r) {
  r.add("GET", "/pupils/{id}/concerns", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    const int number = page_number(req);
    const auto v = app::concerns_of_pupil(ctx.services, ctx.actor(), id, {number, 25});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& c : v.concerns.items) rows.push_back(concern_json(c));
    nlohmann::json data{
        {"title", "Safeguarding concerns"},
        {"pupil_id", id},
        {"pupil_name", full_name(v.pupil)},
        {"school_name", v.school_name},
        {"may_read", v.may_read},
        {"is_dsl", app::allowed(ctx.actor(), domain::Action::ChooseConcernReaders)},
        {"concerns", rows},
        {"empty", rows.empty()},
        {"notice", req.query_value("done")},
        {"pager", pagination("/pupils/" + std::to_string(id) + "/concerns", number, v.concerns.has_next)}};
    return ctx.page("concerns/list", std::move(data));
  });

  r.add("GET", "/pupils/{id}/concerns/new",
        [](Request& req, RequestContext& ctx) { return concern_form(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/pupils/{id}/concerns", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::record_concern(ctx.services, ctx.actor(), id,
                          {req.field("category"), date_field(req, "happened_on"), req.field("what_happened"),
                           req.field("action_taken")});
    } catch (const app::Invalid& e) {
      return concern_form(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/pupils/" + std::to_string(id) + "/concerns?done=recorded");
  });

  r.add("GET", "/concerns/readers", [](Request&, RequestContext& ctx) { return readers_page(ctx, {}, 200); });

  r.add("POST", "/concerns/readers", [](Request& req, RequestContext& ctx) {
    try {
      app::allow_concern_reader(ctx.services, ctx.actor(), req.field("email"));
    } catch (const app::Invalid& e) {
      return readers_page(ctx, e.errors(), 422);
    }
    return Response::redirect("/concerns/readers");
  });

  r.add("POST", "/concerns/readers/{id}/remove", [](Request& req, RequestContext& ctx) {
    app::remove_concern_reader(ctx.services, ctx.actor(), id_param(req, "id"));
    return Response::redirect("/concerns/readers");
  });

  r.add("GET", "/concerns/{id}",
        [](Request& req, RequestContext& ctx) { return concern_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/concerns/{id}/follow-ups", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::add_follow_up(ctx.services, ctx.actor(), id, req.field("note"));
    } catch (const app::Invalid& e) {
      return concern_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/concerns/" + std::to_string(id) + "?done=added");
  });
}

}  // namespace waypoint::web
