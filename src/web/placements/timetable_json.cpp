#include "web/placements/timetable_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "domain/placements/timetable.hpp"

namespace waypoint::web {
namespace {

// "2026-12-11,2027-01-15" as people read it: "11 December 2026, 15 January 2027".
std::string dates_text(const std::string& list) {
  std::string out;
  for (const auto& d : domain::split_list(list)) out += (out.empty() ? "" : ", ") + domain::date_text(d);
  return out;
}

}  // namespace

namespace {

std::string setting_label(const std::string& setting) {
  if (setting == "home_school") return "Home school";
  if (setting == "online") return "Online";
  if (setting == "home_tuition") return "Home tuition";
  return "Provider";
}

std::string provider_of(const app::TimetableView& v, std::int64_t placement_id) {
  for (const auto& p : v.placements)
    if (p.id == placement_id) return p.provider_name;
  return "Provider";
}

}  // namespace

std::string hours_text(int minutes) {
  const auto h = std::to_string(minutes / 60);
  return minutes % 60 ? h + " hours " + std::to_string(minutes % 60) + " minutes" : h + " hours";
}

nlohmann::json timetable_json(const app::TimetableView& v) {
  nlohmann::json slots = nlohmann::json::array();
  for (const auto& r : v.slots) {
    const auto day_label = domain::weekday_name(r.slot.day);
    auto day = day_label;
    for (auto& c : day) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    slots.push_back(
        {{"day", day},
         {"day_label", day_label},
         {"start", domain::format_clock(r.slot.start_minute)},
         {"end", domain::format_clock(r.slot.end_minute)},
         {"where", r.placement_id ? "placement:" + std::to_string(*r.placement_id) : r.slot.setting},
         {"where_label", r.placement_id ? provider_of(v, *r.placement_id) : setting_label(r.slot.setting)}});
  }
  nlohmann::json by_setting = nlohmann::json::object();
  nlohmann::json settings = nlohmann::json::array();
  for (const auto& [k, m] : v.totals.by_setting) {
    by_setting[k] = m;
    settings.push_back({{"setting", k}, {"label", setting_label(k)}, {"minutes", m}, {"hours_text", hours_text(m)}});
  }
  nlohmann::json providers = nlohmann::json::array();
  for (const auto& p : v.placements)
    if (auto it = v.totals.by_provider.find(p.provider_id); it != v.totals.by_provider.end())
      providers.push_back({{"provider_id", p.provider_id},
                           {"label", p.provider_name},
                           {"minutes", it->second},
                           {"hours_text", hours_text(it->second)}});
  nlohmann::json out{{"pupil_id", v.pupil.id},
                     {"slots", std::move(slots)},
                     {"minutes", v.totals.minutes},
                     {"hours_text", hours_text(v.totals.minutes)},
                     {"minutes_by_setting", std::move(by_setting)},
                     {"settings", std::move(settings)},
                     {"providers", std::move(providers)},
                     {"full_time_minutes", v.full_time_minutes},
                     {"full_time_hours_text", hours_text(v.full_time_minutes)},
                     {"full_time", v.full_time},
                     {"gaps", v.gaps},
                     {"part_time", nullptr}};
  if (v.part_time) {
    const auto agreed = v.part_time->parent_agreed_on.value_or("");
    out["part_time"] = {{"reason", v.part_time->reason},
                        {"parent_agreed_on", agreed},
                        {"parent_agreed_on_text", domain::date_text(agreed)},
                        {"starts_on", v.part_time->starts_on},
                        {"starts_on_text", domain::date_text(v.part_time->starts_on)},
                        {"ends_on", v.part_time->ends_on},
                        {"ends_on_text", domain::date_text(v.part_time->ends_on)},
                        {"review_dates", v.part_time->review_dates},
                        {"review_dates_text", dates_text(v.part_time->review_dates)}};
  }
  return out;
}

}  // namespace waypoint::web
