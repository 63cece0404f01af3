// A family's data rights: the parent's page to ask for a copy of the record or complain, and the
// data protection lead's list and page for each request, with its clock.
#include <nlohmann/json.hpp>

#include "app/families/data_requests.hpp"
#include "app/families/record_copy.hpp"
#include "app/kernel/errors.hpp"
#include "domain/families/data_rights.hpp"
#include "domain/families/redaction.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/time.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"
#include "web/kernel/pdf.hpp"

namespace waypoint::web {
namespace {

nlohmann::json data_request_json(const app::DataRequestStatus& st, domain::Date today) {
  const auto& r = st.request;
  return {
      {"id", r.id},
      {"pupil_id", r.pupil_id},
      {"pupil_name", r.pupil_name},
      {"kind_label", std::string(domain::label_of(domain::data_request_kinds(), r.kind))},
      {"is_access", r.kind == "access"},
      {"details", r.details},
      {"made_by", r.made_by_name},
      {"received_on", r.received_on},
      {"received_on_text", domain::date_text(r.received_on)},
      {"acknowledged_text", r.acknowledged_at ? domain::uk_time_text(*r.acknowledged_at) : ""},
      {"extension_reason", r.extension_reason.value_or("")},
      {"outcome_label",
       r.outcome && !r.outcome->empty() ? std::string(domain::label_of(domain::complaint_outcomes(), *r.outcome)) : ""},
      {"summary", r.summary.value_or("")},
      {"closed_text", r.closed_at ? domain::uk_time_text(*r.closed_at) : ""},
      {"open", !r.closed_at},
      {"copy_released", r.kind == "access" && r.closed_at.has_value()},
      {"due_text", st.due ? domain::date_text(*st.due) : ""},
      {"clock", st.due ? domain::clock_text(*st.due, today) : ""},
      {"overdue", st.due && std::chrono::sys_days(*st.due) < std::chrono::sys_days(today)}};
}

Response data_rights_page(RequestContext& ctx, std::int64_t pupil_id, const domain::FieldErrors& errors, int status) {
  const auto v = app::family_data_rights(ctx.services, ctx.actor(), pupil_id);
  const auto& r = ctx.request;
  nlohmann::json mine = nlohmann::json::array();
  for (const auto& st : v.mine) mine.push_back(data_request_json(st, ctx.services.today()));
  nlohmann::json data{{"title", v.about_themselves ? std::string("Your record: a copy, or a complaint")
                                                   : "Your rights over " + v.pupil.given_name + "'s record"},
                      {"yourself", v.about_themselves},
                      {"pupil_id", pupil_id},
                      {"given_name", v.pupil.given_name},
                      {"mine", std::move(mine)},
                      {"has_mine", !v.mine.empty()},
                      {"access_checked", r.field("kind") == "access"},
                      {"complaint_checked", r.field("kind") == "complaint"},
                      {"notice", r.query_value("done") == "made"}};
  add_errors(data, errors);
  data["kind_error"] = data["errors"].value("kind", "");
  data["details_field"] = input_field(data, {.id = "details",
                                             .label = "Tell the school more",
                                             .value = r.field("details"),
                                             .hint = "For a complaint, what it is about"});
  return ctx.page("families/data_rights", std::move(data), status);
}

Response data_request_page(RequestContext& ctx, std::int64_t id, const domain::FieldErrors& errors, int status) {
  const auto st = app::view_data_request(ctx.services, ctx.actor(), id);
  auto data = data_request_json(st, ctx.services.today());
  data["title"] = data["kind_label"].get<std::string>() + " about " + st.request.pupil_name;
  data["done"] = ctx.request.query_value("done");
  add_errors(data, errors);
  const auto& r = ctx.request;
  data["reason_field"] =
      input_field(data, {.id = "reason", .label = "Why it needs two more months", .value = r.field("reason")});
  auto outcome = input_field(data, {.id = "outcome", .label = "Outcome"});
  outcome["options"] = options(domain::complaint_outcomes(), r.field("outcome"));
  data["outcome_field"] = outcome;
  data["summary_field"] =
      input_field(data, {.id = "summary",
                         .label = st.request.kind == "complaint" ? "What was found, and what the school will do"
                                                                 : "What was released, and anything withheld and why",
                         .value = r.field("summary")});
  if (st.request.kind == "access" && !st.request.closed_at) {
    nlohmann::json names = nlohmann::json::array();
    std::vector<std::string> seen;  // each person once, to withhold or not
    for (const auto& t : app::record_copy(ctx.services, ctx.actor(), id).third_parties) {
      names.push_back({{"name", t.name}, {"where", t.where}});
      if (std::find(seen.begin(), seen.end(), t.name) == seen.end()) seen.push_back(t.name);
    }
    data["has_third_parties"] = !names.empty();
    data["third_parties"] = std::move(names);
    auto withheld = input_field(data, {.id = "withheld",
                                       .label = "Withhold any of these people from the copy released?",
                                       .hint = "Every mention of them is replaced by " +
                                               std::string(domain::kNameWithheld) + ". Say why in the box below"});
    const auto chosen = r.fields("withheld");
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i < seen.size(); ++i)  // names make poor ids: numbered instead
      items.push_back({{"name", "withheld"},
                       {"id", i == 0 ? std::string("withheld") : "withheld-" + std::to_string(i)},
                       {"value", seen[i]},
                       {"text", seen[i]},
                       {"checked", std::find(chosen.begin(), chosen.end(), seen[i]) != chosen.end()}});
    withheld["items"] = std::move(items);
    data["withheld_field"] = withheld;
  }
  data["can_acknowledge"] = !st.request.acknowledged_at && !st.request.closed_at;
  data["can_extend"] = st.request.kind == "access" && !st.request.extension_reason && !st.request.closed_at;
  return ctx.page("families/data_request", std::move(data), status);
}

template <class Step>
Response data_request_step(Request& req, RequestContext& ctx, const char* done, Step work) {
  const auto id = id_param(req, "id");
  try {
    work(id);
  } catch (const app::Invalid& e) {
    return data_request_page(ctx, id, e.errors(), 422);
  }
  return Response::redirect("/data-requests/" + std::to_string(id) + "?done=" + done);
}

}  // namespace

