#include <nlohmann/json.hpp>

#include "app/calendar/school_calendars.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "web/kernel/application.hpp"

namespace waypoint::web {
namespace {

Response calendar_page(RequestContext& ctx, const domain::FieldErrors& errors = {}, int status = 200) {
  const auto v = app::view_calendar(ctx.services, ctx.actor());
  const auto& r = ctx.request;
  nlohmann::json data{
      {"title", "School calendar"},     {"organisation", v.organisation_name},
      {"is_school", v.is_school},       {"follows_local_authority", v.follows_local_authority},
      {"can_edit", v.can_edit},         {"can_edit_own_terms", v.can_edit && !v.follows_local_authority},
      {"notice", r.query_value("done")}};
  add_errors(data, errors);
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& t : v.terms)
    terms.push_back({{"id", t.id},
                     {"name", t.name},
                     {"first_day", t.first_day},
                     {"last_day", t.last_day},
                     {"first_day_text", domain::weekday_date_text(t.first_day)},
                     {"last_day_text", domain::weekday_date_text(t.last_day)}});
  data["terms"] = terms;
  data["has_terms"] = !terms.empty();
  nlohmann::json closures = nlohmann::json::array();
  for (const auto& c : v.closures)
    closures.push_back({{"day", c.day}, {"day_text", domain::weekday_date_text(c.day)}, {"reason", c.reason}});
  data["closures"] = closures;
  data["has_closures"] = !closures.empty();
  // 1950 minutes reads "32.5"; 1935 "32.25": hours as they are typed.
  auto hours = std::to_string(v.full_time_minutes / 60);
  if (const int part = v.full_time_minutes % 60 * 100 / 60; part) {
    auto fraction = std::to_string(100 + part).substr(1);
    if (fraction.back() == '0') fraction.pop_back();
    hours += "." + fraction;
  }
  data["full_time_hours"] = hours;
  auto& fields = data["fields"];
  fields["term_name"] = input_field(data, {.id = "term_name",
                                           .label = "Name",
                                           .value = r.field("term_name"),
                                           .hint = "Like Spring 1",
                                           .width = "govuk-input--width-20"});
  fields["first_day"] = input_field(data, {.id = "first_day",
                                           .label = "First day",
                                           .value = date_field(r, "first_day"),
                                           .type = "date",
                                           .hint = "For example, 5 1 2027"});
  fields["last_day"] = input_field(data, {.id = "last_day",
                                          .label = "Last day",
                                          .value = date_field(r, "last_day"),
                                          .type = "date",
                                          .hint = "For example, 12 2 2027"});
  fields["closure_day"] = input_field(data, {.id = "closure_day",
                                             .label = "Date",
                                             .value = date_field(r, "closure_day"),
                                             .type = "date",
                                             .hint = "For example, 4 1 2027"});
  fields["closure_reason"] = input_field(data, {.id = "closure_reason",
                                                .label = "Why the school is closed",
                                                .value = r.field("closure_reason"),
                                                .hint = "Like INSET day"});
  fields["full_time_hours"] =
      input_field(data, {.id = "full_time_hours",
                         .label = "Hours in the school's full-time week",
                         .value = r.field("full_time_hours").empty() ? hours : r.field("full_time_hours"),
                         .hint = "32.5 hours is expected of mainstream state schools",
                         .width = "govuk-input--width-5"});
  return ctx.page("calendar", std::move(data), status);
}

template <typename Step>
Response calendar_step(RequestContext& ctx, const char* done, Step step) {
  try {
    step();
  } catch (const app::Invalid& e) {
    return calendar_page(ctx, e.errors(), 422);
  }
  return Response::redirect(std::string("/calendar?done=") + done);
}

}  // namespace

void add_calendar_routes(Router& r) {
  r.add("GET", "/calendar", [](Request&, RequestContext& ctx) { return calendar_page(ctx); });
  r.add("POST", "/calendar/terms", [](Request& req, RequestContext& ctx) {
    return calendar_step(ctx, "term", [&] {
      app::add_term(ctx.services, ctx.actor(), req.field("term_name"), date_field(req, "first_day"),
                    date_field(req, "last_day"));
    });
  });
  r.add("POST", "/calendar/terms/{id}/remove", [](Request& req, RequestContext& ctx) {
    return calendar_step(ctx, "term_removed",
                         [&] { app::remove_term(ctx.services, ctx.actor(), id_param(req, "id")); });
  });
  r.add("POST", "/calendar/closures", [](Request& req, RequestContext& ctx) {
    return calendar_step(ctx, "closure", [&] {
      app::add_closure(ctx.services, ctx.actor(), date_field(req, "closure_day"), req.field("closure_reason"));
    });
  });
  r.add("POST", "/calendar/closures/remove", [](Request& req, RequestContext& ctx) {
    return calendar_step(ctx, "closure_removed",
                         [&] { app::remove_closure(ctx.services, ctx.actor(), req.field("day")); });
  });
  r.add("POST", "/calendar/full-time-week", [](Request& req, RequestContext& ctx) {
    return calendar_step(ctx, "week",
                         [&] { app::set_full_time_week(ctx.services, ctx.actor(), req.field("full_time_hours")); });
  });
}

}  // namespace waypoint::web
