#include <nlohmann/json.hpp>

#include "app/kernel/audit_trail.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/time.hpp"
#include "web/kernel/application.hpp"

namespace waypoint::web {

void add_audit_routes(Router& r) {
  r.add("GET", "/admin/audit", [](Request& req, RequestContext& ctx) {
    app::AuditQuery q{req.query_value("user"), req.query_value("pupil_id"), date_query(req, "from"),
                      date_query(req, "until")};
    const int number = page_number(req);
    nlohmann::json data{{"title", "Audit trail"}, {"empty", true}};
    int status = 200;
    try {
      auto page = app::search_audit_trail(ctx.services, ctx.actor(), q, {number, 50});
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& [e, email] : page.items)
        rows.push_back({{"id", std::to_string(e.id)},
                        {"at", e.at},
                        {"at_text", domain::uk_time_text(e.at)},
                        {"user", e.user_id ? email + " (" + std::to_string(*e.user_id) + ")" : ""},
                        {"action", e.action},
                        {"entity", e.entity + (e.entity_id ? " " + std::to_string(*e.entity_id) : "")},
                        {"pupil_id", e.pupil_id ? std::to_string(*e.pupil_id) : ""},
                        {"client", e.client},
                        {"detail", e.detail}});
      data["entries"] = rows;
      data["empty"] = rows.empty();
      const auto base = "/admin/audit?user=" + url_encode(q.user) + "&pupil_id=" + url_encode(q.pupil_id) +
                        "&from=" + url_encode(q.from) + "&until=" + url_encode(q.until);
      data["pager"] = pagination(base, number, page.has_next);
      add_errors(data, {});
    } catch (const app::Invalid& e) {
      add_errors(data, e.errors());
      status = 422;
    }
    auto& fields = data["fields"];
    const std::string width = "govuk-!-width-full";
    fields["user"] = input_field(data, {.id = "user",
                                        .label = "User (email or number)",
                                        .value = q.user,
                                        .type = "text",
                                        .autocomplete = "off",
                                        .width = width});
    fields["pupil_id"] = input_field(data, {.id = "pupil_id",
                                            .label = "Pupil number",
                                            .value = q.pupil_id,
                                            .type = "text",
                                            .autocomplete = "off",
                                            .width = width});
    fields["from"] = input_field(
        data, {.id = "from", .label = "From date", .value = q.from, .type = "date", .hint = "For example, 1 9 2026"});
    fields["until"] = input_field(
        data, {.id = "until", .label = "To date", .value = q.until, .type = "date", .hint = "For example, 18 12 2026"});
    return ctx.page("admin/audit", std::move(data), status);
  });
}

}  // namespace waypoint::web
