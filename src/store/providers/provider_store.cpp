#include "store/providers/provider_store.hpp"

#include <set>

#include "domain/kernel/calendar_date.hpp"

namespace waypoint::store {
namespace {

// What a provider offers, by facet, kept as one row a value so filters use an index.
struct Facet {
  const char* name;
  std::vector<std::string> domain::ProviderProfile::*values;
};
constexpr Facet kFacets[] = {
    {"key_stage", &domain::ProviderProfile::key_stages}, {"specialism", &domain::ProviderProfile::specialisms},
    {"subject", &domain::ProviderProfile::subjects},     {"qualification", &domain::ProviderProfile::qualifications},
    {"course", &domain::ProviderProfile::courses},
};

const std::string kStandingNow = standing_now("p", "$1");

Value opt_int(const std::optional<int>& n) { return n ? Value(std::to_string(*n)) : null(); }

std::optional<int> to_int(const std::optional<std::int64_t>& n) {
  return n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
}

Params profile_params(const domain::ProviderProfile& p, const std::string& now) {
  return {integer(p.id),
          std::string(domain::provider_kind_info(p.kind).code),
          p.ofsted_judgement,
          p.ofsted_date,
          p.contact_name,
          p.contact_email,
          p.contact_phone,
          opt_int(p.age_from),
          opt_int(p.age_to),
          std::string(domain::delivery_code(p.delivery)),
          opt_int(p.capacity),
          opt_integer(p.cost_pence),
          p.cost_unit,
          p.description,
          now};
}

// The offer it replaces, when it changed, is kept in provider_offer_history.
void replace_offer(Connection& c, const domain::ProviderProfile& p, const std::string& now) {
  std::set<std::pair<std::string, std::string>> wanted, current;
  for (const auto& facet : kFacets)
    for (const auto& value : p.*facet.values) wanted.emplace(facet.name, value);
  for (const auto& r : c.query("SELECT facet, value FROM provider_offer WHERE provider_id = $1", {integer(p.id)}))
    current.emplace(r.text(0), r.text(1));
  if (wanted == current) return;
  c.exec(
      "INSERT INTO provider_offer_history (provider_id, facet, value, superseded_at) "
      "SELECT provider_id, facet, value, $2 FROM provider_offer WHERE provider_id = $1",
      {integer(p.id), now});
  c.exec("DELETE FROM provider_offer WHERE provider_id = $1", {integer(p.id)});
  for (const auto& facet : kFacets)
    for (const auto& value : p.*facet.values)
      c.exec("INSERT INTO provider_offer (provider_id, facet, value) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
             {integer(p.id), std::string(facet.name), value});
}

}  // namespace

std::string standing_now(const std::string& providers, const std::string& today) {
  const auto p = providers + ".";
  return "CASE WHEN " + p + "standing IN ('approved', 'approved_with_actions') AND " + p + "standing_holds_until < " +
         today + " THEN 'lapsed' ELSE " + p + "standing END";
}

void insert_provider(Connection& c, const domain::ProviderProfile& p, const std::string& now) {
  c.exec(
      "INSERT INTO providers (organisation_id, provider_kind, ofsted_judgement, ofsted_date, contact_name, "
      "contact_email, contact_phone, age_from, age_to, delivery, capacity, cost_pence, cost_unit, description, "
      "standing, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'not_approved', $15)",
      profile_params(p, now));
  if (p.unit_of_school)
    c.exec("UPDATE providers SET unit_of_school = $2 WHERE organisation_id = $1",
           {integer(p.id), integer(*p.unit_of_school)});
  replace_offer(c, p, now);
}

void update_provider(Connection& c, const domain::ProviderProfile& p, const std::string& now) {
  c.exec(
      "UPDATE providers SET provider_kind = $2, ofsted_judgement = $3, ofsted_date = $4, contact_name = $5, "
      "contact_email = $6, contact_phone = $7, age_from = $8, age_to = $9, delivery = $10, capacity = $11, "
      "cost_pence = $12, cost_unit = $13, description = $14, updated_at = $15 WHERE organisation_id = $1",
      profile_params(p, now));
  c.exec("UPDATE organisations SET name = $2, urn = $3, ukprn = $4 WHERE id = $1",
         {integer(p.id), p.name, p.urn, p.ukprn});
  replace_offer(c, p, now);
}

void update_provider_registration(Connection& c, std::int64_t id, const std::string& name,
                                  const std::optional<std::string>& ukprn, domain::ProviderKind kind,
                                  const std::string& now) {
  c.exec("UPDATE organisations SET name = $2, ukprn = COALESCE($3, ukprn) WHERE id = $1", {integer(id), name, ukprn});
  c.exec("UPDATE providers SET provider_kind = $2, updated_at = $3 WHERE organisation_id = $1",
         {integer(id), std::string(domain::provider_kind_info(kind).code), now});
}

void mark_left_directory(Connection& c, std::int64_t provider_id, const std::string& on, const std::string& reason,
                         const std::string& now) {
  c.exec(
      "UPDATE providers SET left_directory_on = $2, left_directory_reason = $3, updated_at = $4 "
      "WHERE organisation_id = $1",
      {integer(provider_id), on, reason, now});
}

std::int64_t current_placements_at(Connection& c, std::int64_t provider_id) {
  return c
      .query_one("SELECT COUNT(*) FROM placements WHERE provider_id = $1 AND status <> 'ended'", {integer(provider_id)})
      ->integer(0);
}

std::optional<domain::ProviderProfile> find_provider(Connection& c, std::int64_t id) {
  auto r = c.query_one(
      "SELECT o.id, o.name, o.urn, o.ukprn, p.provider_kind, p.ofsted_judgement, p.ofsted_date, p.contact_name, "
      "p.contact_email, p.contact_phone, p.age_from, p.age_to, p.delivery, p.capacity, p.cost_pence, p.cost_unit, "
      "p.description, p.left_directory_on, p.left_directory_reason, p.unit_of_school FROM providers p JOIN "
      "organisations o "
      "ON o.id = p.organisation_id WHERE p.organisation_id = $1",
      {integer(id)});
  if (!r) return std::nullopt;
  domain::ProviderProfile p;
  p.id = r->integer(0);
  p.name = r->text(1);
  p.urn = r->opt_text(2);
  p.ukprn = r->opt_text(3);
  p.kind = domain::parse_provider_kind(r->text(4)).value_or(domain::ProviderKind::Unregistered);
  p.ofsted_judgement = r->opt_text(5);
  p.ofsted_date = r->opt_text(6);
  p.contact_name = r->text(7);
  p.contact_email = r->text(8);
  p.contact_phone = r->text(9);
  p.age_from = to_int(r->opt_integer(10));
  p.age_to = to_int(r->opt_integer(11));
  p.delivery = domain::parse_delivery(r->text(12)).value_or(domain::Delivery::InPerson);
  p.capacity = to_int(r->opt_integer(13));
  p.cost_pence = r->opt_integer(14);
  p.cost_unit = r->opt_text(15);
  p.description = r->text(16);
  p.left_directory_on = r->opt_text(17);
  p.left_directory_reason = r->opt_text(18).value_or("");
  p.unit_of_school = r->opt_integer(19);
  for (const auto& row :
       c.query("SELECT facet, value FROM provider_offer WHERE provider_id = $1 ORDER BY facet, value", {integer(id)})) {
    for (const auto& facet : kFacets)
      if (row.text(0) == facet.name) (p.*facet.values).push_back(row.text(1));
  }
  return p;
}

std::optional<std::int64_t> provider_local_authority(Connection& c, std::int64_t provider_id) {
  auto r = c.query_one("SELECT parent_id FROM organisations WHERE id = $1", {integer(provider_id)});
  return r ? r->opt_integer(0) : std::nullopt;
}

void save_standing(Connection& c, std::int64_t provider_id, domain::Standing standing,
                   const std::optional<std::string>& holds_until) {
  c.exec("UPDATE providers SET standing = $2, standing_holds_until = $3 WHERE organisation_id = $1",
         {integer(provider_id), std::string(domain::standing_code(standing)), holds_until});
}

std::int64_t insert_site(Connection& c, const domain::Site& s, const std::string& now) {
  return c.insert(
      "INSERT INTO provider_sites (provider_id, name, address, postcode, relationship, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {integer(s.provider_id), s.name, s.address, s.postcode, s.relationship, now});
}

Read sites_of_read(std::int64_t provider_id, std::vector<domain::Site>& out) {
  return read_into(out,
                   "SELECT id, provider_id, name, address, postcode, relationship FROM provider_sites "
                   "WHERE provider_id = $1 AND removed_at IS NULL ORDER BY id",
                   {integer(provider_id)}, [](const Row& r) {
                     return domain::Site{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5)};
                   });
}

std::vector<domain::Site> sites_of(Connection& c, std::int64_t provider_id) {
  std::vector<domain::Site> out;
  c.each_row_together({sites_of_read(provider_id, out)});
  return out;
}

std::int64_t insert_check(Connection& c, std::int64_t provider_id, const domain::ProviderCheck& check,
                          const std::string& notes, std::int64_t recorded_by, const std::string& now) {
  return c.insert(
      "INSERT INTO provider_checks (provider_id, check_type, site_id, outcome, completed_on, expires_on, notes, "
      "recorded_by, recorded_at, verified_by, verified_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
      "RETURNING id",
      {integer(provider_id), std::string(domain::check_type_info(check.type).code), opt_integer(check.site_id),
       std::string(domain::check_outcome_code(check.outcome)), domain::format_date(check.completed_on),
       domain::format_date(check.expires_on), notes, integer(recorded_by), now,
       check.verified ? integer(recorded_by) : null(), check.verified ? Value(now) : null()});
}

void mark_check_verified(Connection& c, std::int64_t check_id, std::int64_t user_id, const std::string& now) {
  c.exec("UPDATE provider_checks SET verified_by = $2, verified_at = $3 WHERE id = $1 AND verified_by IS NULL",
         {integer(check_id), integer(user_id), now});
}

std::optional<std::int64_t> provider_of_check(Connection& c, std::int64_t check_id) {
  auto r = c.query_one("SELECT provider_id FROM provider_checks WHERE id = $1", {integer(check_id)});
  return r ? std::optional(r->integer(0)) : std::nullopt;
}

std::vector<CheckRecord> checks_of(Connection& c, std::int64_t provider_id) {
  const auto rows = c.query(
      "SELECT k.id, k.check_type, k.site_id, k.outcome, k.completed_on, k.expires_on, k.notes, r.display_name, "
      "k.recorded_at, v.display_name, k.verified_at FROM provider_checks k JOIN users r ON r.id = k.recorded_by "
      "LEFT JOIN users v ON v.id = k.verified_by WHERE k.provider_id = $1 ORDER BY k.completed_on DESC, k.id DESC",
      {integer(provider_id)});
  return map_rows(rows, [](const Row& r) {
    CheckRecord rec;
    rec.id = r.integer(0);
    rec.check.type = domain::parse_check_type(r.text(1)).value_or(domain::CheckType::RegistrationVerified);
    rec.check.site_id = r.opt_integer(2);
    rec.check.outcome = domain::parse_check_outcome(r.text(3)).value_or(domain::CheckOutcome::NotMet);
    rec.check.completed_on = domain::parse_date(r.text(4)).value_or(std::chrono::year_month_day{});
    rec.check.expires_on = domain::parse_date(r.text(5)).value_or(std::chrono::year_month_day{});
    rec.check.verified = !r.is_null(9);
    rec.notes = r.text(6);
    rec.recorded_by = r.text(7);
    rec.recorded_at = r.text(8);
    rec.verified_by = r.opt_text(9).value_or("");
    rec.verified_at = r.opt_text(10).value_or("");
    return rec;
  });
}

std::int64_t insert_acceptance(Connection& c, std::int64_t school_id, std::int64_t provider_id, std::int64_t user_id,
                               const std::string& on, const std::string& notes) {
  return c.insert(
      "INSERT INTO provider_acceptances (school_id, provider_id, accepted_on, accepted_by, notes) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {integer(school_id), integer(provider_id), on, integer(user_id), notes});
}

bool school_places_pupils_at(Connection& c, std::int64_t school_id, std::int64_t provider_id) {
  return c
      .query_one(
          "SELECT 1 FROM placements WHERE school_id = $1 AND provider_id = $2 AND status IN ('awaiting', 'active')",
          {integer(school_id), integer(provider_id)})
      .has_value();
}

std::optional<Acceptance> latest_acceptance(Connection& c, std::int64_t school_id, std::int64_t provider_id) {
  auto r = c.query_one(
      "SELECT a.accepted_on, u.display_name, a.notes FROM provider_acceptances a JOIN users u ON u.id = a.accepted_by "
      "WHERE a.school_id = $1 AND a.provider_id = $2 ORDER BY a.id DESC LIMIT 1",
      {integer(school_id), integer(provider_id)});
  if (!r) return std::nullopt;
  return Acceptance{r->text(0), r->text(1), r->text(2)};
}

namespace {

// Verified checks that still count and run out between `from` and `until`, for the providers
// `provider_filter` keeps ($1 is its key); soonest first.
Page<ExpiringCheck> expiring_checks_where(Connection& c, const std::string& provider_filter, std::int64_t key,
                                          const std::string& from, const std::string& until, const PageRequest& page) {
  // A check superseded by a later verified one of the same type and site no longer counts.
  const auto rows = c.query(
      "SELECT k.provider_id, o.name, k.check_type, COALESCE(s.name, ''), k.expires_on FROM provider_checks k "
      "JOIN organisations o ON o.id = k.provider_id LEFT JOIN provider_sites s ON s.id = k.site_id "
      "WHERE k.expires_on >= $2 AND k.expires_on <= $3 AND k.verified_by IS NOT NULL AND " +
          provider_filter +
          " AND NOT EXISTS (SELECT 1 FROM provider_checks later WHERE later.provider_id = k.provider_id "
          "AND later.check_type = k.check_type AND COALESCE(later.site_id, 0) = COALESCE(k.site_id, 0) "
          "AND later.verified_by IS NOT NULL AND (later.completed_on > k.completed_on "
          "OR (later.completed_on = k.completed_on AND later.id > k.id))) "
          "ORDER BY k.expires_on, o.name, k.id LIMIT $4 OFFSET $5",
      {integer(key), from, until, integer(page.size + 1), integer(page.offset())});
  return make_page(map_rows(rows,
                            [](const Row& r) {
                              return ExpiringCheck{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4)};
                            }),
                   page);
}

}  // namespace

Page<ExpiringCheck> expiring_checks(Connection& c, std::int64_t local_authority_id, const std::string& from,
                                    const std::string& until, const PageRequest& page) {
  return expiring_checks_where(c, "o.parent_id = $1", local_authority_id, from, until, page);
}

Page<ExpiringCheck> expiring_checks_for_school(Connection& c, std::int64_t school_id, const std::string& from,
                                               const std::string& until, const PageRequest& page) {
  return expiring_checks_where(c,
                               "k.provider_id IN (SELECT pl.provider_id FROM placements pl WHERE pl.school_id = $1 "
                               "AND pl.status IN ('awaiting', 'active'))",
                               school_id, from, until, page);
}

Page<DirectoryEntry> search_directory(Connection& c, const DirectoryFilter& f, const std::string& today,
                                      const PageRequest& page) {
  Params params{today};
  // Driven from the organisations index on (kind, name, id): a page is read in order and the
  // query stops at its end, instead of sorting every provider for every page.
  std::string where = " WHERE o.kind = 'provider' AND p.left_directory_on IS NULL";
  auto param = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  auto has_offer = [&](const std::string& facet_clause, const std::string& value_clause) {
    where += " AND EXISTS (SELECT 1 FROM provider_offer f WHERE f.provider_id = p.organisation_id AND " + facet_clause +
             " AND " + value_clause + ")";
  };
  if (f.kind) where += " AND p.provider_kind = " + param(*f.kind);
  // A school's own units are offered to that school alone.
  if (f.units_of_school && f.only_units)
    where += " AND p.unit_of_school = " + param(integer(*f.units_of_school));
  else if (f.units_of_school)
    where += " AND (p.unit_of_school IS NULL OR p.unit_of_school = " + param(integer(*f.units_of_school)) + ")";
  else
    where += " AND p.unit_of_school IS NULL";
  if (f.standing) where += " AND " + kStandingNow + " = " + param(*f.standing);
  if (f.key_stage) has_offer("f.facet = 'key_stage'", "f.value = " + param(*f.key_stage));
  if (f.specialism) has_offer("f.facet = 'specialism'", "f.value = " + param(*f.specialism));
  if (f.offers)
    has_offer("f.facet IN ('subject', 'qualification', 'course')",
              "LOWER(f.value) LIKE LOWER(" + param("%" + *f.offers + "%") + ")");
  if (f.delivery) where += " AND p.delivery IN (" + param(*f.delivery) + ", 'both')";
  if (f.has_capacity) where += " AND p.capacity > 0";
  if (f.name) where += " AND LOWER(o.name) LIKE LOWER(" + param("%" + *f.name + "%") + ")";
  const auto limit = param(integer(page.size + 1));
  const auto offset = param(integer(page.offset()));
  const auto rows = c.query(
      std::string("SELECT p.organisation_id, o.name, p.provider_kind, ") + kStandingNow +
          ", p.delivery, p.capacity, o.urn, o.ukprn FROM organisations o JOIN providers p ON p.organisation_id = "
          "o.id" +
          where + " ORDER BY o.name, o.id LIMIT " + limit + " OFFSET " + offset,
      params);
  auto result = make_page(map_rows(rows,
                                   [](const Row& r) {
                                     DirectoryEntry e;
                                     e.id = r.integer(0);
                                     e.name = r.text(1);
                                     e.kind = r.text(2);
                                     e.standing = r.text(3);
                                     e.delivery = r.text(4);
                                     e.capacity = to_int(r.opt_integer(5));
                                     e.urn = r.opt_text(6).value_or("");
                                     e.ukprn = r.opt_text(7).value_or("");
                                     return e;
                                   }),
                          page);
  // Key stages for the page shown, in one query rather than one a row.
  if (!result.items.empty()) {
    Params ids;
    std::string in;
    for (const auto& e : result.items) {
      ids.push_back(integer(e.id));
      in += (in.empty() ? "$" : ", $") + std::to_string(ids.size());
    }
    for (const auto& r : c.query("SELECT provider_id, value FROM provider_offer WHERE facet = 'key_stage' AND "
                                 "provider_id IN (" +
                                     in + ") ORDER BY value",
                                 ids))
      for (auto& e : result.items)
        if (e.id == r.integer(0)) e.key_stages.push_back(r.text(1));
  }
  return result;
}

}  // namespace waypoint::store
