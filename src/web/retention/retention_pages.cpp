#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/retention/retention.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "web/kernel/application.hpp"

namespace waypoint::web {
namespace {

std::string record_of(const std::string& subject, const std::optional<std::int64_t>& id) {
  if (subject == "pupil" || subject == "provider")
    return (subject == "pupil" ? "Pupil " : "Provider ") + std::to_string(*id);
  if (subject == "audit trail") return "Audit entries up to " + std::to_string(id.value_or(0));
  return "Attendance registers";
}

std::string tables_of(const std::string& detail) {
  const auto counts = nlohmann::json::parse(detail, nullptr, false);
  std::string out;
  if (counts.is_object())
    for (const auto& [table, rows] : counts.items()) out += (out.empty() ? "" : ", ") + table + " " + rows.dump();
  return out;
}

nlohmann::json schedule_json(const std::vector<app::ScheduleLine>& lines) {
  auto out = nlohmann::json::array();
  for (const auto& l : lines)
    out.push_back({{"label", std::string(l.rule->label)},
                   {"code", std::string(l.rule->code)},
                   {"years", l.years},
                   {"from", std::string(domain::counted_from(l.rule->basis))},
                   {"changed", l.changed_at ? "Changed " + domain::date_text(l.changed_at->substr(0, 10))
                                            : std::string("The default")}});
  return out;
}

nlohmann::json holds_json(const std::vector<store::LegalHold>& holds) {
  auto out = nlohmann::json::array();
  for (const auto& h : holds)
    out.push_back({{"id", h.id},
                   {"record", h.pupil_id ? "Pupil " + std::to_string(*h.pupil_id)
                                         : "Provider " + std::to_string(h.provider_id.value_or(0))},
                   {"reason", h.reason},
                   {"placed", domain::date_text(h.placed_at.substr(0, 10)) + " by " + h.placed_by},
                   {"lifted", h.lifted_at ? domain::date_text(h.lifted_at->substr(0, 10)) + " by " +
                                                h.lifted_by.value_or("") + ": " + h.lift_reason.value_or("")
                                          : std::string()}});
  return out;
}

}  // namespace

void add_retention_routes(Router& r) {
  // The schedule, the holds, and the disposal log for the data protection officer, printable.
  r.add("GET", "/admin/retention", [](Request& req, RequestContext& ctx) {
    const auto from = date_query(req, "from"), until = date_query(req, "until");
    const int number = page_number(req);
    nlohmann::json data{{"title", "Retention and disposal"}};
    data["schedule"] = schedule_json(app::retention_schedule(ctx.services, ctx.actor()));
    const auto holds = app::legal_holds(ctx.services, ctx.actor());
    data["holds"] = holds_json(holds);
    data["has_holds"] = !holds.empty();
    int status = 200;
    data["disposals"] = nlohmann::json::array();
    try {
      const auto log = app::disposal_log(ctx.services, ctx.actor(), from, until, {number, 50});
      for (const auto& d : log.items) {
        const auto rule = domain::parse_record_type(d.record_type);
        data["disposals"].push_back({{"on", domain::date_text(d.disposed_at.substr(0, 10))},
                                     {"rule", rule ? std::string(domain::retention_rule(*rule).label) : d.record_type},
                                     {"record", record_of(d.subject, d.subject_id)},
                                     {"records", d.records},
                                     {"tables", tables_of(d.detail)}});
      }
      data["pager"] =
          pagination("/admin/retention?from=" + url_encode(from) + "&until=" + url_encode(until), number, log.has_next);
      add_errors(data, {});
    } catch (const app::Invalid& e) {
      add_errors(data, e.errors());
      status = 422;
    }
    data["has_disposals"] = !data["disposals"].empty();
    auto& fields = data["fields"];
    fields["from"] = input_field(
        data,
        {.id = "from", .label = "Disposed of from", .value = from, .type = "date", .hint = "For example, 1 9 2026"});
    fields["until"] = input_field(
        data, {.id = "until", .label = "To", .value = until, .type = "date", .hint = "For example, 18 12 2026"});
    return ctx.page("retention/retention", std::move(data), status);
  });
}

}  // namespace waypoint::web