void add_data_request_routes(Router& r) {
  r.add("GET", "/pupils/{id}/data-rights",
        [](Request& req, RequestContext& ctx) { return data_rights_page(ctx, id_param(req, "id"), {}, 200); });
  r.add("POST", "/pupils/{id}/data-rights", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::make_data_request(ctx.services, ctx.actor(), id, req.field("kind"), req.field("details"));
    } catch (const app::Invalid& e) {
      return data_rights_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/pupils/" + std::to_string(id) + "/data-rights?done=made");
  });

  r.add("GET", "/data-requests", [](Request&, RequestContext& ctx) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& st : app::school_data_requests(ctx.services, ctx.actor()))
      list.push_back(data_request_json(st, ctx.services.today()));
    const bool any = !list.empty();
    return ctx.page("families/data_requests",
                    {{"title", "Data protection requests"}, {"requests", std::move(list)}, {"has_requests", any}});
  });
  r.add("GET", "/data-requests/{id}",
        [](Request& req, RequestContext& ctx) { return data_request_page(ctx, id_param(req, "id"), {}, 200); });
  r.add("GET", "/data-requests/{id}/record.pdf", [](Request& req, RequestContext& ctx) {
    const auto copy = app::record_copy(ctx.services, ctx.actor(), id_param(req, "id"));
    std::vector<PdfSection> sections;
    for (const auto& s : copy.sections) sections.push_back({s.heading, s.lines});
    Response res;
    res.content_type = "application/pdf";
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"record.pdf\"");
    res.body = render_sections_pdf("The record Waypoint holds about " + copy.pupil_name, sections);
    return res;
  });
  r.add("GET", "/data-requests/{id}/record.json", [](Request& req, RequestContext& ctx) {
    auto res =
        Response::json(200, app::record_copy_json(app::record_copy(ctx.services, ctx.actor(), id_param(req, "id"))));
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"record.json\"");
    return res;
  });
  r.add("GET", "/data-requests/{id}/released.json", [](Request& req, RequestContext& ctx) {
    const auto kept = app::released_copy(ctx.services, ctx.actor(), id_param(req, "id"));
    if (!kept) throw app::NotFound();
    auto res = Response::json(200, *kept);
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"released.json\"");
    return res;
  });
  r.add("GET", "/api/v1/pupils/{id}/data-requests", [](Request& req, RequestContext& ctx) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& st : app::family_data_rights(ctx.services, ctx.actor(), id_param(req, "id")).mine)
      list.push_back(data_request_json(st, ctx.services.today()));
    return Response::json(200, nlohmann::json{{"requests", list}}.dump());
  });
  r.add("POST", "/api/v1/pupils/{id}/data-requests", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    const auto id = app::make_data_request(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "kind"),
                                           text_of(b, "details"));
    return Response::json(201, nlohmann::json{{"id", id}}.dump());
  });
  r.add("GET", "/api/v1/data-requests", [](Request&, RequestContext& ctx) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& st : app::school_data_requests(ctx.services, ctx.actor()))
      list.push_back(data_request_json(st, ctx.services.today()));
    return Response::json(200, nlohmann::json{{"requests", list}}.dump());
  });
  r.add("GET", "/api/v1/data-requests/{id}", [](Request& req, RequestContext& ctx) {
    return Response::json(200, data_request_json(app::view_data_request(ctx.services, ctx.actor(), id_param(req, "id")),
                                                 ctx.services.today())
                                   .dump());
  });
  r.add("POST", "/data-requests/{id}/acknowledge", [](Request& req, RequestContext& ctx) {
    return data_request_step(req, ctx, "acknowledged",
                             [&](auto id) { app::acknowledge_data_request(ctx.services, ctx.actor(), id); });
  });
  r.add("POST", "/data-requests/{id}/extend", [](Request& req, RequestContext& ctx) {
    return data_request_step(req, ctx, "extended", [&](auto id) {
      app::extend_data_request(ctx.services, ctx.actor(), id, req.field("reason"));
    });
  });
  r.add("POST", "/data-requests/{id}/close", [](Request& req, RequestContext& ctx) {
    return data_request_step(req, ctx, "closed", [&](auto id) {
      app::close_data_request(ctx.services, ctx.actor(), id, req.field("outcome"), req.field("summary"),
                              req.fields("withheld"));
    });
  });
  // The requester's own copy, as released.
  r.add("GET", "/data-requests/{id}/copy.pdf", [](Request& req, RequestContext& ctx) {
    const auto kept = app::my_released_copy(ctx.services, ctx.actor(), id_param(req, "id"));
    if (!kept) throw app::NotFound();
    std::vector<PdfSection> sections;
    for (const auto& s : app::sections_of_copy_json(*kept)) sections.push_back({s.heading, s.lines});
    Response res;
    res.content_type = "application/pdf";
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"record.pdf\"");
    res.body = render_sections_pdf("Your copy of the record", sections);
    return res;
  });
  // The data protection lead's steps. {}: 204.
  r.add("POST", "/api/v1/data-requests/{id}/acknowledge", [](Request& req, RequestContext& ctx) {
    app::acknowledge_data_request(ctx.services, ctx.actor(), id_param(req, "id"));
    return Response::json(204, "");
  });
  // {reason}: 204.
  r.add("POST", "/api/v1/data-requests/{id}/extend", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::extend_data_request(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "reason"));
    return Response::json(204, "");
  });
  // {outcome (a complaint's), summary, withheld: [names]}: 204.
  r.add("POST", "/api/v1/data-requests/{id}/close", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::close_data_request(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "outcome"),
                            text_of(b, "summary"), list_of(b, "withheld"));
    return Response::json(204, "");
  });
  // The copy as Waypoint makes it now, with the people it names, for the lead to check.
  r.add("GET", "/api/v1/data-requests/{id}/copy", [](Request& req, RequestContext& ctx) {
    return Response::json(200, app::record_copy_json(app::record_copy(ctx.services, ctx.actor(), id_param(req, "id"))));
  });
  // What was released, once closed: to the lead.
  r.add("GET", "/api/v1/data-requests/{id}/released", [](Request& req, RequestContext& ctx) {
    const auto kept = app::released_copy(ctx.services, ctx.actor(), id_param(req, "id"));
    if (!kept) throw app::NotFound();
    return Response::json(200, *kept);
  });
  // And to the person who asked for it.
  r.add("GET", "/api/v1/data-requests/{id}/my-copy", [](Request& req, RequestContext& ctx) {
    const auto kept = app::my_released_copy(ctx.services, ctx.actor(), id_param(req, "id"));
    if (!kept) throw app::NotFound();
    return Response::json(200, *kept);
  });
}

}  // namespace waypoint::web
