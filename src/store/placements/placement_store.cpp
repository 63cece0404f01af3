#include "store/placements/placement_store.hpp"

#include <algorithm>

#include "domain/kernel/numbers.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kPlacementSelect =
    "SELECT pl.id, pl.pupil_id, pl.school_id, pl.provider_id, pl.commissioner_id, pl.legal_basis, pl.reason, "
    "pl.reason_detail, pl.objectives, pl.start_date, pl.planned_end_date, pl.cost_pence, pl.cost_unit, pl.paid_by, "
    "pl.report_to, pl.breaks, pl.status, pl.notice_sent_on, pl.la_informed_on, pl.parent_consent_on, "
    "pl.parent_consent_from, pl.authority_consent_on, pl.override_reason, pl.activated_on, pl.ended_on, "
    "pl.end_reason, pl.created_at, pl.updated_at, pu.given_name || ' ' || pu.family_name, pr.name, cm.name, sc.name, "
    "pl.review_interval_weeks, pl.first_review_on, pl.destination, pl.pupil_assessment, pl.parent_view, pl.tier "
    "FROM placements pl JOIN pupils pu ON pu.id = pl.pupil_id JOIN organisations pr ON pr.id = pl.provider_id "
    "JOIN organisations cm ON cm.id = pl.commissioner_id JOIN organisations sc ON sc.id = pl.school_id ";
constexpr const char* kNewestFirst = " ORDER BY pl.start_date DESC, pl.id DESC";

PlacementRecord placement_from_row(const Row& r) {
  PlacementRecord p;
  p.id = r.integer(0);
  p.pupil_id = r.integer(1);
  p.school_id = r.integer(2);
  p.provider_id = r.integer(3);
  p.commissioner_id = r.integer(4);
  p.terms.legal_basis = r.text(5);
  p.terms.reason = r.text(6);
  p.terms.reason_detail = r.text(7);
  p.terms.objectives = r.text(8);
  p.terms.start_date = r.text(9);
  p.terms.planned_end_date = r.text(10);
  p.cost_pence = r.opt_integer(11);
  p.terms.cost = p.cost_pence ? domain::format_pounds(*p.cost_pence) : "";
  p.terms.cost_unit = r.opt_text(12).value_or("");
  p.terms.paid_by = r.text(13);
  p.terms.report_to = r.text(14);
  p.terms.breaks = r.text(15);
  p.status = r.text(16);
  p.notice_sent_on = r.opt_text(17);
  p.la_informed_on = r.opt_text(18);
  p.parent_consent_on = r.opt_text(19);
  p.parent_consent_from = r.opt_text(20);
  p.authority_consent_on = r.opt_text(21);
  p.override_reason = r.opt_text(22);
  p.activated_on = r.opt_text(23);
  p.ended_on = r.opt_text(24);
  p.end_reason = r.opt_text(25);
  p.created_at = r.text(26);
  p.updated_at = r.text(27);
  p.pupil_name = r.text(28);
  p.provider_name = r.text(29);
  p.commissioner_name = r.text(30);
  p.school_name = r.text(31);
  p.terms.review_interval_weeks = std::to_string(r.integer(32));
  p.terms.first_review_on = r.opt_text(33).value_or("");
  p.destination = r.opt_text(34);
  p.pupil_assessment = r.opt_text(35);
  p.parent_view = r.opt_text(36);
  p.terms.tier = std::to_string(r.integer(37));
  return p;
}

std::vector<std::int64_t> site_ids_of(Connection& c, std::int64_t placement_id) {
  auto rows =
      c.query("SELECT site_id FROM placement_sites WHERE placement_id = $1 ORDER BY site_id", {integer(placement_id)});
  return map_rows(rows, [](const Row& r) { return r.integer(0); });
}

std::vector<std::int64_t> each_once(std::vector<std::int64_t> sites) {
  std::sort(sites.begin(), sites.end());
  sites.erase(std::unique(sites.begin(), sites.end()), sites.end());
  return sites;
}

// Written with the transaction's next statement on PostgreSQL (exec_later): a round trip fewer.
void add_sites(Connection& c, std::int64_t placement_id, const std::vector<std::int64_t>& sites) {
  for (auto id : sites)
    c.exec_later("INSERT INTO placement_sites (placement_id, site_id) VALUES ($1, $2)",
                 {integer(placement_id), integer(id)});
}

