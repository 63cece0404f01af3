#include "web/attendance/attendance_json.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

#include "domain/attendance/attendance.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/placements/timetable.hpp"

namespace waypoint::web {
namespace {

std::string meaning_of(const std::string& code) {
  const auto c = domain::find_attendance_code(code);
  return c ? std::string(c->meaning) : "";
}

std::string session_name(const std::string& session) {
  return std::string(domain::session_label(domain::parse_session(session).value_or(domain::Session::Morning)));
}

nlohmann::json optional_text(const std::optional<std::string>& t) { return t ? nlohmann::json(*t) : nlohmann::json(); }

}  // namespace

// Built field by field, here and in register_json: a register page holds one of each a pupil, and
// json's initializer lists copy every pair through a temporary.
nlohmann::json mark_json(const store::MarkRow& m) {
  nlohmann::json out = nlohmann::json::object();
  out["mark"] = m.mark;
  out["minutes_late"] = m.minutes_late;
  out["absence_code"] = m.absence_code;
  out["provider_code"] = m.provider_code;
  out["school_code"] = optional_text(m.school_code);
  out["code"] = m.code();
  out["meaning"] = meaning_of(m.code());
  out["corrected"] = m.school_code.has_value() && *m.school_code != m.provider_code;
  return out;
}

nlohmann::json mark_json(const std::optional<store::MarkRow>& m) { return m ? mark_json(*m) : nullptr; }

nlohmann::json register_json(const app::RegisterView& v) {
  nlohmann::json entries = nlohmann::json::array();
  entries.get_ref<nlohmann::json::array_t&>().reserve(v.entries.size());
  for (const auto& e : v.entries) {
    auto& entry = entries.emplace_back(nlohmann::json::object());
    entry["pupil_id"] = e.pupil.id;
    entry["name"] = e.pupil.given_name + " " + e.pupil.family_name;
    entry["placement_id"] = e.placement_id;
    entry["expected_from"] = e.expected_from;
    entry["expected_from_text"] = domain::format_clock(e.expected_from);
    entry["site_id"] = e.site_id ? nlohmann::json(*e.site_id) : nlohmann::json();
    entry["mark"] = mark_json(e.mark);
  }
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : v.groups) groups.push_back({{"site_id", g.site_id}, {"name", g.name}});
  auto out = register_summary_json(v);
  out["groups"] = std::move(groups);
  out["entries"] = std::move(entries);
  return out;
}

nlohmann::json register_summary_json(const app::RegisterView& v) {
  nlohmann::json out = nlohmann::json::object();
  out["date"] = v.date;
  out["date_text"] = domain::date_text(v.date);
  out["session"] = domain::session_code(v.session);
  out["session_name"] = std::string(domain::session_label(v.session));
  out["opens_at"] = v.opens_at;
  out["opens_at_text"] = domain::format_clock(v.opens_at);
  out["closes_at"] = v.closes_at;
  out["closes_at_text"] = domain::format_clock(v.closes_at);
  out["closed"] = v.closed;
  out["taken"] = v.taken;
  return out;
}

nlohmann::json today_json(const app::TodayBoard& board) {
  // Key by key, as above: initializer lists copied each pupil's sessions twice over.
  nlohmann::json rows = nlohmann::json::array();
  rows.get_ref<nlohmann::json::array_t&>().reserve(board.rows.size());
  int unexplained = 0, missing = 0;
  for (const auto& row : board.rows) {
    auto& pupil = rows.emplace_back(nlohmann::json::object());
    pupil["pupil_id"] = row.pupil.id;
    pupil["name"] = row.pupil.given_name + " " + row.pupil.family_name;
    pupil["provider"] = row.provider_name;
    pupil["placement_id"] = row.placement_id;
    auto& sessions = pupil["sessions"] = nlohmann::json::array();
    for (const auto& x : row.sessions) {
      const auto c = x.code ? domain::find_attendance_code(*x.code) : std::nullopt;
      const bool absent = c && (c->counts_as == domain::SessionMeaning::AuthorisedAbsence ||
                                c->counts_as == domain::SessionMeaning::UnauthorisedAbsence);
      const bool not_explained = x.code && *x.code == "N";
      unexplained += not_explained;
      missing += !x.code;
      auto& session = sessions.emplace_back(nlohmann::json::object());
      session["session"] = domain::session_code(x.session);
      session["name"] = std::string(domain::session_label(x.session));
      session["expected_from"] = x.expected_from;
      session["expected_from_text"] = domain::format_clock(x.expected_from);
      session["taken"] = x.code.has_value();
      session["code"] = optional_text(x.code);
      session["meaning"] = c ? std::string(c->meaning) : "";
      session["absent"] = absent;
      session["unexplained"] = not_explained;
    }
  }
  nlohmann::json out = nlohmann::json::object();
  out["date"] = board.date;
  out["date_text"] = domain::date_text(board.date);
  out["pupils"] = std::move(rows);
  out["unexplained"] = unexplained;
  out["not_yet_in"] = missing;
  return out;
}

nlohmann::json attendance_summary_json(const app::PupilAttendance& v) {
  const auto& s = v.summary;
  nlohmann::json out = nlohmann::json::object();
  out["pupil_id"] = v.pupil.id;
  out["possible"] = s.possible;
  out["attended"] = s.attended;
  out["authorised"] = s.authorised;
  out["unauthorised"] = s.unauthorised;
  out["rate_text"] = s.possible ? domain::one_decimal(s.rate() * 100) + "%" : std::string("No possible sessions yet");
  out["persistent_absence"] = s.persistent_absence();
  out["severe_absence"] = s.severe_absence();
  return out;
}

nlohmann::json pupil_attendance_json(const app::PupilAttendance& v) {
  // Field by field too, and each mark read where it is: a pupil's year is 380 of these.
  nlohmann::json marks = nlohmann::json::array();
  marks.get_ref<nlohmann::json::array_t&>().reserve(v.marks.size());
  for (const auto& m : v.marks) {
    auto& row = marks.emplace_back(nlohmann::json::object());
    row["date"] = m.session_date;
    row["date_text"] = domain::date_text(m.session_date);
    row["session"] = m.session;
    row["session_name"] = session_name(m.session);
    row["provider_id"] = m.provider_id;
    row["mark"] = mark_json(m);
  }
  auto out = attendance_summary_json(v);
  out["marks"] = std::move(marks);
  return out;
}

nlohmann::json session_rows_json(const std::vector<store::MarkRow>& marks) {
  nlohmann::json rows = nlohmann::json::array();
  rows.get_ref<nlohmann::json::array_t&>().reserve(marks.size());
  for (const auto& m : marks) {
    auto& row = rows.emplace_back(nlohmann::json::object());
    row["date_text"] = domain::date_text(m.session_date);
    // "1 December 2026, afternoon": one column for the session, so that on a phone the meaning
    // keeps the width to be read in a line or two rather than a word a line.
    auto word = session_name(m.session);
    word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
    row["session_word"] = std::move(word);
    row["code"] = m.code();
    row["meaning"] = meaning_of(m.code());
    if (m.school_code && *m.school_code != m.provider_code) row["provider_code"] = m.provider_code;
  }
  return rows;
}

}  // namespace waypoint::web
