// The LA's picture of its area: figures with charts and their tables, each leading to the children
// behind it, attendance by provider and by school, filters, and the same figures as CSV and XLSX.
#include <nlohmann/json.hpp>

#include "app/area/area.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/csv.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/placements/placement.hpp"
#include "web/area/area_json.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/bar_chart.hpp"
#include "web/kernel/spreadsheet.hpp"

namespace waypoint::web {
namespace {

constexpr int kLinesPerPage = 25;
// Attendance rows a page shows of each table: an area has hundreds of schools, and the CSV and the
// API give them all.
constexpr int kAttendanceRowsPerPage = 25;
const std::vector<std::string> kExportHeaders = {"Section", "Name", "Measure", "Value"};

app::AreaFilter filter_of(const Request& r) {
  return {r.query_value("school"), r.query_value("provider"), r.query_value("reason"),
          r.query_value("tier"),   date_query(r, "from"),     date_query(r, "to")};
}

std::vector<domain::CodeLabel> choices(const std::vector<app::AreaChoice>& list, std::vector<std::string>& ids) {
  ids.clear();
  ids.reserve(list.size());  // CodeLabel views its text: the ids must not move
  std::vector<domain::CodeLabel> out;
  for (const auto& x : list) {
    ids.push_back(std::to_string(x.id));
    out.push_back({ids.back(), x.name});
  }
  return out;
}

// Every figure and attendance row, as the page shows them.
std::vector<std::vector<std::string>> export_rows(const app::AreaView& v) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& g : v.groups)
    for (const auto& f : g.figures)
      rows.push_back({g.title, f.label, f.counts_pupils ? "Pupils" : "Placements", std::to_string(f.count)});
  for (const auto& [title, list] :
       {std::pair("Attendance by provider", &v.by_provider), std::pair("Attendance by school", &v.by_school)})
    for (const auto& a : *list) {
      rows.push_back({title, a.name, "Pupils", std::to_string(a.pupils)});
      rows.push_back({title, a.name, "Sessions possible", std::to_string(a.sessions.possible)});
      rows.push_back({title, a.name, "Sessions attended", std::to_string(a.sessions.attended)});
      rows.push_back({title, a.name, "Unauthorised absences", std::to_string(a.sessions.unauthorised)});
      rows.push_back({title, a.name, "Persistently absent pupils", std::to_string(a.persistently_absent)});
    }
  return rows;
}

constexpr PagedTable kByProvider{"attendance_by_provider", "providers_page", "providers",
                                 "Pages of attendance by provider", "area-attendance-providers"};
constexpr PagedTable kBySchool{"attendance_by_school", "schools_page", "schools", "Pages of attendance by school",
                               "area-attendance-schools"};

// One page of a table of attendance, with its own pager.
void add_attendance_page(nlohmann::json& data, const Request& r, const std::string& query, const PagedTable& t,
                         const PagedTable& other, const std::vector<domain::AreaAttendance>& rows) {
  const auto shown = add_table_page(data, r, "/area?" + query, t, other, rows.size(), kAttendanceRowsPerPage);
  auto& shown_rows = data[t.key]["rows"];
  shown_rows = area_attendance_json(std::span(rows).subspan(shown.first, shown.last - shown.first));
  // The page writes its counts as people read them; the API keeps the numbers.
  for (auto& row : shown_rows)
    for (const char* count : {"pupils", "possible", "unauthorised", "persistently_absent"})
      row[count] = domain::count_text(row[count].get<std::int64_t>());
}

std::string export_name(const app::AreaView& v, const char* extension) {
  return "area-" + domain::format_date(v.from) + "-to-" + domain::format_date(v.to) + extension;
}

