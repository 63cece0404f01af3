// The pupil's own voice: what they said each half term, and the school's form to record it (pages
// and API).
#include <functional>
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/pupils/pupil_voice.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/time.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/date_input.hpp"
#include "web/kernel/json_body.hpp"
#include "web/pupils/pupil_voice_json.hpp"

namespace waypoint::web {

nlohmann::json pupil_voice_json(const store::PupilVoiceRow& v) {
  const auto& s = v.said;
  return {{"id", v.id},
          {"pupil_id", v.pupil_id},
          {"answered_on", s.answered_on},
          {"answered_on_text", domain::date_text(s.answered_on)},
          {"feeling", s.feeling},
          {"feeling_label", std::string(domain::label_of(domain::voice_feelings(), s.feeling))},
          {"helps", s.helps},
          {"does_not_help", s.does_not_help},
          {"wants_next", s.wants_next},
          {"back_to_school", s.back_to_school},
          {"back_to_school_label", std::string(domain::label_of(domain::voice_back_to_school(), s.back_to_school))},
          {"how", s.how},
          {"how_label", std::string(domain::label_of(domain::voice_ways(), s.how))},
          {"recorded_by", v.recorded_by_name},
          {"recorded_at", v.recorded_at}};
}

nlohmann::json pupil_voices_json(const std::vector<store::PupilVoiceRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) out.push_back(pupil_voice_json(r));
  return out;
}

namespace {

domain::PupilVoiceInput voice_input(const std::function<std::string(const char*)>& value) {
  return {value("answered_on"), value("feeling"),        value("helps"), value("does_not_help"),
          value("wants_next"),  value("back_to_school"), value("how")};
}

Response voice_page(RequestContext& ctx, std::int64_t pupil_id, const domain::FieldErrors& errors, int status) {
  const auto v = app::pupil_voices(ctx.services, ctx.actor(), pupil_id);
  const auto& r = ctx.request;
  nlohmann::json data{{"title", "In " + v.pupil.given_name + "'s words"},
                      {"pupil_id", pupil_id},
                      {"given_name", v.pupil.given_name},
                      {"pupil_name", v.pupil.given_name + " " + v.pupil.family_name},
                      {"answers", pupil_voices_json(v.answers)},
                      {"has_answers", !v.answers.empty()},
                      {"asked_this_half_term", v.asked_this_half_term},
                      {"can_record", v.can_record},
                      {"notice", r.query_value("done") == "recorded"}};
  add_errors(data, errors);
  auto& f = data["fields"];
  f["answered_on"] = input_field(data, {.id = "answered_on",
                                        .label = "Date they said it",
                                        .value = date_field(r, "answered_on"),
                                        .type = "date",
                                        .hint = date_example(ctx.services.today())});
  const auto pick = [&](const char* id, const char* label, const std::vector<domain::CodeLabel>& list) {
    auto field = input_field(data, {.id = id, .label = label});
    field["options"] = options(list, r.field(id));
    f[id] = field;
  };
  pick("feeling", "How do they feel it is going?", domain::voice_feelings());
  for (const auto& [id, label] :
       std::vector<std::pair<const char*, const char*>>{{"helps", "What helps?"},
                                                        {"does_not_help", "What does not help?"},
                                                        {"wants_next", "What do they want next?"}})
    f[id] = input_field(data, {.id = id, .label = label, .value = r.field(id), .hint = "In their own words"});
  pick("back_to_school", "Do they want to go back to school?", domain::voice_back_to_school());
  std::vector<domain::CodeLabel> ways;  // "In Waypoint" is the pupil's own, not the school's to record
  for (const auto& w : domain::voice_ways())
    if (w.code != "in_waypoint") ways.push_back(w);
  pick("how", "How did they give their answers?", ways);
  return ctx.page("pupils/voice", std::move(data), status);
}

}  // namespace

void add_pupil_voice_routes(Router& r) {
  r.add("GET", "/pupils/{id}/voice",
        [](Request& req, RequestContext& ctx) { return voice_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/pupils/{id}/voice", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::record_pupil_voice(ctx.services, ctx.actor(), id, voice_input([&](const char* f) {
                                return std::string(f) == "answered_on" ? date_field(req, f) : req.field(f);
                              }));
    } catch (const app::Invalid& e) {
      return voice_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/pupils/" + std::to_string(id) + "/voice?done=recorded");
  });

  r.add("GET", "/api/v1/pupils/{id}/voice", [](Request& req, RequestContext& ctx) {
    const auto v = app::pupil_voices(ctx.services, ctx.actor(), id_param(req, "id"));
    return Response::json(
        200, nlohmann::json{{"answers", pupil_voices_json(v.answers)}, {"asked_this_half_term", v.asked_this_half_term}}
                 .dump());
  });

  r.add("POST", "/api/v1/pupils/{id}/voice", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    const auto id = app::record_pupil_voice(ctx.services, ctx.actor(), id_param(req, "id"),
                                            voice_input([&](const char* f) { return text_of(b, f); }));
    return Response::json(201, nlohmann::json{{"id", id}}.dump());
  });
}

}  // namespace waypoint::web
