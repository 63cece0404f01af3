#include "app/attendance/registers.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "app/alerts/alerts.hpp"
#include "app/calendar/school_calendars.hpp"
#include "app/kernel/errors.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/area/area_picture.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "store/placements/placement_store.hpp"
#include "store/placements/timetable_store.hpp"
#include "store/providers/provider_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

struct SessionKey {
  std::chrono::year_month_day day;
  std::string date;
  domain::Session session;
};

SessionKey session_key(const Services& s, const std::string& date_text, const std::string& session_text) {
  const auto text = domain::trimmed(date_text);
  const auto day = text.empty() ? std::optional(s.today()) : domain::parse_date(text);
  if (!day) throw Invalid("date", "Date must be a real date, like 2026-11-23");
  if (std::chrono::sys_days(*day) > std::chrono::sys_days(s.today()))
    throw Invalid("date", "A register cannot be taken for a day that has not come yet");
  const auto session =
      domain::parse_session(domain::trimmed(session_text).empty() ? "am" : domain::trimmed(session_text));
  if (!session) throw Invalid("session", "Session must be am or pm");
  return {*day, domain::format_date(*day), *session};
}

RegisterView build_register(store::Connection& c, const Services& s, std::int64_t provider_id, const SessionKey& key) {
  RegisterView v;
  v.date = key.date;
  v.session = key.session;
  const unsigned weekday = std::chrono::weekday(std::chrono::sys_days(key.day)).iso_encoding();
  const auto session = std::string(domain::session_code(key.session));
  // The session's marks, the day's slots, the pupils expected and the provider's sites, each in one
  // read however many pupils, and the four sent together with the calendars' revision.
  std::vector<store::MarkRow> mark_rows;
  std::vector<store::SlotRow> slot_rows;
  std::vector<store::ExpectedPlacement> placements;
  std::vector<domain::Site> sites;
  SchoolCalendars calendars(s, c);  // kept across requests: no read at all while no calendar changes
  std::vector<store::Read> reads{store::marks_for_session_read(c.engine(), provider_id, key.date, session, mark_rows),
                                 store::slots_at_provider_read(provider_id, key.date, weekday, slot_rows),
                                 store::active_placements_at_read(provider_id, key.date, placements),
                                 store::sites_of_read(provider_id, sites)};
  if (auto revision = calendars.revision_read()) reads.push_back(std::move(*revision));
  c.each_row_together(reads);
  std::map<std::int64_t, store::MarkRow> marks;
  for (auto& m : mark_rows) marks.emplace(m.pupil_id, std::move(m));
  std::map<std::int64_t, std::vector<store::SlotRow>> slots_by_placement;
  for (auto& row : slot_rows) slots_by_placement[*row.placement_id].push_back(std::move(row));
  for (const auto& placement : placements) {
    // Not expected on a day the pupil's own school is closed.
    if (!domain::is_school_day(calendars.of(placement.school_id), key.day)) continue;
    std::vector<domain::SlotTimes> slots;
    const auto& rows = slots_by_placement[placement.id];
    for (const auto& row : rows)
      slots.push_back({row.slot.day.iso_encoding(), row.slot.start_minute, row.slot.end_minute});
    for (const auto& e : domain::expected_sessions(slots, weekday)) {
      if (e.session != key.session) continue;
      RegisterEntry entry;
      entry.pupil = placement.pupil;
      entry.placement_id = placement.id;
      entry.legal_basis = placement.legal_basis;
      entry.expected_from = e.starts_at;
      for (const auto& row : rows)
        if (row.slot.day.iso_encoding() == weekday && row.site_id && row.slot.end_minute > e.starts_at &&
            row.slot.start_minute <= e.starts_at)
          entry.site_id = row.site_id;
      if (const auto m = marks.find(placement.pupil.id); m != marks.end()) entry.mark = m->second;
      v.entries.push_back(std::move(entry));
    }
  }
  if (!v.entries.empty()) {
    v.opens_at = v.entries.front().expected_from;
    for (const auto& e : v.entries) v.opens_at = std::min(v.opens_at, e.expected_from);
  }
  v.closes_at = v.opens_at + s.settings.register_close_minutes;
  for (const auto& site : sites)
    if (std::any_of(v.entries.begin(), v.entries.end(), [&](const auto& e) { return e.site_id == site.id; }))
      v.groups.push_back({site.id, site.name});
  const bool past = std::chrono::sys_days(key.day) < std::chrono::sys_days(s.today());
  v.closed = past || domain::register_closed(v.opens_at, s.minute_of_day(), {s.settings.register_close_minutes});
  v.taken = !v.entries.empty() &&
            std::all_of(v.entries.begin(), v.entries.end(), [](const auto& e) { return e.mark.has_value(); });
  return v;
}

