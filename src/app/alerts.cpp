#include "app/alerts.hpp"

#include <nlohmann/json.hpp>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/errors.hpp"
#include "domain/alert.hpp"
#include "domain/text.hpp"
#include "store/pupil_store.hpp"

namespace waypoint::app {
namespace {

bool is_for(const Actor& a, const store::AlertRow& alert) {
  return domain::role_code(a.role) == alert.for_role && a.organisation_id == alert.school_id;
}

store::AlertRow require_alert(store::Connection& c, const Actor& a, std::int64_t id) {
  const auto alert = store::find_alert(c, id);
  if (!alert || !is_for(a, *alert)) throw NotFound();
  return *alert;
}

}  // namespace

store::Page<store::AlertRow> alert_inbox(const Services& s, const Actor& a, const store::PageRequest& page) {
  require(domain::is_school_role(a.role));
  store::Page<store::AlertRow> out;
  s.db.with_connection([&](store::Connection& c) {
    out = store::alerts_for(c, a.organisation_id, std::string(domain::role_code(a.role)), page);
  });
  return out;
}

AlertView view_alert(const Services& s, const Actor& a, std::int64_t alert_id) {
  AlertView v;
  bool found = false;
  s.db.transaction([&](store::Connection& c) {
    const auto alert = store::find_alert(c, alert_id);
    found = alert && is_for(a, *alert);
    audit(c, s, &a,
          {found ? "alert.view" : "alert.view_refused", "alert", alert_id,
           found ? alert->pupil_id : std::optional<std::int64_t>()});
    if (found) {
      v.alert = *alert;
      v.actions = store::actions_of(c, alert_id);
    }
  });
  if (!found) throw NotFound();
  return v;
}

void log_alert_action(const Services& s, const Actor& a, std::int64_t alert_id, const std::string& action,
                      const std::string& note) {
  const auto what = domain::trimmed(action);
  const auto text = domain::trimmed(note);
  s.db.transaction([&](store::Connection& c) {
    const auto alert = require_alert(c, a, alert_id);
    if (alert.closed_at) throw Invalid("action", "This alert is closed");
    if (!domain::in_list(domain::alert_actions(), what)) throw Invalid("action", "Select what was done");
    if (what == "other" && text.empty()) throw Invalid("note", "Say what was done");
    store::add_action(c, alert_id, what, text, a.user_id, s.now_iso());
    audit(c, s, &a, {"alert.action", "alert", alert_id, alert.pupil_id, nlohmann::json{{"action", what}}.dump()});
  });
}

void close_alert(const Services& s, const Actor& a, std::int64_t alert_id, const std::string& outcome,
                 const std::string& note) {
  const auto how = domain::trimmed(outcome);
  s.db.transaction([&](store::Connection& c) {
    const auto alert = require_alert(c, a, alert_id);
    if (alert.closed_at) throw Invalid("outcome", "This alert is already closed");
    if (!domain::in_list(domain::alert_outcomes(), how))
      throw Invalid("outcome", "Select the outcome: an alert is closed only with one");
    store::add_action(c, alert_id, "closed", domain::trimmed(note), a.user_id, s.now_iso());
    store::close_alert(c, alert_id, how, a.user_id, s.now_iso());
    audit(c, s, &a, {"alert.close", "alert", alert_id, alert.pupil_id, nlohmann::json{{"outcome", how}}.dump()});
  });
}

void raise_alerts_for_mark(store::Connection& c, const Services& s, const Actor& a, const store::MarkRow& mark,
                           const std::string& provider_name) {
  if (mark.provider_code != "N") return;
  const auto pupil = store::find_pupil(c, mark.pupil_id);
  if (!pupil) return;
  store::AlertRow alert;
  alert.kind = "unexplained_absence";
  alert.pupil_id = mark.pupil_id;
  alert.school_id = mark.school_id;
  alert.provider_id = mark.provider_id;
  alert.for_role = std::string(domain::role_code(domain::Role::SchoolDsl));
  alert.session_date = mark.session_date;
  alert.session = mark.session;
  alert.summary =
      domain::unexplained_absence_summary(*pupil, store::list_contacts(c, mark.pupil_id), provider_name,
                                          mark.session_date, mark.session == "am" ? "morning" : "afternoon");
  if (const auto id = store::raise_alert(c, alert, s.now_iso()))
    audit(c, s, &a, {"alert.raise", "alert", *id, mark.pupil_id, nlohmann::json{{"kind", alert.kind}}.dump()});
}

}  // namespace waypoint::app
