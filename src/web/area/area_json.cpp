#include "web/area/area_json.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/kernel/time.hpp"
#include "domain/placements/placement.hpp"
#include "web/kernel/http.hpp"

namespace waypoint::web {
nlohmann::json area_attendance_json(std::span<const domain::AreaAttendance> groups) {
  // Each row's fields set one by one: an initializer list copies every value into the object once
  // more, and there is a row for each school and each provider of the area.
  nlohmann::json rows = nlohmann::json::array();
  rows.get_ref<nlohmann::json::array_t&>().reserve(groups.size());
  for (const auto& g : groups) {
    auto& row = rows.emplace_back(nlohmann::json::object());
    row["id"] = g.id;
    row["name"] = g.name;
    row["pupils"] = g.pupils;
    row["possible"] = g.sessions.possible;
    row["attended"] = g.sessions.attended;
    row["unauthorised"] = g.sessions.unauthorised;
    row["attendance"] = g.sessions.possible ? domain::one_decimal(g.sessions.rate() * 100) + "%" : "None marked";
    row["persistently_absent"] = g.persistently_absent;
  }
  return rows;
}

namespace {

// The day in England an instant stored in UTC fell on.
std::string england_day(const std::string& iso) {
  const auto t = domain::parse_iso(iso);
  if (!t) return "";
  return domain::format_date(
      std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(domain::uk_local_time(*t))});
}

}  // namespace

std::string area_query(const app::AreaView& v) {
  const auto& f = v.filter;
  std::string q = "from=" + domain::format_date(v.from) + "&to=" + domain::format_date(v.to);
  for (const auto& [name, value] : {std::pair("school", &f.school), std::pair("provider", &f.provider),
                                    std::pair("reason", &f.reason), std::pair("tier", &f.tier)})
    if (!value->empty()) q += std::string("&") + name + "=" + url_encode(*value);
  return q;
}

nlohmann::json area_figures_json(const app::AreaView& v) {
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : v.groups) {
    nlohmann::json figures = nlohmann::json::array();
    for (const auto& x : g.figures)
      figures.push_back({{"key", x.key},
                         {"label", x.label},
                         {"count", x.count},
                         {"counts", x.counts_pupils ? "pupils" : "placements"}});
    groups.push_back({{"key", g.key}, {"title", g.title}, {"figures", std::move(figures)}});
  }
  const auto& f = v.filter;
  return {{"area", v.area_name},
          {"from", domain::format_date(v.from)},
          {"to", domain::format_date(v.to)},
          {"from_text", domain::date_text(domain::format_date(v.from))},
          {"to_text", domain::date_text(domain::format_date(v.to))},
          {"whole_half_term", v.whole_half_term},
          {"filters", {{"school", f.school}, {"provider", f.provider}, {"reason", f.reason}, {"tier", f.tier}}},
          {"groups", std::move(groups)}};
}

nlohmann::json area_json(const app::AreaView& v) {
  auto out = area_figures_json(v);
  out["attendance_by_provider"] = area_attendance_json(v.by_provider);
  out["attendance_by_school"] = area_attendance_json(v.by_school);
  return out;
}

nlohmann::json area_lines_json(const std::vector<app::AreaLine>& lines, const std::string& today) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : lines) {
    nlohmann::json row{{"pupil_id", l.pupil_id}, {"pupil_name", l.pupil_name}, {"school_name", l.school_name}};
    if (l.placement) {
      const auto& p = *l.placement;
      row["placement_id"] = p.placement_id;
      row["provider_name"] = l.provider_name;
      row["status"] = p.status;
      row["tier"] = p.tier;
      row["reason_label"] = std::string(domain::label_of(domain::placement_reasons(), p.reason));
      row["start_date"] = p.start;
      row["start_text"] = domain::date_text(p.start);
      row["planned_end_date"] = p.planned_end;
      row["planned_end_text"] = domain::date_text(p.planned_end);
      row["ended_on"] = p.ended_on ? nlohmann::json(*p.ended_on) : nlohmann::json();
      row["ended_text"] = p.ended_on ? domain::date_text(*p.ended_on) : "";
    }
    if (l.part_time) {
      const auto& t = *l.part_time;
      row["part_time_reason"] = t.reason;
      row["part_time_starts_on"] = t.starts_on;
      row["part_time_starts_text"] = domain::date_text(t.starts_on);
      row["part_time_ends_on"] = t.ends_on;
      row["part_time_ends_text"] = domain::date_text(t.ends_on);
      row["parent_agreed_on"] = t.parent_agreed_on ? nlohmann::json(*t.parent_agreed_on) : nlohmann::json();
      row["parent_agreed_text"] = t.parent_agreed_on ? domain::date_text(*t.parent_agreed_on) : "Not recorded";
      nlohmann::json reviews = nlohmann::json::array();
      for (const auto& d : domain::split_list(t.review_dates)) reviews.push_back(domain::date_text(d));
      row["review_dates"] = domain::split_list(t.review_dates);
      row["review_dates_text"] = std::move(reviews);
      row["saved_on"] = england_day(t.saved_at);
      row["saved_text"] = domain::date_text(england_day(t.saved_at));
      row["past_end"] = t.ends_on < today;
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace waypoint::web
