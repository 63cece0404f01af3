// Letters to parents and carers: the parent's list of their letters, and the school's list for a
// pupil with when each was sent, posted and first read (pages and API).
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/letters/letters.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/time.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/date_input.hpp"
#include "web/kernel/json_body.hpp"
#include "web/kernel/json_value.hpp"

namespace waypoint::web {
namespace {

nlohmann::json letter_json(const store::LetterRow& l) {
  return {{"id", l.id},
          {"pupil_id", l.pupil_id},
          {"pupil_name", l.pupil_name},
          {"kind", l.kind},
          {"title", l.title},
          {"to", l.recipient_name},
          {"channel", l.channel},
          {"address", l.address},
          {"sent_at", json_or_null(l.sent_at)},
          {"posted_on", json_or_null(l.posted_on)},
          {"first_read_at", json_or_null(l.first_read_at)},
          {"document", app::letter_document_path(l)}};
}

// The same, with the times as people read them, for a page.
nlohmann::json letter_page_json(const store::LetterRow& l) {
  auto j = letter_json(l);
  j["by_post"] = l.channel == "post";
  j["to_post"] = l.channel == "post" && !l.posted_on;
  j["sent_text"] = l.sent_at ? domain::uk_time_text(*l.sent_at) : "";
  j["posted_text"] = l.posted_on ? domain::date_text(*l.posted_on) : "";
  j["read_text"] = l.first_read_at ? domain::uk_time_text(*l.first_read_at) : "";
  return j;
}

// Each letter's date boxes have their own name on the page; after an error, "posted_on" itself, so
// the error summary's link lands on them.
std::string typed_posted_on(const Request& r, std::int64_t letter_id) {
  auto on = date_field(r, "posted_on_" + std::to_string(letter_id));
  return on.empty() ? date_field(r, "posted_on") : on;
}

Response pupil_letters_page(RequestContext& ctx, std::int64_t pupil_id, const domain::FieldErrors& errors, int status) {
  const auto v = app::pupil_letters(ctx.services, ctx.actor(), pupil_id);
  nlohmann::json data{{"title", "Letters to " + v.pupil.given_name + "'s parents and carers"},
                      {"pupil_id", v.pupil.id},
                      {"pupil_name", v.pupil.given_name + " " + v.pupil.family_name},
                      {"notice", ctx.request.query_value("done") == "posted"}};
  add_errors(data, errors);
  const auto failed = domain::parse_whole_number(ctx.request.field("letter_id")).value_or(0);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& l : v.letters) {
    auto j = letter_page_json(l);
    if (j["to_post"].get<bool>()) {
      // The date typed comes back beside the letter it was typed for.
      const bool this_one = l.id == failed;
      j["posted_field"] = input_field(data, {.id = this_one ? "posted_on" : "posted_on_" + std::to_string(l.id),
                                             .label = "Date posted",
                                             .value = this_one ? typed_posted_on(ctx.request, l.id) : "",
                                             .type = "date",
                                             .hint = date_example(ctx.services.today())});
    }
    list.push_back(std::move(j));
  }
  data["letters"] = std::move(list);
  data["has_letters"] = !v.letters.empty();
  return ctx.page("letters/pupil", std::move(data), status);
}

}  // namespace

void add_letter_routes(Router& r) {
  r.add("GET", "/letters", [](Request&, RequestContext& ctx) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& l : app::my_letters(ctx.services, ctx.actor())) list.push_back(letter_page_json(l));
    const bool any = !list.empty();
    return ctx.page("letters/mine", {{"title", "Letters"}, {"letters", std::move(list)}, {"has_letters", any}});
  });

  r.add("GET", "/pupils/{id}/letters",
        [](Request& req, RequestContext& ctx) { return pupil_letters_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/letters/{id}/posted", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    const auto pupil_id = domain::parse_whole_number(req.field("pupil_id")).value_or(0);
    try {
      app::record_letter_posted(ctx.services, ctx.actor(), id, typed_posted_on(req, id));
    } catch (const app::Invalid& e) {
      return pupil_letters_page(ctx, pupil_id, e.errors(), 422);
    }
    return Response::redirect("/pupils/" + std::to_string(pupil_id) + "/letters?done=posted");
  });

  r.add("GET", "/api/v1/letters", [](Request&, RequestContext& ctx) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& l : app::my_letters(ctx.services, ctx.actor())) list.push_back(letter_json(l));
    return Response::json(200, nlohmann::json{{"letters", list}}.dump());
  });

  r.add("GET", "/api/v1/pupils/{id}/letters", [](Request& req, RequestContext& ctx) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& l : app::pupil_letters(ctx.services, ctx.actor(), id_param(req, "id")).letters)
      list.push_back(letter_json(l));
    return Response::json(200, nlohmann::json{{"letters", list}}.dump());
  });

  r.add("POST", "/api/v1/letters/{id}/posted", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::record_letter_posted(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "posted_on"));
    return Response::json(204, "");
  });
}

}  // namespace waypoint::web
