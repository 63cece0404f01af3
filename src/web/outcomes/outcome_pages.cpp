// Outcomes of alternative provision for the viewer's scope: figures with the pupils behind them,
// charts followed by their tables, and the same rows as CSV and XLSX.
#include <nlohmann/json.hpp>
#include <span>

#include "app/kernel/errors.hpp"
#include "app/outcomes/outcomes.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/csv.hpp"
#include "domain/kernel/numbers.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/bar_chart.hpp"
#include "web/kernel/spreadsheet.hpp"
#include "web/outcomes/outcome_json.hpp"

namespace waypoint::web {
namespace {

using domain::format_date;

const std::vector<std::string> kExportHeaders = {"Scope", "Figure", "Value", "Pupils"};
// The placements behind a figure, a page at a time: an LA's can be every one of its 2,000.
constexpr std::size_t kPupilsPerPage = 25;
// The figures the per-provider and per-school tables show, in their column order.
const std::vector<std::string> kGroupColumns = {"started", "ended", "median_length", "reintegrated",
                                                "holding_12_weeks"};

std::string period_query(const app::OutcomesView& v) {
  return "from=" + format_date(v.from) + "&to=" + format_date(v.to);
}

// Every row of the export: the whole scope first, then each provider's.
std::vector<std::vector<std::string>> export_rows(const app::OutcomesView& v) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& f : v.figures)
    rows.push_back({v.scope_name, f.label, f.value, std::to_string(f.placement_ids.size())});
  for (const auto* groups : {&v.by_school, &v.by_provider})
    for (const auto& g : *groups)
      for (const auto& f : app::group_figures(v, g))
        rows.push_back({g.name, f.label, f.value, std::to_string(f.placement_ids.size())});
  return rows;
}

// Groups a page shows of each table: an area has hundreds of schools, and the CSV, the XLSX and the
// API give them all.
constexpr std::size_t kGroupsPerPage = 25;
constexpr PagedTable kBySchool{"schools", "schools_page", "schools", "Pages of outcomes by school", "outcome-schools"};
constexpr PagedTable kByProvider{"providers", "providers_page", "providers", "Pages of outcomes by provider",
                                 "outcome-providers"};

// One page of the per-school or per-provider table, with its own pager: each group's figure values
// in the columns' order.
void add_group_page(nlohmann::json& data, const Request& r, const app::OutcomesView& v, const PagedTable& t,
                    const PagedTable& other, const std::vector<app::GroupOutcomes>& groups) {
  const auto shown = add_table_page(data, r, "/outcomes?" + period_query(v), t, other, groups.size(), kGroupsPerPage);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& g : std::span(groups).subspan(shown.first, shown.last - shown.first)) {
    nlohmann::json cells = nlohmann::json::array();
    const auto figures = app::group_figures(v, g);
    for (const auto& key : kGroupColumns)
      for (const auto& f : figures)
        if (f.key == key) cells.push_back(f.value);
    rows.push_back({{"name", g.name}, {"id", g.id}, {"cells", std::move(cells)}});
  }
  data[t.key]["rows"] = std::move(rows);
}

// A chart and the rows of its table: the figures whose keys start with `prefix` (or are listed).
nlohmann::json chart(const app::OutcomesView& v, const std::string& id, const std::string& title,
                     const std::string& description, const std::vector<std::string>& keys, const std::string& prefix,
                     bool percentages) {
  std::vector<Bar> bars;
  nlohmann::json rows = nlohmann::json::array();
  double most = 0;
  for (const auto& f : v.figures) {
    const bool wanted =
        std::find(keys.begin(), keys.end(), f.key) != keys.end() || (!prefix.empty() && f.key.rfind(prefix, 0) == 0);
    if (!wanted || !f.amount) continue;
    const auto short_label =
        prefix.empty() ? f.label.substr(0, f.label.find(" (")) : f.label.substr(f.label.find(": ") + 2);
    bars.push_back({short_label, *f.amount, percentages ? f.value.substr(0, f.value.find(' ')) : f.value});
    rows.push_back({{"label", short_label}, {"value", f.value}});
    most = std::max(most, *f.amount);
  }
  return {{"title", title},
          {"svg", bar_chart_svg(id, title, description + " The table after the chart gives the same figures.", bars,
                                percentages ? 100 : most)},
          {"rows", rows},
          {"has_rows", !rows.empty()}};
}