// Whether a mark sent differs from the one the register had: what the provider says, not who or when.
bool differs(const store::MarkRow& before, const store::MarkRow& sent) {
  return before.mark != sent.mark || before.minutes_late != sent.minutes_late ||
         before.absence_code != sent.absence_code;
}

using domain::Action;

}  // namespace

RegisterView view_register(const Services& s, const Actor& a, const std::string& date, const std::string& session,
                           const std::string& group) {
  const auto key = session_key(s, date, session);
  const auto site = domain::parse_whole_number(domain::trimmed(group));
  return run(
      s, a, {"register.view", Action::TakeRegister, "provider", true, true},
      [&](store::Connection& c, AuditRecord& entry) {
        auto v = build_register(c, s, a.organisation_id, key);
        if (site && std::any_of(v.groups.begin(), v.groups.end(), [&](const auto& g) { return g.site_id == *site; })) {
          v.group = *site;
          std::erase_if(v.entries, [&](const auto& e) { return e.site_id != *site; });
          v.taken = std::all_of(v.entries.begin(), v.entries.end(), [](const auto& e) { return e.mark.has_value(); });
        }
        nlohmann::json ids = nlohmann::json::array();
        for (const auto& e : v.entries) ids.push_back(e.pupil.id);
        entry.entity_id = a.organisation_id;
        entry.detail =
            nlohmann::json{{"date", key.date}, {"session", domain::session_code(key.session)}, {"pupil_ids", ids}}
                .dump();
        return v;
      });
}

void take_register(const Services& s, const Actor& a, const std::string& date, const std::string& session,
                   const std::vector<MarkInput>& marks, const std::string& change_reason) {
  const auto key = session_key(s, date, session);
  const auto reason = domain::trimmed(change_reason);
  run(s, a, {"register.take", Action::TakeRegister, "provider"}, [&](store::Connection& c, AuditRecord& audit_entry) {
    const auto view = build_register(c, s, a.organisation_id, key);
    domain::FieldErrors errors;
    std::vector<std::pair<store::MarkRow, const RegisterEntry*>> rows;
    for (const auto& m : marks) {
      const auto field = "mark_" + std::to_string(m.pupil_id);
      const auto entry = std::find_if(view.entries.begin(), view.entries.end(),
                                      [&](const auto& e) { return e.pupil.id == m.pupil_id; });
      if (entry == view.entries.end()) {
        errors.push_back({field, "This pupil is not placed with you for this session"});
        continue;
      }
      const auto name = entry->pupil.given_name + " " + entry->pupil.family_name;
      domain::ProviderMark mark;
      if (m.mark == "present") {
        mark.kind = domain::MarkKind::Present;
      } else if (m.mark == "late") {
        mark.kind = domain::MarkKind::Late;
        const auto minutes = domain::parse_whole_number(domain::trimmed(m.minutes_late));
        if (!minutes || *minutes < 1 || *minutes > 300) {
          errors.push_back(
              {"minutes_" + std::to_string(m.pupil_id), name + ": enter how many minutes late, from 1 to 300"});
          continue;
        }
        mark.minutes_late = static_cast<int>(*minutes);
        mark.after_register_closed = domain::register_closed(view.opens_at, entry->expected_from + mark.minutes_late,
                                                             {s.settings.register_close_minutes});
      } else if (m.mark == "absent") {
        mark.kind = domain::MarkKind::Absent;
        mark.absence_code = domain::trimmed(m.absence_code);
      } else {
        errors.push_back({field, name + ": select present, late or absent"});
        continue;
      }
      const auto code = domain::home_school_code(mark, entry->legal_basis, key.session);
      if (!code) {
        errors.push_back({"reason_" + std::to_string(m.pupil_id), name + ": select the reason for the absence"});
        continue;
      }
      store::MarkRow row{entry->pupil.id,
                         entry->placement_id,
                         a.organisation_id,
                         entry->pupil.school_id,
                         key.date,
                         std::string(domain::session_code(key.session)),
                         m.mark,
                         mark.minutes_late,
                         mark.absence_code,
                         *code,
                         std::nullopt,
                         std::nullopt};
      const bool changed = entry->mark && differs(*entry->mark, row);
      if (changed) {
        if (reason.empty()) {
          errors.push_back({"change_reason", "Say why the marks already sent are being changed"});
          continue;
        }
        row.changed_reason = reason;
      } else if (entry->mark) {
        row.changed_reason = entry->mark->changed_reason;
      }
      rows.emplace_back(row, &*entry);
    }
    if (!errors.empty()) throw Invalid(std::move(errors));
    // Sessions with no mark yet are added, marks that differ replaced, and marks sent again as they
    // were left alone. A session another send marked since the register was read is saved over.
    std::vector<store::MarkRow> first, replaced;
    for (const auto& [row, entry] : rows) {
      if (!entry->mark)
        first.push_back(row);
      else if (differs(*entry->mark, row))
        replaced.push_back(row);
    }
    for (auto& there : store::add_marks(c, first, a.user_id, s.now_iso())) replaced.push_back(std::move(there));
    store::save_marks(c, replaced, a.user_id, s.now_iso());
    std::vector<AuditRecord> changes;  // one a pupil, appended together
    for (const auto& [row, entry] : rows) {
      raise_alerts_for_mark(c, s, a, row, a.organisation_name);
      const auto& before = entry->mark;
      if (before && differs(*before, row))
        changes.push_back({"register.mark_change", "pupil", row.pupil_id, row.pupil_id,
                           nlohmann::json{{"date", row.session_date},
                                          {"session", row.session},
                                          {"from", before->provider_code},
                                          {"to", row.provider_code},
                                          {"reason", reason}}
                               .dump()});
    }
    audit_each(c, s, a, changes);
    nlohmann::json codes = nlohmann::json::object();
    for (const auto& [row, entry] : rows) codes[std::to_string(row.pupil_id)] = row.provider_code;
    audit_entry.entity_id = a.organisation_id;
    audit_entry.detail =
        nlohmann::json{{"date", key.date}, {"session", domain::session_code(key.session)}, {"codes", codes}}.dump();
  });
}

