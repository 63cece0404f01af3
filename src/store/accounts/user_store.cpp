#include "store/accounts/user_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kUserSelect =
    "SELECT id, email, display_name, role, organisation_id, password_hash, disabled_at FROM users ";

std::optional<domain::User> one(Connection& c, const std::string& where, const Params& params) {
  auto row = c.query_one(kUserSelect + where, params);
  if (!row) return std::nullopt;
  return user_from_row(*row);
}

}  // namespace

domain::User user_from_row(const Row& r, std::size_t at) {
  domain::User u;
  u.id = r.integer(at);
  u.email = r.text(at + 1);
  u.display_name = r.text(at + 2);
  // A role this Waypoint does not know is refused, not read as some other role's rights.
  const auto role = domain::parse_role(r.text(at + 3));
  if (!role) throw DatabaseError("user " + r.text(at) + " has a role this Waypoint does not know: " + r.text(at + 3));
  u.role = *role;
  u.organisation_id = r.integer(at + 4);
  u.password_hash = r.text(at + 5);
  u.disabled = !r.is_null(at + 6);
  return u;
}

std::int64_t insert_user(Connection& c, const domain::User& u, const std::string& now) {
  return c.insert(
      "INSERT INTO users (email, display_name, role, organisation_id, password_hash, created_at, "
      "password_changed_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
      {u.email, u.display_name, std::string(domain::role_code(u.role)), integer(u.organisation_id), u.password_hash,
       now});
}

std::optional<domain::User> find_user(Connection& c, std::int64_t id) { return one(c, "WHERE id = $1", {integer(id)}); }

std::optional<domain::User> find_user_by_email(Connection& c, const std::string& email) {
  return one(c, "WHERE email = $1", {email});
}

Page<domain::User> list_users(Connection& c, std::optional<std::int64_t> organisation_id, const PageRequest& page) {
  Rows rows = organisation_id ? c.query(std::string(kUserSelect) +
                                            "WHERE organisation_id = $1 ORDER BY display_name, id LIMIT $2 OFFSET $3",
                                        {integer(*organisation_id), integer(page.size + 1), integer(page.offset())})
                              : c.query(std::string(kUserSelect) + "ORDER BY display_name, id LIMIT $1 OFFSET $2",
                                        {integer(page.size + 1), integer(page.offset())});
  return make_page(map_rows(rows, [](const Row& r) { return user_from_row(r); }), page);
}

void update_password_hash(Connection& c, std::int64_t user_id, const std::string& hash, const std::string& now) {
  c.exec("UPDATE users SET password_hash = $1, password_changed_at = $2 WHERE id = $3", {hash, now, integer(user_id)});
}

void replace_password_hash(Connection& c, std::int64_t user_id, const std::string& hash) {
  c.exec("UPDATE users SET password_hash = $1 WHERE id = $2", {hash, integer(user_id)});
}

void set_user_disabled(Connection& c, std::int64_t user_id, bool disabled, const std::string& now) {
  c.exec("UPDATE users SET disabled_at = $1 WHERE id = $2", {disabled ? Value(now) : null(), integer(user_id)});
}

std::optional<domain::User> first_user_with_role(Connection& c, domain::Role role) {
  return one(c, "WHERE role = $1 ORDER BY id LIMIT 1", {std::string(domain::role_code(role))});
}

std::int64_t count_users(Connection& c) { return c.query_one("SELECT COUNT(*) FROM users")->integer(0); }

}  // namespace waypoint::store
