#pragma once
#include <optional>
#include <string>

#include "domain/accounts/account.hpp"
#include "store/kernel/database.hpp"
#include "store/kernel/page.hpp"

namespace waypoint::store {

// A user read from `r`'s columns from `at` on, in the order id, email, display_name, role,
// organisation_id, password_hash, disabled_at: for a query that joins users to another table.
domain::User user_from_row(const Row& r, std::size_t at = 0);
std::int64_t insert_user(Connection& c, const domain::User& u, const std::string& now);
std::optional<domain::User> find_user(Connection& c, std::int64_t id);
std::optional<domain::User> find_user_by_email(Connection& c, const std::string& email);
// Users of one organisation, or of all when `organisation_id` is empty.
Page<domain::User> list_users(Connection& c, std::optional<std::int64_t> organisation_id, const PageRequest& page);
void update_password_hash(Connection& c, std::int64_t user_id, const std::string& hash, const std::string& now);
// The same password hashed again with today's settings: not a change of password.
void replace_password_hash(Connection& c, std::int64_t user_id, const std::string& hash);
void set_user_disabled(Connection& c, std::int64_t user_id, bool disabled, const std::string& now);
// The first account made with the role: the demo's person in it, for generated data.
std::optional<domain::User> first_user_with_role(Connection& c, domain::Role role);
std::int64_t count_users(Connection& c);

}  // namespace waypoint::store