namespace {

// The sessions a part-time week leaves out, as C2, on the school days from the arrangement's start
// to its end (and not after today): where a register already has a mark, the mark stands.
void add_part_time_sessions(store::Connection& c, domain::Date today, std::int64_t school_id, domain::Date from,
                            domain::Date to, std::vector<store::CodeRow>& rows) {
  using std::chrono::sys_days;
  std::set<std::tuple<std::string, std::string, std::string>> marked;
  for (const auto& r : rows) marked.emplace(r.upn, r.date, r.session);
  const auto calendar = calendar_for_school(c, school_id);
  bool added = false;
  for (const auto& p : store::part_time_pupils_of_school(c, school_id)) {
    const auto starts = domain::parse_date(p.starts_on), ends = domain::parse_date(p.ends_on);
    if (!starts || !ends) continue;
    const auto first = std::max(sys_days(from), sys_days(*starts));
    const auto last = std::min({sys_days(to), sys_days(*ends), sys_days(today)});
    if (last < first) continue;
    std::vector<domain::SlotTimes> week;
    for (const auto& r : store::slots_of_pupil(c, p.pupil_id))
      week.push_back({r.slot.day.iso_encoding(), r.slot.start_minute, r.slot.end_minute});
    for (const auto& off : domain::part_time_sessions_off(week, calendar, domain::Date(first), domain::Date(last))) {
      store::CodeRow row{p.upn, domain::format_date(off.day), std::string(domain::session_code(off.session)), "C2"};
      if (marked.count({row.upn, row.date, row.session})) continue;
      rows.push_back(std::move(row));
      added = true;
    }
  }
  if (added)
    std::stable_sort(rows.begin(), rows.end(), [](const store::CodeRow& x, const store::CodeRow& y) {
      return std::tie(x.date, x.session, x.upn) < std::tie(y.date, y.session, y.upn);
    });
}

}  // namespace