// Sites no longer used are kept in placement_site_history, with when they stopped being used.
void save_sites(Connection& c, std::int64_t placement_id, std::vector<std::int64_t> sites, const std::string& now) {
  sites = each_once(std::move(sites));
  if (site_ids_of(c, placement_id) == sites) return;
  c.exec_later(
      "INSERT INTO placement_site_history (placement_id, site_id, superseded_at) "
      "SELECT placement_id, site_id, $2 FROM placement_sites WHERE placement_id = $1",
      {integer(placement_id), now});
  c.exec_later("DELETE FROM placement_sites WHERE placement_id = $1", {integer(placement_id)});
  add_sites(c, placement_id, sites);
}

Value cost_unit(const PlacementRecord& p) { return p.cost_pence ? text(p.terms.cost_unit) : null(); }
Value first_review(const PlacementRecord& p) {
  return p.terms.first_review_on.empty() ? null() : text(p.terms.first_review_on);
}

Page<PlacementRecord> page_where(Connection& c, const std::string& where, std::int64_t key, const PageRequest& page) {
  auto rows = c.query(kPlacementSelect + where + kNewestFirst + " LIMIT $2 OFFSET $3",
                      {integer(key), integer(page.size + 1), integer(page.offset())});
  auto out = make_page(map_rows(rows, placement_from_row), page);
  for (auto& p : out.items) p.terms.site_ids = site_ids_of(c, p.id);
  return out;
}

}  // namespace

std::int64_t insert_placement(Connection& c, const PlacementRecord& p, std::int64_t created_by,
                              const std::string& now) {
  const auto id = c.insert(
      "INSERT INTO placements (pupil_id, school_id, provider_id, commissioner_id, legal_basis, reason, reason_detail, "
      "objectives, start_date, planned_end_date, cost_pence, cost_unit, paid_by, report_to, breaks, status, "
      "created_by, created_at, updated_at, review_interval_weeks, first_review_on, tier) VALUES ($1, $2, $3, $4, $5, "
      "$6, "
      "$7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19, $20, $21) RETURNING id",
      {integer(p.pupil_id),
       integer(p.school_id),
       integer(p.provider_id),
       integer(p.commissioner_id),
       p.terms.legal_basis,
       p.terms.reason,
       p.terms.reason_detail,
       p.terms.objectives,
       p.terms.start_date,
       p.terms.planned_end_date,
       opt_integer(p.cost_pence),
       cost_unit(p),
       p.terms.paid_by,
       p.terms.report_to,
       p.terms.breaks,
       p.status,
       integer(created_by),
       now,
       integer(domain::review_interval_of(p.terms)),
       first_review(p),
       integer(domain::tier_of(p.terms))});
  add_sites(c, id, each_once(p.terms.site_ids));  // a new placement has none to compare or keep
  return id;
}

void update_placement_terms(Connection& c, const PlacementRecord& p, const std::string& now) {
  c.exec(
      "UPDATE placements SET legal_basis = $2, reason = $3, reason_detail = $4, objectives = $5, start_date = $6, "
      "planned_end_date = $7, cost_pence = $8, cost_unit = $9, paid_by = $10, report_to = $11, breaks = $12, "
      "updated_at = $13, review_interval_weeks = $14, first_review_on = $15, tier = $16 WHERE id = $1",
      {integer(p.id), p.terms.legal_basis, p.terms.reason, p.terms.reason_detail, p.terms.objectives,
       p.terms.start_date, p.terms.planned_end_date, opt_integer(p.cost_pence), cost_unit(p), p.terms.paid_by,
       p.terms.report_to, p.terms.breaks, now, integer(domain::review_interval_of(p.terms)), first_review(p),
       integer(domain::tier_of(p.terms))});
  save_sites(c, p.id, p.terms.site_ids, now);
}

void extend_placement(Connection& c, std::int64_t id, const std::string& planned_end_date, const std::string& now) {
  c.exec("UPDATE placements SET planned_end_date = $2, updated_at = $3 WHERE id = $1",
         {integer(id), planned_end_date, now});
}

std::optional<PlacementRecord> find_placement(Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kPlacementSelect) + "WHERE pl.id = $1", {integer(id)});
  if (!r) return std::nullopt;
  auto p = placement_from_row(*r);
  p.terms.site_ids = site_ids_of(c, id);
  return p;
}

