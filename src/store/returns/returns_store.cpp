#include "store/returns/returns_store.hpp"

#include "store/providers/provider_store.hpp"

namespace waypoint::store {
namespace {

// The arranger's placements that ran on some day of [$2, $3]. Support in the school's own unit is
// not alternative provision in the census's sense, nor in an inspection's list: the pupil is at school.
std::string ran_between(Arranger by) {
  return std::string(by == Arranger::School ? "pl.school_id = $1 AND pl.legal_basis NOT IN ('la_s19', 'own_unit') "
                                            : "pl.commissioner_id = $1 AND pl.legal_basis = 'la_s19' ") +
         "AND pl.activated_on IS NOT NULL AND pl.activated_on <= $3 AND (pl.ended_on IS NULL OR pl.ended_on >= $2)";
}

}  // namespace

std::vector<ReturnPlacementRow> placements_between(Connection& c, Arranger by, std::int64_t arranger_id,
                                                   const std::string& first_day, const std::string& last_day,
                                                   const std::string& today) {
  const auto rows = c.query(
      "SELECT pl.id, pl.pupil_id, pl.provider_id, pu.given_name || ' ' || pu.family_name, pu.upn, pu.needs, "
      "o.name, p.provider_kind, COALESCE(o.urn, ''), COALESCE(o.ukprn, ''), " +
          standing_now("p", "$4") +
          ", pl.reason, pl.legal_basis, pl.activated_on, pl.ended_on, pu.family_name, pu.given_name, "
          "pu.date_of_birth, pu.gender "
          "FROM placements pl JOIN pupils pu ON pu.id = pl.pupil_id "
          "JOIN organisations o ON o.id = pl.provider_id JOIN providers p ON p.organisation_id = pl.provider_id "
          "WHERE " +
          ran_between(by) + " ORDER BY o.name, pl.provider_id, pu.family_name, pu.given_name, pl.id",
      {integer(arranger_id), first_day, last_day, today});
  return map_rows(rows, [](const Row& r) {
    ReturnPlacementRow p;
    p.placement_id = r.integer(0);
    p.pupil_id = r.integer(1);
    p.provider_id = r.integer(2);
    p.pupil_name = r.text(3);
    p.upn = r.text(4);
    p.needs = r.text(5);
    p.provider_name = r.text(6);
    p.provider_kind = r.text(7);
    p.urn = r.text(8);
    p.ukprn = r.text(9);
    p.standing = r.text(10);
    p.reason = r.text(11);
    p.legal_basis = r.text(12);
    p.started = r.text(13);
    p.ended_on = r.opt_text(14);
    p.family_name = r.text(15);
    p.given_name = r.text(16);
    p.date_of_birth = r.text(17);
    p.gender = r.text(18);
    return p;
  });
}

std::vector<ReturnSlotRow> placement_slots_between(Connection& c, Arranger by, std::int64_t arranger_id,
                                                   const std::string& first_day, const std::string& last_day) {
  const auto rows =
      c.query(std::string("SELECT t.placement_id, t.weekday, t.start_minute, t.end_minute, NULL FROM timetable_slots t "
                          "JOIN placements pl ON pl.id = t.placement_id WHERE ") +
                  ran_between(by) +
                  " UNION ALL SELECT h.placement_id, h.weekday, h.start_minute, h.end_minute, h.superseded_at "
                  "FROM timetable_slot_history h JOIN placements pl ON pl.id = h.placement_id WHERE " +
                  ran_between(by),
              {integer(arranger_id), first_day, last_day});
  return map_rows(rows, [](const Row& r) {
    return ReturnSlotRow{r.integer(0), static_cast<int>(r.integer(1)), static_cast<int>(r.integer(2)),
                         static_cast<int>(r.integer(3)), r.opt_text(4)};
  });
}

std::vector<ReturnSiteRow> provider_sites_of(Connection& c, const std::vector<std::int64_t>& provider_ids) {
  if (provider_ids.empty()) return {};
  Params params;
  const auto in = in_list(params, provider_ids);
  return map_rows(c.query("SELECT provider_id, name, address, postcode FROM provider_sites WHERE removed_at IS NULL "
                          "AND provider_id IN (" +
                              in + ") ORDER BY provider_id, id",
                          params),
                  [](const Row& r) {
                    return ReturnSiteRow{r.integer(0), r.text(1), r.text(2), r.text(3)};
                  });
}

std::vector<ReturnVisitRow> latest_quality_visits(Connection& c, const std::vector<std::int64_t>& provider_ids) {
  if (provider_ids.empty()) return {};
  Params params;
  const auto in = in_list(params, provider_ids);
  // The latest visit of each provider: no later visit of the same provider exists.
  return map_rows(
      c.query("SELECT k.provider_id, k.completed_on, k.outcome FROM provider_checks k WHERE k.check_type = 'qa_visit' "
              "AND k.provider_id IN (" +
                  in +
                  ") AND NOT EXISTS (SELECT 1 FROM provider_checks l WHERE l.provider_id = k.provider_id "
                  "AND l.check_type = 'qa_visit' AND (l.completed_on > k.completed_on "
                  "OR (l.completed_on = k.completed_on AND l.id > k.id))) ORDER BY k.provider_id",
              params),
      [](const Row& r) {
        return ReturnVisitRow{r.integer(0), r.text(1), r.text(2)};
      });
}

}  // namespace waypoint::store
