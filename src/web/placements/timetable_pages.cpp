#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/placements/timetables.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/placements/placement.hpp"
#include "web/kernel/application.hpp"
#include "web/placements/timetable_json.hpp"
#include "web/pupils/pupil_json.hpp"

namespace waypoint::web {
namespace {

// Room to add sessions without a script: at least a morning and an afternoon for each day of an
// empty week, and always a few more.
constexpr std::size_t kRowsAtLeast = 10;
constexpr std::size_t kBlankRows = 4;

std::vector<domain::CodeLabel> day_list() {
  return {{"monday", "Monday"},
          {"tuesday", "Tuesday"},
          {"wednesday", "Wednesday"},
          {"thursday", "Thursday"},
          {"friday", "Friday"}};
}

app::TimetableForm timetable_form(const Request& r) {
  app::TimetableForm f;
  const auto count = domain::parse_whole_number(r.field("slot_count")).value_or(0);
  for (std::int64_t i = 1; i <= std::min<std::int64_t>(count, 100); ++i) {
    const auto n = "slot_" + std::to_string(i) + "_";
    f.slots.push_back({r.field(n + "day"), r.field(n + "start"), r.field(n + "end"), r.field(n + "where")});
  }
  f.part_time = {r.field("part_time_reason"), r.field("parent_agreed_on"), r.field("part_time_ends_on"),
                 r.field("review_dates"), r.field("part_time_starts_on")};
  f.confirm_threshold = r.field("confirm_threshold") == "yes";
  return f;
}

// The week as saved, or as typed when the form comes back with errors or a warning.
Response timetable_page(RequestContext& ctx, std::int64_t pupil_id, const app::TimetableForm* typed,
                        const domain::FieldErrors& errors, const std::vector<app::ThresholdWarning>& warnings,
                        int status) {
  const auto v = app::view_timetable(ctx.services, ctx.actor(), pupil_id);
  nlohmann::json data{{"title", "Timetable for " + v.pupil.given_name + " " + v.pupil.family_name},
                      {"pupil", pupil_json(v.pupil, ctx.services.today())},
                      {"can_edit", v.can_edit},
                      {"notice", ctx.request.query_value("done")}};
  add_errors(data, errors);
  std::map<std::int64_t, std::string> placement_names;
  std::vector<domain::CodeLabel> where_codes{
      {"home_school", "Home school"}, {"online", "Online"}, {"home_tuition", "Home tuition"}};
  std::vector<std::string> where_values;  // keeps the strings CodeLabel points at alive
  where_values.reserve(v.placements.size() * 2);
  for (const auto& p : v.placements) {
    placement_names[p.id] = p.provider_name;
    where_values.push_back("placement:" + std::to_string(p.id));
    where_values.push_back(p.provider_name + " (" + std::string(domain::status_label(*domain::parse_status(p.status))) +
                           ")");
  }
  for (std::size_t i = 0; i + 1 < where_values.size(); i += 2)
    where_codes.push_back({where_values[i], where_values[i + 1]});

  auto week = timetable_json(v);
  week["has_slots"] = !v.slots.empty();
  week["has_gaps"] = !v.gaps.empty() && !v.slots.empty();
  data["week"] = week;

  // The editing rows: what was typed, or the saved week, then blank rows.
  std::vector<app::SlotForm> rows;
  if (typed) {
    rows = typed->slots;
  } else {
    for (const auto& r : v.slots) {
      auto day = domain::weekday_name(r.slot.day);
      for (auto& c : day) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      rows.push_back({day, domain::format_clock(r.slot.start_minute), domain::format_clock(r.slot.end_minute),
                      r.placement_id ? "placement:" + std::to_string(*r.placement_id) : r.slot.setting});
    }
  }
  const auto blank = std::max(kBlankRows, kRowsAtLeast > rows.size() ? kRowsAtLeast - rows.size() : 0);
  for (std::size_t i = 0; i < blank; ++i) rows.push_back({});
  nlohmann::json slot_rows = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto n = "slot_" + std::to_string(i + 1) + "_";
    auto cell = [&](const std::string& part, const std::string& label, const std::string& value) {
      auto f = input_field(data, {.id = n + part, .label = label, .value = value, .width = "govuk-input--width-5"});
      return f;
    };
    auto day = cell("day", "Day", "");
    day["options"] = options(day_list(), rows[i].day);
    auto where = cell("where", "Where", "");
    where["options"] = options(where_codes, rows[i].where);
    slot_rows.push_back({{"number", i + 1},
                         {"day", day},
                         {"start", cell("start", "Start", rows[i].start)},
                         {"end", cell("end", "End", rows[i].end)},
                         {"where", where}});
  }
  data["slot_rows"] = std::move(slot_rows);
  data["slot_count"] = rows.size();
  const auto& pt = typed ? typed->part_time
                         : domain::PartTimeArrangement{v.part_time ? v.part_time->reason : "",
                                                       v.part_time ? v.part_time->parent_agreed_on.value_or("") : "",
                                                       v.part_time ? v.part_time->ends_on : "",
                                                       v.part_time ? v.part_time->review_dates : "",
                                                       v.part_time ? v.part_time->starts_on : ""};
  auto& fields = data["fields"];
  fields["part_time_reason"] =
      input_field(data, {.id = "part_time_reason", .label = "Why the timetable is part time", .value = pt.reason});
  fields["parent_agreed_on"] = input_field(data, {.id = "parent_agreed_on",
                                                  .label = "Date the parents agreed",
                                                  .value = pt.parent_agreed_on,
                                                  .hint = "Like 2026-11-20",
                                                  .width = "govuk-input--width-10"});
  fields["part_time_starts_on"] = input_field(data, {.id = "part_time_starts_on",
                                                     .label = "Date the part-time timetable starts",
                                                     .value = pt.starts_on,
                                                     .hint = "Like 2026-11-23. Leave it blank if it starts today",
                                                     .width = "govuk-input--width-10"});
  fields["part_time_ends_on"] = input_field(data, {.id = "part_time_ends_on",
                                                   .label = "Date the pupil is back to full time",
                                                   .value = pt.ends_on,
                                                   .hint = "Like 2027-01-29",
                                                   .width = "govuk-input--width-10"});
  fields["review_dates"] = input_field(data, {.id = "review_dates",
                                              .label = "Review dates",
                                              .value = pt.review_dates,
                                              .hint = "Separate them with commas, like 2026-12-11, 2027-01-15"});
  nlohmann::json warning_list = nlohmann::json::array();
  for (const auto& w : warnings) warning_list.push_back({{"provider_name", w.provider_name}, {"reason", w.reason}});
  data["warnings"] = std::move(warning_list);
  data["has_warnings"] = !warnings.empty();
  return ctx.page("pupils/timetable", std::move(data), status);
}

}  // namespace

