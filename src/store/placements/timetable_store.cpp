#include "store/placements/timetable_store.hpp"

#include <algorithm>

namespace waypoint::store {
namespace {

// Weekdays are stored as ISO numbers: Monday 1 to Sunday 7.
constexpr const char* kSlotSelect =
    "SELECT t.id, t.weekday, t.start_minute, t.end_minute, t.setting, pl.provider_id, t.placement_id, t.site_id "
    "FROM timetable_slots t LEFT JOIN placements pl ON pl.id = t.placement_id ";
constexpr const char* kOrder = " ORDER BY t.weekday, t.start_minute, t.id";

SlotRow slot_from_row(const Row& r) {
  SlotRow s;
  s.id = r.integer(0);
  s.slot.day = std::chrono::weekday(static_cast<unsigned>(r.integer(1) % 7));
  s.slot.start_minute = static_cast<int>(r.integer(2));
  s.slot.end_minute = static_cast<int>(r.integer(3));
  s.slot.setting = r.text(4);
  s.slot.provider_id = r.opt_integer(5);
  s.placement_id = r.opt_integer(6);
  s.site_id = r.opt_integer(7);
  return s;
}

}  // namespace

std::vector<SlotRow> slots_of_pupil(Connection& c, std::int64_t pupil_id) {
  return map_rows(c.query(kSlotSelect + std::string("WHERE t.pupil_id = $1") + kOrder, {integer(pupil_id)}),
                  slot_from_row);
}

std::vector<SlotRow> slots_of_placement(Connection& c, std::int64_t placement_id) {
  return map_rows(c.query(kSlotSelect + std::string("WHERE t.placement_id = $1") + kOrder, {integer(placement_id)}),
                  slot_from_row);
}

namespace {

Read slots_active_on(const char* owner_column, std::int64_t owner, const std::string& date, unsigned iso_weekday,
                     std::vector<SlotRow>& out) {
  return read_into(out,
                   kSlotSelect + std::string("WHERE ") + owner_column +
                       " = $1 AND pl.status = 'active' AND pl.start_date <= $2 AND pl.planned_end_date >= $2 "
                       "AND t.weekday = $3" +
                       kOrder,
                   {integer(owner), date, integer(iso_weekday)}, slot_from_row);
}

}  // namespace

Read slots_at_provider_read(std::int64_t provider_id, const std::string& date, unsigned iso_weekday,
                            std::vector<SlotRow>& out) {
  return slots_active_on("pl.provider_id", provider_id, date, iso_weekday, out);
}

Read slots_of_school_read(std::int64_t school_id, const std::string& date, unsigned iso_weekday,
                          std::vector<SlotRow>& out) {
  return slots_active_on("pl.school_id", school_id, date, iso_weekday, out);
}

// On PostgreSQL a week of slots costs no round trip of its own: the week before goes to the history
// and away, and the new week goes in, a statement of up to 20 slots, with the transaction's next
// statement or its COMMIT (exec_later).
void replace_slots(Connection& c, std::int64_t pupil_id, const std::vector<SlotRow>& slots, const std::string& now) {
  c.exec_later(
      "INSERT INTO timetable_slot_history (pupil_id, weekday, start_minute, end_minute, setting, placement_id, "
      "site_id, superseded_at) SELECT pupil_id, weekday, start_minute, end_minute, setting, placement_id, site_id, $2 "
      "FROM timetable_slots WHERE pupil_id = $1",
      {integer(pupil_id), now});
  c.exec_later("DELETE FROM timetable_slots WHERE pupil_id = $1", {integer(pupil_id)});  // kept in the history above
  constexpr std::size_t kRows = 20;
  Params params;
  for (std::size_t first = 0; first < slots.size(); first += kRows) {
    const auto last = std::min(slots.size(), first + kRows);
    params.clear();
    for (auto i = first; i < last; ++i) {
      const auto& s = slots[i];
      for (auto& v :
           Params{integer(pupil_id), integer(s.slot.day.iso_encoding()), integer(s.slot.start_minute),
                  integer(s.slot.end_minute), s.slot.setting, opt_integer(s.placement_id), opt_integer(s.site_id)})
        params.push_back(std::move(v));
    }
    c.exec_later(
        "INSERT INTO timetable_slots (pupil_id, weekday, start_minute, end_minute, setting, placement_id, site_id) "
        "VALUES " +
            values_rows(last - first, 7),
        params);
  }
}

std::optional<PartTimeRow> part_time_of(Connection& c, std::int64_t pupil_id) {
  auto r = c.query_one(
      "SELECT reason, parent_agreed_on, ends_on, review_dates, starts_on FROM part_time_arrangements "
      "WHERE pupil_id = $1",
      {integer(pupil_id)});
  if (!r) return std::nullopt;
  return PartTimeRow{r->text(0), r->opt_text(1), r->text(2), r->text(3), r->text(4)};
}

std::vector<PartTimePupilRow> part_time_pupils_of_school(Connection& c, std::int64_t school_id) {
  return map_rows(c.query("SELECT a.pupil_id, p.upn, COALESCE(a.starts_on, substr(a.updated_at, 1, 10)), a.ends_on "
                          "FROM part_time_arrangements a JOIN pupils p ON p.id = a.pupil_id WHERE p.school_id = $1 "
                          "ORDER BY p.upn",
                          {integer(school_id)}),
                  [](const Row& r) {
                    return PartTimePupilRow{r.integer(0), r.text(1), r.text(2), r.text(3)};
                  });
}

void save_part_time(Connection& c, std::int64_t pupil_id, const std::optional<PartTimeRow>& row,
                    const std::string& now) {
  c.exec(
      "INSERT INTO part_time_arrangement_history (pupil_id, reason, parent_agreed_on, ends_on, review_dates, "
      "updated_at, starts_on, superseded_at) SELECT pupil_id, reason, parent_agreed_on, ends_on, review_dates, "
      "updated_at, starts_on, $2 FROM part_time_arrangements WHERE pupil_id = $1",
      {integer(pupil_id), now});
  c.exec("DELETE FROM part_time_arrangements WHERE pupil_id = $1", {integer(pupil_id)});  // kept in the history
  if (row)
    c.exec(
        "INSERT INTO part_time_arrangements (pupil_id, reason, parent_agreed_on, ends_on, review_dates, updated_at, "
        "starts_on) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {integer(pupil_id), row->reason, row->parent_agreed_on, row->ends_on, row->review_dates, now, row->starts_on});
}

std::vector<TaughtRow> taught_at_providers(Connection& c, std::optional<std::int64_t> provider_id) {
  auto rows = c.query(
      "SELECT pl.provider_id, pl.pupil_id, SUM(t.end_minute - t.start_minute), pu.looked_after, pu.needs, "
      "pr.provider_kind, o.name, pu.given_name || ' ' || pu.family_name, sc.parent_id, pu.date_of_birth "
      "FROM placements pl JOIN providers pr ON pr.organisation_id = pl.provider_id "
      "JOIN organisations o ON o.id = pl.provider_id JOIN organisations sc ON sc.id = pl.school_id "
      "JOIN timetable_slots t ON t.placement_id = pl.id JOIN pupils pu ON pu.id = pl.pupil_id "
      "WHERE pl.status IN ('awaiting', 'active') "
      "AND (CAST($1 AS BIGINT) IS NULL OR pl.provider_id = CAST($1 AS BIGINT)) "
      "GROUP BY pl.id, pl.provider_id, pl.pupil_id, pu.looked_after, pu.needs, pr.provider_kind, o.name, "
      "pu.given_name, pu.family_name, sc.parent_id, pu.date_of_birth ORDER BY pl.provider_id, pl.pupil_id",
      {opt_integer(provider_id)});
  return map_rows(rows, [](const Row& r) {
    return TaughtRow{r.integer(0), r.integer(1), static_cast<int>(r.integer(2)),
                     r.boolean(3), r.text(4),    r.text(5),
                     r.text(6),    r.text(7),    r.opt_integer(8),
                     r.text(9)};
  });
}

}  // namespace waypoint::store
