#include "store/accounts/sign_in_failure_store.hpp"

namespace waypoint::store {

domain::SignInFailures find_sign_in_failures(Connection& c, const std::string& email) {
  auto r = c.query_one("SELECT failures, locked_until FROM sign_in_failures WHERE email = $1", {email});
  if (!r) return {};
  domain::SignInFailures f;
  f.count = static_cast<int>(r->integer(0));
  if (auto until = r->opt_text(1)) f.locked_until = domain::parse_iso(*until);
  return f;
}

void save_sign_in_failures(Connection& c, const std::string& email, const domain::SignInFailures& f,
                           const std::string& now) {
  const Value until = f.locked_until ? Value(domain::to_iso(*f.locked_until)) : null();
  c.exec(
      "INSERT INTO sign_in_failures (email, failures, locked_until, last_failure_at) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (email) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, "
      "last_failure_at = excluded.last_failure_at",
      {email, integer(f.count), until, now});
}

void clear_sign_in_failures(Connection& c, const std::string& email) {
  c.exec("DELETE FROM sign_in_failures WHERE email = $1", {email});
}

void delete_sign_in_failures_before(Connection& c, const std::string& cutoff) {
  c.exec("DELETE FROM sign_in_failures WHERE last_failure_at < $1 AND (locked_until IS NULL OR locked_until < $1)",
         {cutoff});
}

}  // namespace waypoint::store