std::vector<PlacementRecord> placements_of_pupil(Connection& c, std::int64_t pupil_id) {
  auto rows = c.query(kPlacementSelect + std::string("WHERE pl.pupil_id = $1") + kNewestFirst, {integer(pupil_id)});
  auto out = map_rows(rows, placement_from_row);
  for (auto& p : out) p.terms.site_ids = site_ids_of(c, p.id);
  return out;
}

Page<PlacementRecord> placements_of_school(Connection& c, std::int64_t school_id, const PageRequest& page) {
  return page_where(c, "WHERE pl.school_id = $1", school_id, page);
}

Page<PlacementRecord> placements_in_area(Connection& c, std::int64_t local_authority_id, const PageRequest& page) {
  return page_where(c, "WHERE sc.parent_id = $1", local_authority_id, page);
}

Page<PlacementRecord> placements_at_provider(Connection& c, std::int64_t provider_id, const PageRequest& page) {
  return page_where(c, "WHERE pl.provider_id = $1 AND pl.status IN ('awaiting', 'active')", provider_id, page);
}

Read active_placements_at_read(std::int64_t provider_id, const std::string& date, std::vector<ExpectedPlacement>& out) {
  return read_into(out,
                   "SELECT pl.id, pl.school_id, pl.legal_basis, " + pupil_columns("pu") +
                       " FROM placements pl JOIN pupils pu ON pu.id = pl.pupil_id WHERE pl.provider_id = $1 AND "
                       "pl.status = 'active' AND pl.start_date <= $2 AND pl.planned_end_date >= $2 ORDER BY "
                       "pu.family_name, pu.given_name, pl.id",
                   {integer(provider_id), date}, [](const Row& r) {
                     return ExpectedPlacement{r.integer(0), r.integer(1), r.text(2), pupil_from_row(r, 3)};
                   });
}

Read active_placements_of_school_read(std::int64_t school_id, const std::string& date,
                                      std::vector<PlacementRecord>& out) {
  return read_into(out,
                   kPlacementSelect + std::string("WHERE pl.school_id = $1 AND pl.status = 'active' AND "
                                                  "pl.start_date <= $2 AND pl.planned_end_date >= $2 "
                                                  "ORDER BY pu.family_name, pu.given_name, pl.id"),
                   {integer(school_id), date}, placement_from_row);
}

std::vector<PlacementRecord> active_placements_of_school(Connection& c, std::int64_t school_id,
                                                         const std::string& date) {
  std::vector<PlacementRecord> out;
  c.each_row_together({active_placements_of_school_read(school_id, date, out)});
  return out;
}

void record_notice(Connection& c, std::int64_t id, const std::string& sent_on,
                   const std::optional<std::string>& la_informed_on, const std::string& now) {
  c.exec("UPDATE placements SET notice_sent_on = $2, la_informed_on = $3, updated_at = $4 WHERE id = $1",
         {integer(id), sent_on, la_informed_on, now});
}

void record_consent(Connection& c, std::int64_t id, const std::string& parent_on, const std::string& parent_from,
                    const std::optional<std::string>& authority_on, const std::string& now) {
  c.exec(
      "UPDATE placements SET parent_consent_on = $2, parent_consent_from = $3, authority_consent_on = $4, "
      "updated_at = $5 WHERE id = $1",
      {integer(id), parent_on, parent_from, authority_on, now});
}

void set_status(Connection& c, std::int64_t id, domain::PlacementStatus status, const std::string& now) {
  c.exec("UPDATE placements SET status = $2, updated_at = $3 WHERE id = $1",
         {integer(id), std::string(domain::status_code(status)), now});
}

void record_start(Connection& c, std::int64_t id, const std::string& on,
                  const std::optional<std::string>& override_reason, const std::string& now) {
  c.exec(
      "UPDATE placements SET status = 'active', activated_on = $2, override_reason = $3, updated_at = $4 WHERE id = $1",
      {integer(id), on, override_reason, now});
}

void record_end(Connection& c, std::int64_t id, const std::string& on, const std::string& reason,
                const std::string& now) {
  c.exec("UPDATE placements SET status = 'ended', ended_on = $2, end_reason = $3, updated_at = $4 WHERE id = $1",
         {integer(id), on, reason, now});
}

}  // namespace waypoint::store
