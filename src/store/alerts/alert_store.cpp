#include "store/alerts/alert_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kAlertSelect =
    "SELECT id, kind, pupil_id, school_id, provider_id, for_organisation_id, for_role, session_date, session, "
    "summary, raised_at, closed_at, outcome, once_key FROM alerts ";

AlertRow alert_from_row(const Row& r) {
  return AlertRow{r.integer(0), r.text(1),      r.opt_integer(2), r.integer(3), r.opt_integer(4),
                  r.integer(5), r.text(6),      r.text(7),        r.text(8),    r.text(9),
                  r.text(10),   r.opt_text(11), r.opt_text(12),   r.text(13)};
}

}  // namespace

std::optional<std::int64_t> raise_alert(Connection& c, const AlertRow& a, const std::string& now) {
  auto rows = c.query(
      "INSERT INTO alerts (kind, pupil_id, school_id, provider_id, for_organisation_id, for_role, session_date, "
      "session, summary, raised_at, once_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
      "ON CONFLICT DO NOTHING RETURNING id",
      {a.kind, opt_integer(a.pupil_id), integer(a.school_id), opt_integer(a.provider_id),
       integer(a.for_organisation_id), a.for_role, a.session_date, a.session, a.summary, now, a.once_key});
  if (rows.empty()) return std::nullopt;
  return rows.front().integer(0);
}

std::optional<AlertRow> find_alert(Connection& c, std::int64_t id) {
  auto r = c.query_one(kAlertSelect + std::string("WHERE id = $1"), {integer(id)});
  if (!r) return std::nullopt;
  return alert_from_row(*r);
}

bool alert_raised(Connection& c, const std::string& once_key) {
  return c.query_one("SELECT 1 FROM alerts WHERE once_key = $1", {once_key}).has_value();
}

std::set<std::string> once_keys_raised_on(Connection& c, const std::string& kind, const std::string& date) {
  std::set<std::string> keys;
  c.each_row("SELECT once_key FROM alerts WHERE session_date = $1 AND kind = $2 AND once_key IS NOT NULL", {date, kind},
             [&](Row& r) { keys.insert(r.text(0)); });
  return keys;
}

Page<AlertRow> alerts_for(Connection& c, std::int64_t organisation_id, const std::vector<std::string>& roles,
                          const PageRequest& page) {
  Params params{integer(organisation_id), integer(page.size + 1), integer(page.offset())};
  const auto in_roles = in_list(params, roles);
  auto rows = c.query(kAlertSelect + std::string("WHERE for_organisation_id = $1 AND for_role IN (") + in_roles +
                          ") ORDER BY CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END, id DESC LIMIT $2 OFFSET $3",
                      params);
  return make_page(map_rows(rows, alert_from_row), page);
}

std::vector<AlertAction> actions_of(Connection& c, std::int64_t alert_id) {
  auto rows = c.query(
      "SELECT a.action, a.note, u.display_name, a.at FROM alert_actions a JOIN users u ON u.id = a.by_user "
      "WHERE a.alert_id = $1 ORDER BY a.id",
      {integer(alert_id)});
  return map_rows(rows, [](const Row& r) { return AlertAction{r.text(0), r.text(1), r.text(2), r.text(3)}; });
}

void add_action(Connection& c, std::int64_t alert_id, const std::string& action, const std::string& note,
                std::int64_t user_id, const std::string& now) {
  c.exec("INSERT INTO alert_actions (alert_id, action, note, by_user, at) VALUES ($1, $2, $3, $4, $5)",
         {integer(alert_id), action, note, integer(user_id), now});
}

void close_alert(Connection& c, std::int64_t alert_id, const std::string& outcome, std::int64_t user_id,
                 const std::string& now) {
  c.exec("UPDATE alerts SET closed_at = $2, outcome = $3, closed_by = $4 WHERE id = $1 AND closed_at IS NULL",
         {integer(alert_id), now, outcome, integer(user_id)});
}

}  // namespace waypoint::store
