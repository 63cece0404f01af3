#include "store/reports/report_store.hpp"

namespace waypoint::store {
namespace {

const std::string kReportScheduleSelect =
    "SELECT pl.id, pl.school_id, pu.given_name || ' ' || pu.family_name, pr.name, "
    "COALESCE(pl.activated_on, pl.start_date), pl.report_every, "
    "(SELECT MAX(r.period_to) FROM provider_reports r WHERE r.placement_id = pl.id) "
    "FROM placements pl JOIN pupils pu ON pu.id = pl.pupil_id JOIN organisations pr ON pr.id = pl.provider_id "
    "WHERE pl.status = 'active' AND ";

ReportScheduleRow report_schedule_from_row(const Row& r) {
  return {r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5), r.opt_text(6)};
}

}  // namespace

ReportSchedule report_schedule_of(Connection& c, std::int64_t placement_id) {
  const auto r =
      c.query_one("SELECT report_every, reports_to_parents FROM placements WHERE id = $1", {integer(placement_id)});
  if (!r) return {"week", false};
  return {r->text(0), r->boolean(1)};
}

void set_report_schedule(Connection& c, std::int64_t placement_id, const ReportSchedule& s) {
  c.exec("UPDATE placements SET report_every = $2, reports_to_parents = $3 WHERE id = $1",
         {integer(placement_id), s.every, integer(s.to_parents ? 1 : 0)});
}

std::int64_t insert_report(Connection& c, const ProviderReportRow& row, std::int64_t sent_by) {
  return c.insert(
      "INSERT INTO provider_reports (placement_id, period_from, period_to, sections, comment, shared_with_parents, "
      "sent_by, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {integer(row.placement_id), row.period_from, row.period_to, row.sections, row.comment,
       integer(row.shared_with_parents ? 1 : 0), integer(sent_by), row.sent_at});
}

std::vector<ProviderReportRow> reports_of(Connection& c, std::int64_t placement_id, const std::string& from) {
  return map_rows(
      c.query("SELECT r.id, r.placement_id, r.period_from, r.period_to, r.sections, r.comment, r.shared_with_parents, "
              "u.display_name, r.sent_at FROM provider_reports r JOIN users u ON u.id = r.sent_by "
              "WHERE r.placement_id = $1 AND r.period_to >= $2 ORDER BY r.period_to DESC, r.id DESC",
              {integer(placement_id), from}),
      [](const Row& r) {
        return ProviderReportRow{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4),
                                 r.text(5),    r.boolean(6), r.text(7), r.text(8)};
      });
}

std::vector<ReportScheduleRow> report_schedule_of_provider(Connection& c, std::int64_t provider_id) {
  return map_rows(c.query(kReportScheduleSelect + "pl.provider_id = $1 ORDER BY pu.family_name, pu.given_name, pl.id",
                          {integer(provider_id)}),
                  report_schedule_from_row);
}

std::vector<ReportScheduleRow> report_schedule_of_commissioner(Connection& c, std::int64_t commissioner_id) {
  return map_rows(
      c.query(kReportScheduleSelect + "pl.commissioner_id = $1 ORDER BY pu.family_name, pu.given_name, pl.id",
              {integer(commissioner_id)}),
      report_schedule_from_row);
}

}  // namespace waypoint::store