void add_timetable_routes(Router& r) {
  r.add("GET", "/pupils/{id}/timetable", [](Request& req, RequestContext& ctx) {
    return timetable_page(ctx, id_param(req, "id"), nullptr, {}, {}, 200);
  });

  r.add("POST", "/pupils/{id}/timetable", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    const auto f = timetable_form(req);
    try {
      const auto warnings = app::save_timetable(ctx.services, ctx.actor(), id, f);
      // Not saved yet: the school reads the warning and confirms, or changes the week.
      if (!warnings.empty()) return timetable_page(ctx, id, &f, {}, warnings, 409);
    } catch (const app::Invalid& e) {
      return timetable_page(ctx, id, &f, e.errors(), {}, 422);
    }
    return Response::redirect("/pupils/" + std::to_string(id) + "/timetable?done=saved");
  });

  r.add("GET", "/registration-threshold", [](Request&, RequestContext& ctx) {
    const auto watch = app::registration_watch(ctx.services, ctx.actor());
    nlohmann::json providers = nlohmann::json::array();
    for (const auto& w : watch) {
      nlohmann::json pupils = nlohmann::json::array();
      for (const auto& p : w.pupils)
        pupils.push_back(
            {{"name", p.name}, {"hours", hours_text(p.minutes)}, {"looked_after_or_ehc", p.looked_after_or_ehc}});
      providers.push_back({{"id", w.provider_id},
                           {"name", w.provider_name},
                           {"full_time_pupils", w.full_time_pupils},
                           {"must_register", w.must_register},
                           {"reason", w.reason},
                           {"pupils", std::move(pupils)}});
    }
    const auto rule = app::registration_rule_today(ctx.services);
    nlohmann::json data{{"title", "Unregistered providers teaching full time"},
                        {"providers", providers},
                        {"empty", providers.empty()},
                        {"law", std::string(rule.law)},
                        {"pupils_needed", rule.pupils},
                        {"full_time", hours_text(rule.full_time_over_minutes)},
                        {"one_pupil", rule.any_sen ? "special educational needs" : "an EHC plan"},
                        {"column", rule.any_sen ? "Looked after or SEN" : "Looked after or EHC plan"}};
    return ctx.page("providers/registration_threshold", std::move(data));
  });
}

}  // namespace waypoint::web
