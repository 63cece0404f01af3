#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/placements/timetables.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
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
// Review dates of a part-time timetable: a date's boxes each, with room for one more than recorded.
constexpr std::size_t kReviewDatesAtLeast = 3;
constexpr std::size_t kReviewDatesAtMost = 12;

// The first box keeps the field's own name, so the error summary's link lands on it.
std::string review_date_id(std::size_t n) { return n == 1 ? "review_dates" : "review_dates_" + std::to_string(n); }

// A client sending `review_dates` as a list ("2026-12-11, 2027-01-15") is read as before.
std::string review_dates_typed(const Request& r) {
  std::vector<std::string> dates;
  for (std::size_t n = 1; n <= kReviewDatesAtMost; ++n)
    if (auto d = date_field(r, review_date_id(n)); !d.empty()) dates.push_back(std::move(d));
  return domain::join_list(dates);
}

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
  f.part_time = {r.field("part_time_reason"), date_field(r, "parent_agreed_on"), date_field(r, "part_time_ends_on"),
                 review_dates_typed(r), date_field(r, "part_time_starts_on")};
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
                                                  .type = "date",
                                                  .hint = "For example, 20 11 2026"});
  fields["part_time_starts_on"] =
      input_field(data, {.id = "part_time_starts_on",
                         .label = "Date the part-time timetable starts",
                         .value = pt.starts_on,
                         .type = "date",
                         .hint = "For example, 23 11 2026. Leave it blank if it starts today"});
  fields["part_time_ends_on"] = input_field(data, {.id = "part_time_ends_on",
                                                   .label = "Date the pupil is back to full time",
                                                   .value = pt.ends_on,
                                                   .type = "date",
                                                   .hint = "For example, 29 1 2027"});
  const auto reviews = domain::split_list(pt.review_dates);
  nlohmann::json review_boxes = nlohmann::json::array();
  const auto boxes = std::min(kReviewDatesAtMost, std::max(kReviewDatesAtLeast, reviews.size() + 1));
  for (std::size_t n = 1; n <= boxes; ++n)
    review_boxes.push_back(input_field(
        data, {.id = review_date_id(n),
               .label = n == 1 ? std::string("Date of the first review")
                               : "Date of review " + std::to_string(n) + " (optional)",
               .value = n <= reviews.size() ? reviews[n - 1] : "",
               .type = "date",
               .hint = n == 1 ? "Each review date must be on or before the date the pupil is back to full time" : ""}));
  data["review_boxes"] = std::move(review_boxes);
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
