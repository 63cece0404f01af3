#include "store/kernel/mail_store.hpp"

namespace waypoint::store {

void queue_mail(Connection& c, const std::string& to, const std::string& subject, const std::string& body,
                const std::string& now) {
  c.exec("INSERT INTO outbound_mail (to_address, subject, body, created_at) VALUES ($1, $2, $3, $4)",
         {to, subject, body, now});
}

std::vector<OutboundMail> waiting_mail(Connection& c, int max_attempts, int limit) {
  auto rows = c.query(
      "SELECT id, to_address, subject, body, attempts FROM outbound_mail WHERE sent_at IS NULL AND attempts < $1 "
      "ORDER BY id LIMIT $2",
      {integer(max_attempts), integer(limit)});
  return map_rows(rows, [](const Row& r) {
    return OutboundMail{r.integer(0), r.text(1), r.text(2), r.text(3), static_cast<int>(r.integer(4))};
  });
}

void mail_sent(Connection& c, std::int64_t id, const std::string& now) {
  c.exec("UPDATE outbound_mail SET sent_at = $2, attempts = attempts + 1 WHERE id = $1", {integer(id), now});
}

void mail_failed(Connection& c, std::int64_t id, const std::string& error) {
  c.exec("UPDATE outbound_mail SET attempts = attempts + 1, last_error = $2 WHERE id = $1", {integer(id), error});
}

std::vector<std::string> addresses_of(Connection& c, std::int64_t organisation_id,
                                      const std::vector<std::string>& roles) {
  Params params{integer(organisation_id)};
  const auto in_roles = in_list(params, roles);
  auto rows = c.query("SELECT email FROM users WHERE organisation_id = $1 AND role IN (" + in_roles +
                          ") AND disabled_at IS NULL ORDER BY id",
                      params);
  return map_rows(rows, [](const Row& r) { return r.text(0); });
}

}  // namespace waypoint::store
