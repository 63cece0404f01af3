#include "store/accounts/organisation_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kColumns = "id, kind, name, parent_id, urn, ukprn, disabled_at";

std::vector<domain::Organisation> from_rows(const Rows& rows) {
  return map_rows(rows, [](const Row& r) { return organisation_from_row(r); });
}

}  // namespace

domain::Organisation organisation_from_row(const Row& r, std::size_t at) {
  domain::Organisation o;
  o.id = r.integer(at);
  o.kind = domain::parse_organisation_kind(r.text(at + 1)).value_or(domain::OrganisationKind::School);
  o.name = r.text(at + 2);
  o.parent_id = r.opt_integer(at + 3);
  o.urn = r.opt_text(at + 4);
  o.ukprn = r.opt_text(at + 5);
  o.disabled = !r.is_null(at + 6);
  return o;
}

std::int64_t insert_organisation(Connection& c, const domain::Organisation& o, const std::string& now) {
  return c.insert(
      "INSERT INTO organisations (kind, name, parent_id, urn, ukprn, created_at) VALUES ($1, $2, $3, $4, $5, $6) "
      "RETURNING id",
      {std::string(domain::organisation_kind_code(o.kind)), o.name, opt_integer(o.parent_id), o.urn, o.ukprn, now});
}

std::optional<domain::Organisation> find_organisation(Connection& c, std::int64_t id) {
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM organisations WHERE id = $1", {integer(id)});
  if (!row) return std::nullopt;
  return organisation_from_row(*row);
}

std::map<std::int64_t, std::int64_t> parents_of(Connection& c, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::int64_t> out;
  if (ids.empty()) return out;
  Params params;
  const auto in = in_list(params, ids);
  for (const auto& r :
       c.query("SELECT id, parent_id FROM organisations WHERE parent_id IS NOT NULL AND id IN (" + in + ")", params))
    out.emplace(r.integer(0), r.integer(1));
  return out;
}

std::optional<domain::Organisation> find_organisation_by_urn(Connection& c, const std::string& urn) {
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM organisations WHERE urn = $1", {urn});
  if (!row) return std::nullopt;
  return organisation_from_row(*row);
}

Page<domain::Organisation> list_organisations(Connection& c, const PageRequest& page) {
  auto rows =
      c.query(std::string("SELECT ") + kColumns + " FROM organisations ORDER BY kind, name, id LIMIT $1 OFFSET $2",
              {integer(page.size + 1), integer(page.offset())});
  return make_page(from_rows(rows), page);
}

std::vector<domain::Organisation> organisations_of_kind(Connection& c, domain::OrganisationKind kind) {
  return from_rows(c.query(std::string("SELECT ") + kColumns +
                               " FROM organisations WHERE kind = $1 AND disabled_at IS NULL ORDER BY name, id",
                           {std::string(domain::organisation_kind_code(kind))}));
}

std::int64_t count_organisations(Connection& c) {
  return c.query_one("SELECT COUNT(*) FROM organisations")->integer(0);
}

}  // namespace waypoint::store
