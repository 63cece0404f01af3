#include "app/interventions/interventions.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/school_news.hpp"
#include "app/letters/letters.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::app {
namespace {

domain::InterventionInput trimmed_input(const domain::InterventionInput& in) {
  using domain::trimmed;
  return {trimmed(in.date),      trimmed(in.time),          trimmed(in.place),    trimmed(in.staff),
          trimmed(in.led_up_to), trimmed(in.de_escalation), trimmed(in.kind),     trimmed(in.minutes),
          trimmed(in.reason),    trimmed(in.reason_detail), trimmed(in.injuries), trimmed(in.support_afterwards)};
}

// The pupil's SEN status on the day, as the record must keep it.
std::string sen_status(const domain::Pupil& p) {
  if (p.has_ehc_plan()) return "Education, health and care plan";
  if (p.has_sen()) return "SEN support";
  return "No special educational needs recorded";
}

}  // namespace

std::int64_t record_intervention(const Services& s, const Actor& a, std::int64_t pupil_id,
                                 const domain::InterventionInput& raw) {
  const auto in = trimmed_input(raw);
  return run(
      s, a, {"intervention.record", domain::Action::RecordRestrictiveIntervention, "restrictive_intervention"},
      pupil_of(a, pupil_id), [&](store::Connection& c, Subject<domain::Pupil>& p, AuditRecord& entry) {
        // Checked once the policy has allowed it: another's pupil is not there to be told about.
        if (auto errors = domain::intervention_problems(in, s.today()); !errors.empty())
          throw Invalid(std::move(errors));
        store::InterventionRow row;
        row.pupil_id = pupil_id;
        row.recorded_by_org = a.organisation_id;
        row.record = in;
        row.pupil_sen = sen_status(p.record);
        row.recorded_at = s.now_iso();
        const auto id = store::insert_intervention(c, row, a.user_id);
        // A provider's record reaches the school at once: its AP lead and DSL are e-mailed a link.
        if (a.organisation_id != p.record.school_id)
          tell_school(c, s, p.record.school_id, domain::SchoolNews::InterventionRecordedElsewhere,
                      "/interventions/" + std::to_string(id));
        // The parents are told the same day: a letter, by e-mail and in Waypoint, or by post.
        send_letters(c, s, pupil_id, "restrictive_intervention", id,
                     "A record of force or restraint used with your child");
        entry.entity_id = id;
        entry.detail = nlohmann::json{{"pupil_id", pupil_id}, {"kind", in.kind}, {"happened_on", in.date}}.dump();
        return id;
      });
}

PupilInterventions pupil_interventions(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return run(s, a, {"intervention.list", domain::Action::ReadRestrictiveInterventions, "pupil"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& p, AuditRecord&) {
               // A provider sees what it recorded, not what happened at school or elsewhere.
               const auto own = domain::own_provider(principal_of(a));
               return PupilInterventions{p.record, store::interventions_of_pupil(c, pupil_id, own),
                                         allowed(a, domain::Action::RecordRestrictiveIntervention, p.scope)};
             });
}

InterventionView view_intervention(const Services& s, const Actor& a, std::int64_t id) {
  const auto load = [&](store::Connection& c) -> std::optional<Subject<InterventionView>> {
    auto r = store::find_intervention(c, id);
    if (!r) return std::nullopt;
    auto p = pupil_subject(c, a, r->pupil_id);
    if (!p) return std::nullopt;
    // A provider reads only its own records: another's is not there for it.
    if (const auto own = domain::own_provider(principal_of(a)); own && *own != r->recorded_by_org) return std::nullopt;
    return Subject<InterventionView>{{std::move(*r), std::move(p->record)}, p->scope, id, p->pupil_id};
  };
  return run(s, a, {"intervention.view", domain::Action::ReadRestrictiveInterventions, "restrictive_intervention"},
             load, [&](store::Connection& c, Subject<InterventionView>& v, AuditRecord&) {
               letters_read(c, s, a, "restrictive_intervention", id);
               return v.record;
             });
}

InterventionTrend area_intervention_trend(const Services& s, const Actor& a) {
  return run(s, a, {"intervention.trend", domain::Action::SeeInterventionTrend, "restrictive_intervention"},
             [&](store::Connection& c, AuditRecord&) {
               InterventionTrend t;
               t.months = domain::trend_months(s.today(), 6);
               t.rows = domain::intervention_trend(
                   store::intervention_counts_in_area(c, a.local_authority_id.value_or(0), t.months.front()), t.months);
               return t;
             });
}

}  // namespace waypoint::app
