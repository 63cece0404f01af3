#pragma once
#include <map>
#include <optional>
#include <string>

#include "domain/accounts/account.hpp"
#include "store/kernel/database.hpp"
#include "store/kernel/page.hpp"

namespace waypoint::store {

// An organisation read from `r`'s columns from `at` on, in the order id, kind, name, parent_id,
// urn, ukprn, disabled_at: for a query that joins organisations to another table.
domain::Organisation organisation_from_row(const Row& r, std::size_t at = 0);
std::int64_t insert_organisation(Connection& c, const domain::Organisation& o, const std::string& now);
std::optional<domain::Organisation> find_organisation(Connection& c, std::int64_t id);
// Each of these organisations' parent (a school's LA), for those that have one.
std::map<std::int64_t, std::int64_t> parents_of(Connection& c, const std::vector<std::int64_t>& ids);
std::optional<domain::Organisation> find_organisation_by_urn(Connection& c, const std::string& urn);
Page<domain::Organisation> list_organisations(Connection& c, const PageRequest& page);
std::vector<domain::Organisation> organisations_of_kind(Connection& c, domain::OrganisationKind kind);
std::int64_t count_organisations(Connection& c);

}  // namespace waypoint::store
