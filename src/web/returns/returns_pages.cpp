// A school's returns: the school census's AP placement items with the census's checks (a page, CSV
// in the specification's item order, XLSX and the API), and its list of the AP it uses for an
// inspection (a printable page, a PDF and the API).
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/returns/returns.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/csv.hpp"
#include "domain/placements/placement.hpp"
#include "domain/providers/provider_standing.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/pdf.hpp"
#include "web/kernel/spreadsheet.hpp"
#include "web/placements/timetable_json.hpp"

namespace waypoint::web {
namespace {

app::SchoolCensusView census_of(const Request& r, RequestContext& ctx) {
  return app::school_census(ctx.services, ctx.actor(), r.query_value("term"), r.query_value("year"));
}

// The row's items in the file's order: the LA's AP census puts the child's details after the UPN.
std::vector<std::string> census_cells(const domain::CensusRow& r, bool ap_census = false) {
  std::vector<std::string> cells{r.upn};
  if (ap_census) cells.insert(cells.end(), {r.family_name, r.given_name, r.date_of_birth, r.gender});
  cells.insert(cells.end(), {r.urn, r.ukprn, r.setting_type, r.entry_date, r.leaving_date, r.reason,
                             r.attendance_pattern, std::to_string(r.sessions_a_week)});
  return cells;
}

nlohmann::json census_json(const app::SchoolCensusView& v, bool ap_census = false) {
  const auto& c = v.census;
  nlohmann::json rows = nlohmann::json::array(), problems = nlohmann::json::array();
  for (const auto& r : c.rows)
    rows.push_back({{"placement_id", r.placement_id},
                    {"pupil_id", r.pupil_id},
                    {"pupil_name", r.pupil_name},
                    {"provider_name", r.provider_name},
                    {"upn", r.upn},
                    {"temporary_upn", r.temporary_upn},
                    {"urn", r.urn},
                    {"ukprn", r.ukprn},
                    {"setting_type", r.setting_type},
                    {"entry_date", r.entry_date},
                    {"leaving_date", r.leaving_date},
                    {"reason", r.reason},
                    {"placement_reason", r.placement_reason},
                    {"attendance_pattern", r.attendance_pattern},
                    {"sessions_per_week", r.sessions_a_week},
                    {"family_name", r.family_name},
                    {"given_name", r.given_name},
                    {"date_of_birth", r.date_of_birth},
                    {"sex", r.gender}});
  for (const auto& p : c.problems)
    problems.push_back({{"placement_id", p.placement_id},
                        {"pupil_name", p.pupil_name},
                        {"item", p.item},
                        {"message", p.message},
                        {"severity", p.error ? "error" : "query"}});
  return {{"school", v.school_name},
          {"census",
           ap_census ? "January " + std::to_string(static_cast<int>(c.period.census_day.year())) : c.period.name()},
          {"term", domain::census_term_code(c.period.term)},
          {"year", c.period.year_started},
          {"census_day", domain::format_date(c.period.census_day)},
          {"first_day", domain::format_date(c.period.first_day)},
          {"items", ap_census ? domain::ap_census_items() : domain::census_items()},
          {"rows", rows},
          {"problems", problems},
          {"has_errors", c.has_errors()}};
}

std::string census_file_name(const app::SchoolCensusView& v, bool ap_census, const char* extension) {
  const auto year = std::to_string(static_cast<int>(v.census.period.census_day.year()));
  return (ap_census ? "ap-census-"
                    : "school-census-ap-" + std::string(domain::census_term_code(v.census.period.term)) + "-") +
         year + extension;
}

std::vector<std::string> item_headers(bool ap_census = false) {
  std::vector<std::string> out;
  for (const auto i : ap_census ? domain::ap_census_items() : domain::census_items()) out.emplace_back(i);
  return out;
}

std::string census_csv(const app::SchoolCensusView& v, bool ap_census) {
  std::string body = domain::csv_row(item_headers(ap_census));
  for (const auto& row : v.census.rows) body += domain::csv_row(census_cells(row, ap_census));
  return body;
}

std::string census_xlsx(const app::SchoolCensusView& v, bool ap_census) {
  std::vector<std::vector<SheetCell>> rows;
  for (const auto& row : v.census.rows) {
    std::vector<SheetCell> cells;
    for (const auto& text : census_cells(row, ap_census)) cells.push_back({text, std::nullopt});
    cells.back().number = row.sessions_a_week;
    rows.push_back(std::move(cells));
  }
  return xlsx_sheet("AP placements", item_headers(ap_census), rows, {16, 14, 14, 12, 10, 12, 12, 10, 12, 12});
}

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The school's census (a term and a school year) or the LA's January AP census (a year).
Response census_page(RequestContext& ctx, bool ap_census, const domain::FieldErrors& errors, int status) {
  const auto& req = ctx.request;
  nlohmann::json data{{"title", ap_census ? "Alternative provision census (January)"
                                          : "School census: alternative provision placements"},
                      {"form_action", ap_census ? "/returns/ap-census" : "/returns/school-census"}};
  add_errors(data, errors);
  std::string term = req.query_value("term"), year = req.query_value("year");
  std::vector<domain::CensusPeriod> offered;
  if (errors.empty()) {
    const auto v = ap_census ? app::la_ap_census(ctx.services, ctx.actor(), year) : census_of(req, ctx);
    offered = v.offered;
    term = domain::census_term_code(v.census.period.term);
    year =
        std::to_string(ap_census ? static_cast<int>(v.census.period.census_day.year()) : v.census.period.year_started);
    auto shown = census_json(v, ap_census);
    for (auto& r : shown["rows"]) {
      r["entry_text"] = domain::date_text(r["entry_date"].get<std::string>());
      r["leaving_text"] = domain::date_text(r["leaving_date"].get<std::string>());
      r["reason_label"] = domain::label_of(domain::placement_reasons(), r["placement_reason"].get<std::string>());
    }
    for (auto& p : shown["problems"]) p["is_error"] = p["severity"] == "error";
    shown["census_day_text"] = domain::date_text(shown["census_day"].get<std::string>());
    shown["first_day_text"] = domain::date_text(shown["first_day"].get<std::string>());
    shown["query"] = ap_census ? "year=" + year : "term=" + term + "&year=" + year;
    shown["empty"] = v.census.rows.empty();
    shown["has_problems"] = !v.census.problems.empty();
    shown["problem_count"] = v.census.problems.size();
    const auto first = shown["first_day_text"].get<std::string>();
    shown["intro"] = ap_census ? "The placements your local authority arranged that ran on any day from " + first +
                                     " to the census day: one row for each child, their latest placement, with the "
                                     "child's details and the items the census asks for."
                               : "The placements your school arranged that ran on any day from " + first +
                                     " to the census day: one row each, with the items the census asks for. "
                                     "Placements the local authority arranged go in its own return.";
    shown["empty_text"] = ap_census ? "Your local authority arranged no placements that ran in this period."
                                    : "Your school arranged no placements that ran in this period, so this census has "
                                      "no AP placement items for you.";
    data["census_return"] = shown;
  }
  std::vector<std::string> year_codes, year_labels;
  if (ap_census) {
    const int latest = static_cast<int>(ctx.services.today().year()) + 1;
    for (int y = latest; y >= latest - 2; --y) {
      year_codes.push_back(std::to_string(y));
      year_labels.push_back("January " + std::to_string(y));
    }
  } else {
    // Which census: the term and the school year it falls in.
    std::vector<domain::CodeLabel> terms{{"autumn", "Autumn"}, {"spring", "Spring"}, {"summer", "Summer"}};
    auto term_field = input_field(data, {.id = "term", .label = "Census"});
    term_field["options"] = options(terms, term);
    data["fields"]["term"] = term_field;
    const int latest = offered.empty() ? static_cast<int>(ctx.services.today().year()) : offered.front().year_started;
    for (int y = latest; y >= latest - 1; --y) {
      year_codes.push_back(std::to_string(y));
      year_labels.push_back(std::to_string(y) + " to " + std::to_string(y + 1));
    }
  }
  std::vector<domain::CodeLabel> years;
  for (std::size_t i = 0; i < year_codes.size(); ++i) years.push_back({year_codes[i], year_labels[i]});
  auto year_field = input_field(data, {.id = "year", .label = ap_census ? "Census" : "School year"});
  year_field["options"] = options(years, year);
  data["fields"]["year"] = year_field;
  return ctx.page("returns/school_census", std::move(data), status);
}

nlohmann::json ap_list_json(const app::ApListView& v) {
  nlohmann::json providers = nlohmann::json::array();
  for (const auto& p : v.providers) {
    nlohmann::json sites = nlohmann::json::array(), reasons = nlohmann::json::array(), pupils = nlohmann::json::array();
    if (const auto it = v.sites.find(p.provider_id); it != v.sites.end())
      for (const auto& s : it->second)
        sites.push_back({{"name", s.name}, {"address", s.address}, {"postcode", s.postcode}});
    for (const auto& r : p.by_reason)
      reasons.push_back({{"reason", r.reason}, {"label", r.label}, {"pupils", r.pupils}});
    for (const auto& x : p.placements)
      pupils.push_back({{"placement_id", x.placement_id},
                        {"pupil_id", x.pupil_id},
                        {"pupil_name", x.pupil_name},
                        {"reason", x.reason},
                        {"started", domain::format_date(x.started)},
                        {"ended", x.ended ? nlohmann::json(domain::format_date(*x.ended)) : nlohmann::json()},
                        {"minutes_a_week", x.minutes_a_week}});
    nlohmann::json visit;
    if (const auto it = v.visits.find(p.provider_id); it != v.visits.end())
      visit = {{"completed_on", it->second.completed_on}, {"outcome", it->second.outcome}};
    providers.push_back({{"provider_id", p.provider_id},
                         {"name", p.name},
                         {"kind", p.kind_label},
                         {"registration", p.registration},
                         {"urn", p.urn},
                         {"ukprn", p.ukprn},
                         {"sites", sites},
                         {"pupils_now", p.pupils_now},
                         {"by_reason", reasons},
                         {"placements", pupils},
                         {"latest_quality_visit", visit}});
  }
  return {{"school", v.school_name},
          {"from", domain::format_date(v.since)},
          {"to", domain::format_date(v.today)},
          {"providers", providers}};
}

std::string site_text(const nlohmann::json& s) {
  return s["name"].get<std::string>() + ", " + s["address"].get<std::string>() + ", " +
         s["postcode"].get<std::string>();
}

std::string visit_text(const nlohmann::json& visit) {
  if (visit.is_null()) return "None recorded";
  const auto outcome = domain::parse_check_outcome(visit["outcome"].get<std::string>());
  return domain::date_text(visit["completed_on"].get<std::string>()) +
         (outcome ? ": " + std::string(domain::check_outcome_label(*outcome)) : std::string());
}

std::string pupil_line_text(const nlohmann::json& x) {
  std::string line = x["pupil_name"].get<std::string>() + ": " +
                     std::string(domain::label_of(domain::placement_reasons(), x["reason"].get<std::string>())) +
                     "; started " + domain::date_text(x["started"].get<std::string>()) + "; " +
                     hours_text(x["minutes_a_week"].get<int>()) + " a week";
  if (!x["ended"].is_null()) line += "; ended " + domain::date_text(x["ended"].get<std::string>());
  return line;
}

std::string ap_list_title(const app::ApListView& v) { return "Alternative provision used by " + v.school_name; }

std::vector<PdfSection> ap_list_sections(const app::ApListView& v) {
  const auto shown = ap_list_json(v);
  std::vector<PdfSection> out;
  out.push_back({"",
                 {"Placements that ran from " + domain::date_text(shown["from"].get<std::string>()) + " to " +
                      domain::date_text(shown["to"].get<std::string>()) + ".",
                  std::to_string(v.providers.size()) + (v.providers.size() == 1 ? " provider." : " providers.")}});
  for (const auto& p : shown["providers"]) {
    std::vector<std::string> lines{"Kind: " + p["kind"].get<std::string>(),
                                   "Registration: " + p["registration"].get<std::string>()};
    for (const auto& s : p["sites"]) lines.push_back("Address: " + site_text(s));
    lines.push_back("Latest quality-assurance visit: " + visit_text(p["latest_quality_visit"]));
    lines.push_back("Pupils there now: " + std::to_string(p["pupils_now"].get<int>()));
    for (const auto& r : p["by_reason"])
      lines.push_back("Pupils placed for " + r["label"].get<std::string>() + ": " +
                      std::to_string(r["pupils"].get<int>()));
    for (const auto& x : p["placements"]) lines.push_back(pupil_line_text(x));
    out.push_back({p["name"].get<std::string>(), lines});
  }
  return out;
}

}  // namespace

void add_returns_routes(Router& r) {
  for (const bool ap_census : {false, true}) {
    const std::string path = ap_census ? "/returns/ap-census" : "/returns/school-census";
    const auto census = [ap_census](const Request& req, RequestContext& ctx) {
      return ap_census ? app::la_ap_census(ctx.services, ctx.actor(), req.query_value("year")) : census_of(req, ctx);
    };
    r.add("GET", path, [ap_census](Request&, RequestContext& ctx) {
      try {
        return census_page(ctx, ap_census, {}, 200);
      } catch (const app::Invalid& e) {
        return census_page(ctx, ap_census, e.errors(), 422);
      }
    });
    r.add("GET", path + ".csv", [census, ap_census](Request& req, RequestContext& ctx) {
      const auto v = census(req, ctx);
      return Response::download(census_csv(v, ap_census), "text/csv; charset=utf-8",
                                census_file_name(v, ap_census, ".csv"));
    });
    r.add("GET", path + ".xlsx", [census, ap_census](Request& req, RequestContext& ctx) {
      const auto v = census(req, ctx);
      return Response::download(census_xlsx(v, ap_census), kXlsx, census_file_name(v, ap_census, ".xlsx"));
    });
    r.add("GET", "/api/v1" + path, [census, ap_census](Request& req, RequestContext& ctx) {
      return Response::json(200, census_json(census(req, ctx), ap_census).dump());
    });
  }

  r.add("GET", "/returns/ap-list", [](Request&, RequestContext& ctx) {
    const auto v = app::school_ap_list(ctx.services, ctx.actor());
    auto data = ap_list_json(v);
    for (auto& p : data["providers"]) {
      for (auto& s : p["sites"]) s["text"] = site_text(s);
      p["visit_text"] = visit_text(p["latest_quality_visit"]);
      for (auto& x : p["placements"]) {
        x["reason_label"] = domain::label_of(domain::placement_reasons(), x["reason"].get<std::string>());
        x["started_text"] = domain::date_text(x["started"].get<std::string>());
        x["ended_text"] = x["ended"].is_null() ? "" : domain::date_text(x["ended"].get<std::string>());
        x["hours_text"] = hours_text(x["minutes_a_week"].get<int>());
      }
    }
    data["title"] = ap_list_title(v);
    data["from_text"] = domain::date_text(data["from"].get<std::string>());
    data["to_text"] = domain::date_text(data["to"].get<std::string>());
    data["empty"] = v.providers.empty();
    return ctx.page("returns/ap_list", std::move(data));
  });

  r.add("GET", "/returns/ap-list.pdf", [](Request&, RequestContext& ctx) {
    const auto v = app::school_ap_list(ctx.services, ctx.actor());
    return Response::download(render_sections_pdf(ap_list_title(v), ap_list_sections(v)), "application/pdf",
                              "ap-list-" + domain::format_date(v.today) + ".pdf");
  });

  r.add("GET", "/api/v1/returns/ap-list", [](Request&, RequestContext& ctx) {
    return Response::json(200, ap_list_json(app::school_ap_list(ctx.services, ctx.actor())).dump());
  });
}

}  // namespace waypoint::web