std::vector<store::CodeRow> export_attendance(const Services& s, const Actor& a, const std::string& from,
                                              const std::string& to) {
  const auto f = domain::parse_date(domain::trimmed(from));
  const auto t = domain::parse_date(domain::trimmed(to));
  domain::FieldErrors errors;
  if (!f) errors.push_back({"from", "From must be a real date, like 2026-09-03"});
  if (!t) errors.push_back({"to", "To must be a real date, like 2026-12-18"});
  if (f && t && std::chrono::sys_days(*t) < std::chrono::sys_days(*f))
    errors.push_back({"to", "To must be on or after From"});
  if (f && t && std::chrono::sys_days(*t) - std::chrono::sys_days(*f) > std::chrono::days(366))
    errors.push_back({"to", "Export at most a year at a time"});
  if (!errors.empty()) throw Invalid(std::move(errors));
  return run(s, a, {"attendance.export", Action::ExportAttendance, "organisation"},
             [&](store::Connection& c, AuditRecord& entry) {
               auto rows = store::school_codes(c, a.organisation_id, domain::format_date(*f), domain::format_date(*t));
               add_part_time_sessions(c, s.today(), a.organisation_id, *f, *t, rows);
               entry.entity_id = a.organisation_id;
               entry.detail = nlohmann::json{
                   {"from", domain::format_date(*f)},
                   {"to", domain::format_date(*t)},
                   {"rows",
                    rows.size()}}.dump();
               return rows;
             });
}

TodayBoard today_board(const Services& s, const Actor& a) {
  const unsigned weekday = std::chrono::weekday(std::chrono::sys_days(s.today())).iso_encoding();
  return run(
      s, a, {"today.view", Action::SeeTodayBoard, "organisation", true, true},
      [&](store::Connection& c, AuditRecord& entry) {
        TodayBoard board;
        board.date = domain::format_date(s.today());
        entry.entity_id = a.organisation_id;
        nlohmann::json ids = nlohmann::json::array();
        entry.detail = nlohmann::json{{"pupil_ids", ids}}.dump();
        if (!domain::is_school_day(SchoolCalendars(s, c).of(a.organisation_id), s.today())) return board;
        // Four reads however many pupils are out (a read a pupil cost a round trip each on
        // PostgreSQL), the first three sent together.
        std::vector<store::PlacementRecord> placements;
        std::vector<store::SlotRow> slot_rows;
        std::vector<store::MarkRow> marks;
        c.each_row_together({store::active_placements_of_school_read(a.organisation_id, board.date, placements),
                             store::slots_of_school_read(a.organisation_id, board.date, weekday, slot_rows),
                             store::marks_of_school_on_read(c.engine(), a.organisation_id, board.date, marks)});
        std::map<std::int64_t, std::vector<domain::SlotTimes>> slots;
        for (const auto& row : slot_rows)
          slots[*row.placement_id].push_back({row.slot.day.iso_encoding(), row.slot.start_minute, row.slot.end_minute});
        std::map<std::pair<std::int64_t, std::string>, std::string> codes;  // (pupil, session) -> code
        for (const auto& m : marks) codes.emplace(std::pair(m.pupil_id, m.session), m.code());
        std::vector<std::int64_t> pupil_ids;
        for (const auto& placement : placements) pupil_ids.push_back(placement.pupil_id);
        const auto pupils = store::find_pupils(c, pupil_ids);
        for (const auto& placement : placements) {
          TodayRow row;
          for (const auto& e : domain::expected_sessions(slots[placement.id], weekday)) {
            const auto code = codes.find({placement.pupil_id, std::string(domain::session_code(e.session))});
            row.sessions.push_back(
                {e.session, e.starts_at, code != codes.end() ? std::optional(code->second) : std::nullopt});
          }
          if (row.sessions.empty()) continue;  // not at the provider today
          row.pupil = pupils.at(placement.pupil_id);
          row.provider_name = placement.provider_name;
          row.placement_id = placement.id;
          ids.push_back(row.pupil.id);
          board.rows.push_back(std::move(row));
        }
        entry.detail = nlohmann::json{{"pupil_ids", ids}}.dump();
        return board;
      });
}

