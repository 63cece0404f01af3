#include "store/area/area_store.hpp"

#include "store/attendance/attendance_store.hpp"
#include "store/providers/provider_store.hpp"

namespace waypoint::store {

namespace {

// The placements the picture counts: being arranged (draft, awaiting), running, or ended on or after
// $2, cancelled ones left out, of pupils of the schools of the LA $1.
constexpr const char* kAreaPlacements =
    "FROM placements pl JOIN organisations sc ON sc.id = pl.school_id "
    "WHERE sc.parent_id = $1 AND (pl.status IN ('draft', 'awaiting', 'active') OR (pl.status = 'ended' "
    "AND pl.ended_on >= $2 AND COALESCE(pl.end_reason, '') <> 'cancelled'))";

}  // namespace

Read area_placements_read(std::int64_t la_id, const std::string& from, std::vector<AreaPlacementRow>& out) {
  // No names and no joins beyond the schools' LA: the page counts, and only a figure's list of pupils
  // needs names, read then for those pupils alone. Each row is made where the vector keeps it: an
  // area is thousands of placements.
  return {std::string("SELECT pl.id, pl.pupil_id, pl.school_id, pl.provider_id, pl.status, pl.reason, pl.tier, "
                      "COALESCE(pl.activated_on, pl.start_date), pl.planned_end_date, pl.ended_on ") +
              kAreaPlacements + " ORDER BY pl.id",
          {integer(la_id), from},
          [&out](const Row& r) {
            auto& p = out.emplace_back();
            p.placement_id = r.integer(0);
            p.pupil_id = r.integer(1);
            p.school_id = r.integer(2);
            p.provider_id = r.integer(3);
            p.status = r.text(4);
            p.reason = r.text(5);
            p.tier = static_cast<int>(r.integer(6));
            p.start = r.text(7);
            p.planned_end = r.text(8);
            p.ended_on = r.opt_text(9);
          }};
}

Read area_providers_read(std::int64_t la_id, const std::string& from, const std::string& today,
                         std::vector<AreaProviderRow>& out) {
  return read_into(out,
                   "SELECT o.id, o.name, p.provider_kind, " + standing_now("p", "$3") +
                       " FROM organisations o JOIN providers p ON p.organisation_id = o.id WHERE o.id IN "
                       "(SELECT pl.provider_id " +
                       kAreaPlacements + ")",
                   {integer(la_id), from, today}, [](const Row& r) {
                     return AreaProviderRow{r.integer(0), r.text(1), r.text(2), r.text(3)};
                   });
}

Read area_schools_read(std::int64_t la_id, std::vector<AreaSchoolRow>& out) {
  return read_into(out,
                   "SELECT id, name FROM organisations WHERE kind = 'school' AND parent_id = $1 AND disabled_at IS "
                   "NULL ORDER BY id",
                   {integer(la_id)}, [](const Row& r) {
                     return AreaSchoolRow{r.integer(0), r.text(1)};
                   });
}

namespace {

AreaPupilRow pupil_row(const Row& r) {
  return {r.integer(0), r.integer(1), r.text(2), r.text(3), {}, {}, {}, {}, std::nullopt, {}};
}

AreaPupilRow part_time_row(const Row& r) {
  auto p = pupil_row(r);
  p.ends_on = r.text(4);
  p.reason = r.text(5);
  p.review_dates = r.text(6);
  p.saved_at = r.text(7);
  p.parent_agreed_on = r.opt_text(8);
  p.starts_on = r.opt_text(9).value_or("");
  return p;
}

}  // namespace

Read area_part_time_read(std::int64_t la_id, std::vector<AreaPupilRow>& out) {
  return read_into(out,
                   "SELECT pu.id, pu.school_id, pu.given_name || ' ' || pu.family_name, sc.name, a.ends_on, "
                   "a.reason, a.review_dates, a.updated_at, a.parent_agreed_on, a.starts_on "
                   "FROM part_time_arrangements a JOIN pupils pu ON pu.id = a.pupil_id "
                   "JOIN organisations sc ON sc.id = pu.school_id WHERE sc.parent_id = $1 "
                   "ORDER BY pu.family_name, pu.given_name, pu.id",
                   {integer(la_id)}, part_time_row);
}

Read area_missing_education_read(std::int64_t la_id, std::vector<AreaPupilRow>& out) {
  return read_into(out,
                   "SELECT DISTINCT pu.id, pu.school_id, pu.given_name || ' ' || pu.family_name, sc.name, "
                   "pu.family_name, pu.given_name FROM alerts a JOIN pupils pu ON pu.id = a.pupil_id "
                   "JOIN organisations sc ON sc.id = pu.school_id WHERE sc.parent_id = $1 "
                   "AND a.kind = 'missing_education' AND a.closed_at IS NULL "
                   "ORDER BY pu.family_name, pu.given_name, pu.id",
                   {integer(la_id)}, pupil_row);
}

Read area_running_slots_read(std::int64_t la_id, const std::string& started_by, std::vector<AreaSlotRow>& out) {
  return read_into(out,
                   "SELECT t.placement_id, t.weekday, t.start_minute, t.end_minute FROM timetable_slots t "
                   "JOIN placements pl ON pl.id = t.placement_id JOIN organisations sc ON sc.id = pl.school_id "
                   "WHERE sc.parent_id = $1 AND pl.status = 'active' "
                   "AND COALESCE(pl.activated_on, pl.start_date) <= $2",
                   {integer(la_id), started_by}, [](const Row& r) {
                     return AreaSlotRow{r.integer(0), static_cast<int>(r.integer(1)), static_cast<int>(r.integer(2)),
                                        static_cast<int>(r.integer(3))};
                   });
}

Read area_contacts_read(std::int64_t la_id, std::vector<AreaContactRow>& out) {
  return read_into(out,
                   "SELECT DISTINCT k.pupil_id, k.contact_role FROM pupil_contacts k "
                   "JOIN pupils pu ON pu.id = k.pupil_id JOIN organisations sc ON sc.id = pu.school_id "
                   "WHERE sc.parent_id = $1 AND k.removed_at IS NULL",
                   {integer(la_id)}, [](const Row& r) {
                     return AreaContactRow{r.integer(0), r.text(1)};
                   });
}

void area_attendance(Connection& c, std::int64_t la_id, const std::string& from, const std::string& to,
                     const std::function<void(const AreaCodeCount&)>& add) {
  // SQLite's index of a school's marks leads with the day (migration 0065): it reads the days once
  // and picks the LA's schools from a list, as for the weeks below.
  c.each_row(std::string(
                 "SELECT m.placement_id, COALESCE(m.school_code, m.provider_code), COUNT(*) FROM attendance_marks m ") +
                 (c.engine() == Engine::Postgres
                      ? "JOIN organisations sc ON sc.id = m.school_id WHERE sc.parent_id = $1 AND "
                      : "WHERE +m.school_id IN (SELECT id FROM organisations WHERE parent_id = $1) AND ") +
                 "m.session_date BETWEEN $2 AND $3" + marks_years(c.engine(), "m.session_date", from, to) +
                 " GROUP BY m.placement_id, COALESCE(m.school_code, m.provider_code)",
             {integer(la_id), from, to}, [&](const Row& r) {
               add({r.integer(0), r.text(1), static_cast<int>(r.integer(2))});
             });
}

void area_attendance_by_weeks(Connection& c, std::int64_t la_id, const std::string& first_monday,
                              const std::string& last_monday, const std::function<void(const AreaCodeCount&)>& add) {
  // PostgreSQL adds a placement's weeks up itself: each row it sends costs the client more than the
  // sum costs it (a year is 128,000 weekly rows, 6,000 summed). SQLite sums in a sorted temporary
  // b-tree, slower than the caller adding the rows up as they come. One week has a row a placement
  // and code already (but for a pupil who changed school in it), with nothing to add up.
  // SQLite keeps the weeks in their order (migration 0064): it reads the stretch of weeks and picks
  // the LA's schools out of a list it makes once ("+" keeps it from reading school by school, a
  // lookup of the table for each row); PostgreSQL goes school by school in its index by week.
  const bool summed = c.engine() == Engine::Postgres && first_monday != last_monday;
  const auto from_where =
      c.engine() == Engine::Postgres
          ? "FROM attendance_week_totals t JOIN organisations sc ON sc.id = t.school_id "
            "WHERE sc.parent_id = $1 AND t.week_start BETWEEN $2 AND $3 AND t.sessions <> 0"
          : "FROM attendance_week_totals t WHERE t.week_start BETWEEN $2 AND $3 AND +t.school_id IN (SELECT id "
            "FROM organisations WHERE parent_id = $1) AND t.sessions <> 0";
  c.each_row(std::string(summed ? "SELECT t.placement_id, t.code, SUM(t.sessions) "
                                : "SELECT t.placement_id, t.code, t.sessions ") +
                 from_where + (summed ? " GROUP BY t.placement_id, t.code" : ""),
             {integer(la_id), first_monday, last_monday}, [&](const Row& r) {
               add({r.integer(0), r.text(1), static_cast<int>(r.integer(2))});
             });
}

std::optional<AreaWeeksRevision> area_weeks_revision(Connection& c, std::int64_t la_id, const std::string& first_monday,
                                                     const std::string& last_monday) {
  if (c.engine() != Engine::Postgres) return std::nullopt;
  AreaWeeksRevision out;
  c.each_row(
      "SELECT '', revision FROM calendar_revisions WHERE id = 1 UNION ALL SELECT week_start, revision FROM "
      "attendance_week_revisions WHERE la_id = $1 AND week_start BETWEEN $2 AND $3 ORDER BY 1",
      {integer(la_id), first_monday, last_monday}, [&](const Row& r) {
        if (r.text(0).empty())
          out.calendar = r.integer(1);
        else
          out.weeks.emplace_back(r.text(0), r.integer(1));
      });
  return out;
}

}  // namespace waypoint::store