Response outcomes_page(RequestContext& ctx, const domain::FieldErrors& errors, int status) {
  const auto& r = ctx.request;
  nlohmann::json data{
      {"title", "Outcomes of alternative provision"}, {"from", date_query(r, "from")}, {"to", date_query(r, "to")}};
  add_errors(data, errors);
  if (errors.empty()) {
    const auto kept = app::view_outcomes(ctx.services, ctx.actor(), date_query(r, "from"), date_query(r, "to"));
    const auto& v = *kept;
    const auto shown = outcomes_json(v, OutcomeDetail::Summary);
    data["from"] = shown["from"];
    data["to"] = shown["to"];
    data["from_text"] = shown["from_text"];
    data["to_text"] = shown["to_text"];
    data["scope_name"] = v.scope_name;
    const auto query = period_query(v);
    data["figures"] = shown["figures"];
    for (auto& f : data["figures"]) {
      f["href"] = "/outcomes/pupils?figure=" + f["key"].get<std::string>() + "&" + query;
      f["has_pupils"] = f["pupils"] != 0;
      f["pupils_text"] = domain::count_text(f["pupils"].get<std::int64_t>());
    }
    data["charts"] = nlohmann::json::array(
        {chart(v, "attendance-chart", "Attendance before, during and after",
               "Attendance as a percentage before the placement, during it and after the return.",
               {"attendance_before", "attendance_during", "attendance_after"}, "", true),
         chart(v, "destinations-chart", "Where pupils went next",
               "How many pupils went to each destination when their placement ended.", {}, "destination_", false)});
    if (!v.by_school.empty()) add_group_page(data, r, v, kBySchool, kByProvider, v.by_school);
    data["has_schools"] = !v.by_school.empty();
    if (!v.by_provider.empty()) add_group_page(data, r, v, kByProvider, kBySchool, v.by_provider);
    data["has_providers"] = !v.by_provider.empty();
    data["query"] = query;
  }
  data["fields"]["from"] = input_field(
      data, {.id = "from", .label = "From", .value = data["from"], .type = "date", .hint = "For example, 1 9 2026"});
  data["fields"]["to"] = input_field(
      data, {.id = "to", .label = "To", .value = data["to"], .type = "date", .hint = "For example, 31 7 2027"});
  return ctx.page("outcomes/show", std::move(data), status);
}

}  // namespace

void add_outcome_routes(Router& r) {
  r.add("GET", "/outcomes", [](Request&, RequestContext& ctx) {
    try {
      return outcomes_page(ctx, {}, 200);
    } catch (const app::Invalid& e) {
      return outcomes_page(ctx, e.errors(), 422);
    }
  });

  r.add("GET", "/outcomes/pupils", [](Request& req, RequestContext& ctx) {
    const auto f = app::pupils_behind(ctx.services, ctx.actor(), date_query(req, "from"), date_query(req, "to"),
                                      req.query_value("figure"));
    const auto slice = page_slice(req, f.rows.size(), kPupilsPerPage);
    const auto [number, first, last] = slice;
    auto data = figure_pupils_json(f, std::span(f.rows).subspan(first, last - first), OutcomeDetail::Summary);
    const auto query = period_query(*f.outcomes);
    data["title"] = f.figure.label;
    data["query"] = query;
    data["empty"] = f.rows.empty();
    if (f.rows.size() > kPupilsPerPage) data["shown_text"] = showing_text(slice, f.rows.size(), "placements");
    data["pager"] =
        pagination("/outcomes/pupils?figure=" + url_encode(f.figure.key) + "&" + query, number, last < f.rows.size());
    return ctx.page("outcomes/pupils", std::move(data));
  });

  r.add("GET", "/outcomes.csv", [](Request& req, RequestContext& ctx) {
    const auto kept = app::view_outcomes(ctx.services, ctx.actor(), date_query(req, "from"), date_query(req, "to"));
    const auto& v = *kept;
    std::string body = domain::csv_row(kExportHeaders);
    for (const auto& row : export_rows(v)) body += domain::csv_row(row);
    return Response::download(std::move(body), "text/csv; charset=utf-8",
                              "outcomes-" + format_date(v.from) + "-to-" + format_date(v.to) + ".csv");
  });

  r.add("GET", "/outcomes.xlsx", [](Request& req, RequestContext& ctx) {
    const auto kept = app::view_outcomes(ctx.services, ctx.actor(), date_query(req, "from"), date_query(req, "to"));
    const auto& v = *kept;
    std::vector<std::vector<SheetCell>> rows;
    for (const auto& row : export_rows(v))
      rows.push_back(
          {{row[0], std::nullopt}, {row[1], std::nullopt}, {row[2], std::nullopt}, {row[3], std::stod(row[3])}});
    return Response::download(xlsx_sheet("Outcomes", kExportHeaders, rows, {36, 60, 30, 10}),
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              "outcomes-" + format_date(v.from) + "-to-" + format_date(v.to) + ".xlsx");
  });
}

}  // namespace waypoint::web
