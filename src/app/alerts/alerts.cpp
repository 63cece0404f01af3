#include "app/alerts/alerts.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "domain/alerts/alert.hpp"
#include "domain/kernel/access_policy.hpp"
#include "domain/kernel/text.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/kernel/mail_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

std::vector<std::string> codes_of(const std::vector<domain::Role>& roles) {
  std::vector<std::string> out;
  for (const auto r : roles) out.emplace_back(domain::role_code(r));
  return out;
}

// An alert and its addressee, which the policy decides on.
auto alert_subject(std::int64_t alert_id) {
  return [alert_id](store::Connection& c) -> std::optional<Subject<store::AlertRow>> {
    auto alert = store::find_alert(c, alert_id);
    if (!alert) return std::nullopt;
    Subject<store::AlertRow> subject{*alert, {}, alert_id, alert->pupil_id};
    subject.scope.alert_organisation_id = alert->for_organisation_id;
    subject.scope.alert_role = domain::parse_role(alert->for_role);
    return subject;
  };
}

// Each reader of the alert gets a plain message with a link; sent once the transaction commits.
void queue_alert_mail(store::Connection& c, const Services& s, const store::AlertRow& alert, std::int64_t id) {
  if (!s.settings.mail_enabled) return;
  const auto alerted = domain::parse_role(alert.for_role);
  const auto organisation = store::find_organisation(c, alert.for_organisation_id);
  if (!alerted || !organisation) return;
  const auto mail =
      domain::alert_mail(alert.kind, organisation->name, s.settings.public_url + "/alerts/" + std::to_string(id));
  for (const auto& to :
       store::addresses_of(c, alert.for_organisation_id, codes_of(domain::readers_of_alerts_for(*alerted))))
    store::queue_mail(c, to, mail.subject, mail.body, s.now_iso());
}

}  // namespace

store::Page<store::AlertRow> alert_inbox(const Services& s, const Actor& a, const store::PageRequest& page) {
  // The inbox lists summaries that name no child unless it is safe to; each alert opened is audited.
  return run(s, a, {"alert.inbox", domain::Action::ReadAlerts, "alert", false},
             [&](store::Connection& c, AuditRecord&) {
               return store::alerts_for(c, a.organisation_id, codes_of(domain::alerts_read_by(a.role)), page);
             });
}

store::AlertRow alert_for_dsl(const std::string& kind, std::int64_t pupil_id, std::int64_t school_id,
                              const std::string& date, const std::string& session, const std::string& key) {
  store::AlertRow alert;
  alert.kind = kind;
  alert.pupil_id = pupil_id;
  alert.school_id = school_id;
  alert.for_organisation_id = school_id;
  alert.for_role = std::string(domain::role_code(domain::alert_addressee(kind, domain::OrganisationKind::School)));
  alert.session_date = date;
  alert.session = session;
  alert.once_key = kind + ":" + key;
  return alert;
}

std::optional<std::int64_t> raise_alert(store::Connection& c, const Services& s, const Actor* a,
                                        const store::AlertRow& alert, nlohmann::json detail) {
  const auto id = store::raise_alert(c, alert, s.now_iso());
  if (!id) return std::nullopt;
  detail["kind"] = alert.kind;
  audit(c, s, a, {"alert.raise", "alert", *id, alert.pupil_id, detail.dump()});
  queue_alert_mail(c, s, alert, *id);
  return id;
}

AlertView view_alert(const Services& s, const Actor& a, std::int64_t alert_id) {
  return run(s, a, {"alert.view", domain::Action::HandleAlert, "alert"}, alert_subject(alert_id),
             [&](store::Connection& c, Subject<store::AlertRow>& alert, AuditRecord&) {
               return AlertView{alert.record, store::actions_of(c, alert_id)};
             });
}

void log_alert_action(const Services& s, const Actor& a, std::int64_t alert_id, const std::string& action,
                      const std::string& note) {
  const auto what = domain::trimmed(action);
  const auto text = domain::trimmed(note);
  run(s, a, {"alert.action", domain::Action::HandleAlert, "alert"}, alert_subject(alert_id),
      [&](store::Connection& c, Subject<store::AlertRow>& alert, AuditRecord& entry) {
        if (alert.record.closed_at) throw Invalid("action", "This alert is closed");
        if (!domain::in_list(domain::alert_actions(), what)) throw Invalid("action", "Select what was done");
        if (what == "other" && text.empty()) throw Invalid("note", "Say what was done");
        store::add_action(c, alert_id, what, text, a.user_id, s.now_iso());
        entry.detail = nlohmann::json{{"action", what}}.dump();
      });
}

void close_alert(const Services& s, const Actor& a, std::int64_t alert_id, const std::string& outcome,
                 const std::string& note) {
  const auto how = domain::trimmed(outcome);
  run(s, a, {"alert.close", domain::Action::HandleAlert, "alert"}, alert_subject(alert_id),
      [&](store::Connection& c, Subject<store::AlertRow>& alert, AuditRecord& entry) {
        if (alert.record.closed_at) throw Invalid("outcome", "This alert is already closed");
        if (!domain::in_list(domain::alert_outcomes(), how))
          throw Invalid("outcome", "Select the outcome: an alert is closed only with one");
        store::add_action(c, alert_id, "closed", domain::trimmed(note), a.user_id, s.now_iso());
        store::close_alert(c, alert_id, how, a.user_id, s.now_iso());
        entry.detail = nlohmann::json{{"outcome", how}}.dump();
      });
}

void raise_alerts_for_mark(store::Connection& c, const Services& s, const Actor& a, const store::MarkRow& mark,
                           const std::string& provider_name) {
  if (mark.provider_code != "N") return;
  const auto pupil = store::find_pupil(c, mark.pupil_id);
  if (!pupil) return;
  auto alert = alert_for_dsl("unexplained_absence", mark.pupil_id, mark.school_id, mark.session_date, mark.session,
                             std::to_string(mark.pupil_id) + ":" + mark.session_date + ":" + mark.session);
  alert.provider_id = mark.provider_id;
  alert.summary =
      domain::unexplained_absence_summary(*pupil, store::list_contacts(c, mark.pupil_id), provider_name,
                                          mark.session_date, mark.session == "am" ? "morning" : "afternoon");
  raise_alert(c, s, &a, alert, nlohmann::json::object());
}

}  // namespace waypoint::app