Response area_page(RequestContext& ctx, const domain::FieldErrors& errors, int status) {
  const auto& r = ctx.request;
  auto typed = filter_of(r);
  nlohmann::json data{{"title", "Where are our children?"}};
  add_errors(data, errors);
  std::vector<app::AreaChoice> schools, providers;
  if (errors.empty()) {
    const auto v = app::view_area(ctx.services, ctx.actor(), typed);
    schools = v.schools;
    providers = v.providers;
    typed = v.filter;
    typed.from = domain::format_date(v.from);
    typed.to = domain::format_date(v.to);
    auto shown = area_figures_json(v);
    const auto query = area_query(v);
    for (auto& g : shown["groups"]) {
      std::vector<Bar> bars;
      double most = 0;
      for (auto& f : g["figures"]) {
        f["href"] = "/area/pupils?figure=" + f["key"].get<std::string>() + "&" + query;
        const auto count = f["count"].get<int>();
        f["has_count"] = count > 0;
        f["count_text"] = domain::count_text(count);
        bars.push_back({f["label"].get<std::string>(), static_cast<double>(count), domain::count_text(count)});
        most = std::max(most, static_cast<double>(count));
      }
      const auto key = g["key"].get<std::string>();
      g["charted"] = key != "attention";
      if (key != "attention")
        g["svg"] = bar_chart_svg("area-" + key, g["title"].get<std::string>(),
                                 "How many placements in each. The table after the chart gives the same figures.", bars,
                                 std::max(most, 1.0));
    }
    // Moved across, not copied as update() would: the groups hold every figure and its chart.
    for (auto& [key, value] : shown.get_ref<nlohmann::json::object_t&>()) data[key] = std::move(value);
    data["query"] = query;
    add_attendance_page(data, r, query, kByProvider, kBySchool, v.by_provider);
    add_attendance_page(data, r, query, kBySchool, kByProvider, v.by_school);
    data["has_attendance_by_provider"] = !v.by_provider.empty();
    data["has_attendance_by_school"] = !v.by_school.empty();
    data["filtered"] =
        !v.filter.school.empty() || !v.filter.provider.empty() || !v.filter.reason.empty() || !v.filter.tier.empty();
  }
  std::vector<std::string> school_ids, provider_ids;
  auto select = [&](const char* id, const char* label, const std::vector<domain::CodeLabel>& list,
                    const std::string& value) {
    auto field = input_field(data, {.id = id, .label = label});
    field["options"] = options(list, value);
    data["fields"][id] = field;
  };
  select("school", "School", choices(schools, school_ids), typed.school);
  select("provider", "Provider", choices(providers, provider_ids), typed.provider);
  select("reason", "Primary reason", domain::placement_reasons(), typed.reason);
  select("tier", "Tier", domain::placement_tiers(), typed.tier);
  data["fields"]["from"] = input_field(
      data, {.id = "from", .label = "From", .value = typed.from, .type = "date", .hint = "For example, 2 11 2026"});
  data["fields"]["to"] = input_field(
      data, {.id = "to", .label = "To", .value = typed.to, .type = "date", .hint = "For example, 18 12 2026"});
  return ctx.page("area/show", std::move(data), status);
}

}  // namespace

void add_area_routes(Router& r) {
  r.add("GET", "/area", [](Request&, RequestContext& ctx) {
    try {
      return area_page(ctx, {}, 200);
    } catch (const app::Invalid& e) {
      return area_page(ctx, e.errors(), 422);
    }
  });

  r.add("GET", "/area/pupils", [](Request& req, RequestContext& ctx) {
    const auto f = app::area_figure_pupils(ctx.services, ctx.actor(), filter_of(req), req.query_value("figure"));
    const auto query = area_query(f.area);
    const auto [number, first, last] = page_slice(req, f.lines.size(), kLinesPerPage);
    const std::vector<app::AreaLine> shown(f.lines.begin() + static_cast<std::ptrdiff_t>(first),
                                           f.lines.begin() + static_cast<std::ptrdiff_t>(last));
    nlohmann::json data{{"title", f.figure.label},
                        {"group_title", f.group_title},
                        {"count", domain::count_text(f.figure.count)},
                        {"counts", f.figure.counts_pupils ? "pupils" : "placements"},
                        {"lines", area_lines_json(shown, domain::format_date(ctx.services.today()))},
                        {"empty", f.lines.empty()},
                        {"of_placements", !f.figure.counts_pupils},
                        {"of_part_time", f.figure.key.rfind("part_time", 0) == 0},
                        {"area", f.area.area_name},
                        {"from_text", domain::date_text(domain::format_date(f.area.from))},
                        {"to_text", domain::date_text(domain::format_date(f.area.to))},
                        {"query", query},
                        {"pager", pagination("/area/pupils?figure=" + url_encode(f.figure.key) + "&" + query, number,
                                             last < f.lines.size())}};
    return ctx.page("area/pupils", std::move(data));
  });

  r.add("GET", "/area.csv", [](Request& req, RequestContext& ctx) {
    const auto v = app::view_area(ctx.services, ctx.actor(), filter_of(req));
    std::string body = domain::csv_row(kExportHeaders);
    for (const auto& row : export_rows(v)) body += domain::csv_row(row);
    return Response::download(std::move(body), "text/csv; charset=utf-8", export_name(v, ".csv"));
  });

  r.add("GET", "/area.xlsx", [](Request& req, RequestContext& ctx) {
    const auto v = app::view_area(ctx.services, ctx.actor(), filter_of(req));
    std::vector<std::vector<SheetCell>> rows;
    for (const auto& row : export_rows(v))
      rows.push_back(
          {{row[0], std::nullopt}, {row[1], std::nullopt}, {row[2], std::nullopt}, {row[3], std::stod(row[3])}});
    return Response::download(xlsx_sheet("Area", kExportHeaders, rows, {44, 50, 28, 10}),
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              export_name(v, ".xlsx"));
  });

  r.add("GET", "/api/v1/area", [](Request& req, RequestContext& ctx) {
    return Response::json(200, area_json(app::view_area(ctx.services, ctx.actor(), filter_of(req))).dump());
  });

  r.add("GET", "/api/v1/area/pupils", [](Request& req, RequestContext& ctx) {
    const auto f = app::area_figure_pupils(ctx.services, ctx.actor(), filter_of(req), req.query_value("figure"));
    return Response::json(
        200, nlohmann::json{{"figure", f.figure.key},
                            {"label", f.figure.label},
                            {"count", f.figure.count},
                            {"pupils", area_lines_json(f.lines, domain::format_date(ctx.services.today()))}}
                 .dump());
  });
}

}  // namespace waypoint::web
