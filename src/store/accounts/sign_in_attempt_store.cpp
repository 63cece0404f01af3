#include "store/accounts/sign_in_attempt_store.hpp"

namespace waypoint::store {

domain::SignInAttempts find_sign_in_attempts(Connection& c, const std::string& key) {
  auto r = c.query_one("SELECT failures, not_before FROM sign_in_attempts WHERE throttle_key = $1", {key});
  if (!r) return {};
  domain::SignInAttempts a;
  a.failures = static_cast<int>(r->integer(0));
  if (auto until = r->opt_text(1)) a.not_before = domain::parse_iso(*until);
  return a;
}

void save_sign_in_attempts(Connection& c, const std::string& key, const domain::SignInAttempts& a,
                           const std::string& now) {
  const Value until = a.not_before ? Value(domain::to_iso(*a.not_before)) : null();
  c.exec(
      "INSERT INTO sign_in_attempts (throttle_key, failures, not_before, last_failure_at) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures, not_before = excluded.not_before, "
      "last_failure_at = excluded.last_failure_at",
      {key, integer(a.failures), until, now});
}

void clear_sign_in_attempts(Connection& c, const std::string& key) {
  c.exec("DELETE FROM sign_in_attempts WHERE throttle_key = $1", {key});
}

void delete_sign_in_attempts_before(Connection& c, const std::string& cutoff) {
  c.exec("DELETE FROM sign_in_attempts WHERE last_failure_at < $1 AND (not_before IS NULL OR not_before < $1)",
         {cutoff});
}

}  // namespace waypoint::store