PupilAttendance pupil_attendance(const Services& s, const Actor& a, std::int64_t pupil_id,
                                 const AttendanceShown& shown) {
  return run(
      s, a, {"pupil.view", Action::ViewPupil, "pupil", true, true}, pupil_of(a, pupil_id),
      [&](store::Connection& c, Subject<domain::Pupil>& p, AuditRecord&) {
        PupilAttendance v;
        v.pupil = p.record;
        const auto today = domain::format_date(s.today());
        const store::PupilMarks year{pupil_id,
                                     domain::format_date(std::chrono::sys_days(s.today()) - std::chrono::days(365)),
                                     today, domain::own_provider(principal_of(a))};
        // The year's counts, its sessions and the recent ones go with the progress reads: one
        // round trip for all. The counts come from the placements' totals where every mark of the
        // pupil's is within the year (SQLite), else those of its whole weeks from the weekly
        // totals, fifty rows where the marks are 380, and the days either side from the marks.
        // On the first page the recent weeks are among the newest sessions too: one read of enough
        // of the newest to hold both (a day has two sessions at most) instead of a second read of
        // the same rows.
        const auto recent_from =
            shown.recent_from ? std::optional(std::max(*shown.recent_from, year.from)) : std::nullopt;
        auto page_read = shown.page;
        bool recent_in_page = false;
        if (shown.page && shown.page->offset() == 0 && recent_from)
          if (const auto first = domain::parse_date(*recent_from)) {
            const auto recent_days = (std::chrono::sys_days(s.today()) - std::chrono::sys_days(*first)).count() + 1;
            page_read->size = std::max(shown.page->size, static_cast<int>(2 * std::max<long>(recent_days, 0)));
            recent_in_page = true;
          }
        std::vector<store::SessionCount> counts;
        std::vector<store::Read> reads{store::marks_of_pupil_read(c.engine(), year, v.marks, page_read)};
        if (!store::session_counts_of_pupil_from_totals(c, year, counts)) {
          const auto period =
              domain::split_into_weeks(std::chrono::sys_days(s.today()) - std::chrono::days(365), s.today(), s.today());
          if (period.weeks)
            reads.push_back(
                store::session_counts_of_pupil_weeks_read({pupil_id, domain::format_date(period.weeks->first),
                                                           domain::format_date(period.weeks->second), year.provider_id},
                                                          counts));
          for (const auto& [first, last] : period.days)
            reads.push_back(store::session_counts_of_pupil_read(
                c.engine(), {pupil_id, domain::format_date(first), domain::format_date(last), year.provider_id},
                counts));
        }
        if (recent_from && !recent_in_page)
          reads.push_back(
              store::marks_of_pupil_read(c.engine(), {pupil_id, *recent_from, today, year.provider_id}, v.recent));
        if (shown.progress)
          v.progress = progress_trend_of(c, s, a, pupil_id, std::move(reads));
        else
          c.each_row_together(reads);
        if (recent_in_page)
          for (const auto& m : v.marks)  // newest first: the recent ones lead
            if (m.session_date >= *recent_from) v.recent.push_back(m);
        if (shown.page) {
          auto page = store::make_page(std::move(v.marks), *shown.page);
          v.marks = std::move(page.items);
          v.more = page.has_next;
        }
        for (const auto& n : counts) v.summary.add(n.code, n.sessions);
        v.can_correct = allowed(a, Action::EditPupil, p.scope);
        return v;
      });
}

void correct_attendance(const Services& s, const Actor& a, std::int64_t pupil_id, const std::string& date,
                        const std::string& session, const std::string& code, const std::string& reason) {
  const auto new_code = domain::trimmed(code);
  const auto why = domain::trimmed(reason);
  domain::FieldErrors errors;
  if (!domain::find_attendance_code(new_code)) errors.push_back({"code", "Select a national attendance code"});
  if (why.empty()) errors.push_back({"reason", "Say why the code is being changed"});
  if (!errors.empty()) throw Invalid(std::move(errors));
  run(s, a, {"attendance.correct", Action::EditPupil, "pupil"}, pupil_of(a, pupil_id),
      [&](store::Connection& c, Subject<domain::Pupil>&, AuditRecord& entry) {
        const auto mark = store::find_mark(c, pupil_id, domain::trimmed(date), domain::trimmed(session));
        if (!mark) throw Invalid("code", "There is no mark for that session to correct");
        store::correct_mark(c, pupil_id, mark->session_date, mark->session, new_code, why);
        entry.detail =
            nlohmann::json{
                {"date", mark->session_date}, {"session", mark->session}, {"provider_code", mark->provider_code},
                {"from", mark->code()},       {"to", new_code},           {"reason", why}}
                .dump();
      });
}

}  // namespace waypoint::app
