#include "app/placements/plans.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/placements/placements.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

domain::Plan cleaned(domain::Plan p) {
  for (auto& o : p.objectives)
    for (auto* f : {&o.area, &o.description, &o.baseline_value, &o.baseline_date, &o.baseline_source, &o.target,
                    &o.measure, &o.unit, &o.target_date, &o.responsible})
      *f = domain::trimmed(*f);
  for (auto* f : {&p.monitoring, &p.curriculum_fit, &p.ehc_outcomes, &p.pupil_views, &p.parent_views})
    *f = domain::trimmed(*f);
  return p;
}

// Parents read agreed versions (current and past); drafts are the professionals' working copy.
bool readable(bool reads_drafts, const store::PlanVersion& v) { return reads_drafts || v.status != "draft"; }

nlohmann::json summary(const domain::Plan& p) {
  nlohmann::json areas = nlohmann::json::array();
  for (const auto& o : p.objectives)
    if (!o.is_blank()) areas.push_back(o.area);
  return {{"objective_areas", areas}};
}

}  // namespace

PlanView view_plan(const Services& s, const Actor& a, std::int64_t placement_id, int version) {
  return run(s, a, {"plan.view", domain::Action::ViewPlacement, "placement"}, placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord&) {
               PlanView v;
               v.placement = p.record;
               const bool manages = allowed(a, domain::Action::ManagePlacement, p.scope);
               const bool reads_drafts = allowed(a, domain::Action::ReadDraftPlan, p.scope);
               v.versions = store::plan_versions(c, placement_id);
               std::erase_if(v.versions, [&](const auto& x) { return !readable(reads_drafts, x); });
               int wanted = version;
               if (!wanted && !v.versions.empty()) wanted = v.versions.front().version;
               if (wanted) {
                 v.shown = store::find_plan_version(c, placement_id, wanted);
                 if (v.shown && !readable(reads_drafts, *v.shown)) v.shown.reset();
                 if (!v.shown && version) throw NotFound();
               }
               v.pupil_has_ehc_plan = store::find_pupil(c, v.placement.pupil_id)->has_ehc_plan();
               const bool ended = v.placement.status == "ended";
               v.can_edit = manages && !ended && (!v.shown || v.shown->status == "draft");
               v.can_start_new_version =
                   manages && !ended && !v.versions.empty() && v.versions.front().status == "agreed";
               return v;
             });
}

void save_plan_draft(const Services& s, const Actor& a, std::int64_t placement_id, const domain::Plan& raw) {
  manage_placement(s, a, "plan.save", placement_id,
                   [&](store::Connection& c, store::PlacementRecord& placement, AuditRecord& entry) {
                     if (placement.status == "ended")
                       throw Invalid("monitoring", "This placement has ended: its plan is kept as it was");
                     const auto plan = cleaned(raw);
                     if (auto errors = domain::plan_problems(plan); !errors.empty()) throw Invalid(std::move(errors));
                     const auto versions = store::plan_versions(c, placement_id);
                     int version = 1;
                     if (versions.empty()) {
                       store::insert_plan_version(c, placement_id, 1, plan, a.user_id, s.now_iso());
                     } else {
                       version = versions.front().version;
                       // An agreed plan is never overwritten.
                       if (!store::update_draft(c, versions.front().id, plan, s.now_iso()))
                         throw Invalid("monitoring", "This version has been agreed: start a new version to change it");
                     }
                     auto detail = summary(plan);
                     detail["version"] = version;
                     entry.detail = detail.dump();
                   });
}

void agree_plan(const Services& s, const Actor& a, std::int64_t placement_id) {
  manage_placement(
      s, a, "plan.agree", placement_id,
      [&](store::Connection& c, store::PlacementRecord& placement, AuditRecord& entry) {
        const auto versions = store::plan_versions(c, placement_id);
        if (versions.empty() || versions.front().status != "draft")
          throw Invalid("monitoring", "There is no draft plan to agree");
        const auto draft = *store::find_plan_version(c, placement_id, versions.front().version);
        auto errors = domain::agreement_problems(draft.plan, store::find_pupil(c, placement.pupil_id)->has_ehc_plan());
        if (!errors.empty()) throw Invalid(std::move(errors));
        store::mark_agreed(c, placement_id, draft.id, a.user_id, domain::format_date(s.today()), s.now_iso());
        entry.detail = nlohmann::json{{"version", draft.version}}.dump();
      });
}

int new_draft_from_agreed(store::Connection& c, const Services& s, const Actor& a,
                          const store::PlacementRecord& placement) {
  const auto versions = store::plan_versions(c, placement.id);
  if (versions.empty() || versions.front().status != "agreed")
    throw Invalid("monitoring", "Only an agreed plan needs a new version: change the draft instead");
  const auto agreed = *store::find_plan_version(c, placement.id, versions.front().version);
  const int version = agreed.version + 1;
  store::insert_plan_version(c, placement.id, version, agreed.plan, a.user_id, s.now_iso());
  return version;
}

int start_new_plan_version(const Services& s, const Actor& a, std::int64_t placement_id) {
  return manage_placement(s, a, "plan.new_version", placement_id,
                          [&](store::Connection& c, store::PlacementRecord& placement, AuditRecord& entry) {
                            const auto version = new_draft_from_agreed(c, s, a, placement);
                            entry.detail = nlohmann::json{{"version", version}, {"from", version - 1}}.dump();
                            return version;
                          });
}

}  // namespace waypoint::app
