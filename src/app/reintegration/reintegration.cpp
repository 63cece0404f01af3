#include "app/reintegration/reintegration.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/placements/placements.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/placements/placement.hpp"
#include "domain/reviews/review.hpp"
#include "store/placements/timetable_store.hpp"
#include "store/reviews/review_store.hpp"

namespace waypoint::app {
namespace {

std::optional<std::int64_t> deciding_review(store::Connection& c, std::int64_t placement_id) {
  for (const auto& r : store::reviews_of(c, {placement_id}))  // newest first
    if (r.decision == "start_reintegration") return r.id;
  return std::nullopt;
}

std::vector<domain::PlannedStep> planned(const std::optional<store::ReintegrationRow>& plan) {
  std::vector<domain::PlannedStep> out;
  if (plan)
    for (const auto& s : plan->steps)
      out.push_back({domain::parse_date(s.starts_on), s.days_at_school.size(), s.applied_on.has_value()});
  return out;
}

std::vector<domain::TimetableSlot> week_of(const std::vector<store::SlotRow>& rows) {
  std::vector<domain::TimetableSlot> out;
  for (const auto& r : rows) out.push_back(r.slot);
  return out;
}

domain::ReintegrationInput cleaned(domain::ReintegrationInput in) {
  for (auto& c : in.criteria) {
    c.objective = domain::trimmed(c.objective);
    c.criterion = domain::trimmed(c.criterion);
  }
  for (auto& s : in.steps) s.starts_on = domain::trimmed(s.starts_on);
  for (auto* f : {&in.key_adult, &in.mentoring, &in.adjustments, &in.responsibilities}) *f = domain::trimmed(*f);
  return in;
}

// The return as it stands, read inside a use case; `manages` says whether the actor plans it.
ReintegrationView reintegration_on(store::Connection& c, const Services& s, const store::PlacementRecord& placement,
                                   bool manages) {
  const auto placement_id = placement.id;
  ReintegrationView v;
  v.placement = placement;
  std::vector<store::SlotRow> week;
  {
    v.plan = store::find_reintegration(c, placement_id);
    v.deciding_review = deciding_review(c, placement_id);
    v.objectives = store::agreed_objectives(c, placement_id);
    if (v.plan) {
      week = store::slots_of_pupil(c, v.placement.pupil_id);
      v.full_return = domain::full_return(planned(v.plan));
      if (v.full_return) {
        const auto done = store::return_checks_of(c, placement_id);
        const auto dates = domain::follow_up_dates(*v.full_return);
        for (int n = 1; n <= 3; ++n) {
          FollowUpView f{n, dates[n - 1], std::nullopt};
          for (const auto& d : done)
            if (d.number == n) f.done = d;
          v.follow_ups.push_back(f);
        }
      }
    }
  }
  v.can_edit = manages && has_status(v.placement, domain::PlacementStatus::Active) && v.deciding_review.has_value();
  v.can_record_follow_ups = manages && v.full_return.has_value();
  if (v.plan) {
    const auto ready = domain::steps_ready(planned(v.plan), s.today());
    for (std::size_t i = 0; i < v.plan->steps.size(); ++i) {
      const auto& step = v.plan->steps[i];
      v.steps.push_back(
          {step,
           domain::timetable_totals(domain::week_for_step(week_of(week), step.days_at_school, v.placement.provider_id)),
           v.can_edit && ready[i]});
    }
  }
  return v;
}

}  // namespace

ReintegrationView view_reintegration(const Services& s, const Actor& a, std::int64_t placement_id) {
  return run(s, a, {"reintegration.view", domain::Action::ViewPlacement, "placement"}, placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord&) {
               return reintegration_on(c, s, p.record, allowed(a, domain::Action::ManagePlacement, p.scope));
             });
}

void save_reintegration_plan(const Services& s, const Actor& a, std::int64_t placement_id,
                             const domain::ReintegrationInput& raw) {
  manage_placement(
      s, a, "reintegration.save", placement_id,
      [&](store::Connection& c, store::PlacementRecord& p, AuditRecord& entry) {
        if (!has_status(p, domain::PlacementStatus::Active))
          throw Invalid("key_adult", "The return is planned while the placement is running");
        const auto in = cleaned(raw);
        const auto review = deciding_review(c, placement_id);
        if (!review) throw Invalid("key_adult", "Record a review that decides to start the return before planning it");
        const auto objectives = store::agreed_objectives(c, placement_id);
        auto errors = domain::reintegration_problems(in, static_cast<int>(objectives.size()), placement_start(p));
        const auto old = store::find_reintegration(c, placement_id);
        // A step already in the timetable happened: it stays as it was.
        if (old)
          for (const auto& step : old->steps) {
            if (!step.applied_on) continue;
            const auto i = static_cast<std::size_t>(step.position - 1);
            if (i >= in.steps.size() || in.steps[i].starts_on != step.starts_on ||
                in.steps[i].days_at_school != step.days_at_school)
              errors.push_back({"step_" + std::to_string(step.position) + "_starts_on",
                                "Step " + std::to_string(step.position) +
                                    " is already in the timetable: it cannot be changed or removed"});
          }
        if (!errors.empty()) throw Invalid(std::move(errors));
        store::ReintegrationRow row{placement_id,        *review, in.key_adult, in.mentoring, in.adjustments,
                                    in.responsibilities, "",      "",           {},           {}};
        for (std::size_t i = 0; i < in.criteria.size(); ++i)
          row.criteria.push_back({static_cast<int>(i + 1), domain::parse_whole_number(in.criteria[i].objective),
                                  in.criteria[i].criterion});
        for (std::size_t i = 0; i < in.steps.size(); ++i) {
          std::optional<std::string> applied;
          if (old && i < old->steps.size()) applied = old->steps[i].applied_on;
          row.steps.push_back({static_cast<int>(i + 1), in.steps[i].starts_on, in.steps[i].days_at_school, applied});
        }
        store::save_reintegration(c, row, a.user_id, s.now_iso());
        entry.detail =
            nlohmann::json{{"review_id", *review}, {"criteria", row.criteria.size()}, {"steps", row.steps.size()}}
                .dump();
      });
}

void apply_return_step(const Services& s, const Actor& a, std::int64_t placement_id, int position) {
  manage_placement(
      s, a, "reintegration.step", placement_id,
      [&](store::Connection& c, store::PlacementRecord& placement, AuditRecord& entry) {
        const auto v = reintegration_on(c, s, placement, true);
        if (!v.can_edit) throw Denied();
        const StepView* step = nullptr;
        for (const auto& x : v.steps)
          if (x.step.position == position) step = &x;
        if (!step) throw NotFound();
        if (!step->can_apply)
          throw Invalid("step_" + std::to_string(position) + "_starts_on",
                        step->step.applied_on
                            ? "This step is already in the timetable"
                            : "A step goes into the timetable from its first day, after the steps before it");
        auto rows = store::slots_of_pupil(c, v.placement.pupil_id);
        const auto week = domain::week_for_step(week_of(rows), step->step.days_at_school, v.placement.provider_id);
        const auto site = v.placement.terms.site_ids.empty() ? std::optional<std::int64_t>()
                                                             : std::optional(v.placement.terms.site_ids.front());
        for (std::size_t i = 0; i < rows.size(); ++i) {
          if (week[i].setting == rows[i].slot.setting) continue;
          if (week[i].setting == "home_school") {
            rows[i].placement_id.reset();
            rows[i].site_id.reset();
          } else {
            rows[i].placement_id = placement_id;
            rows[i].site_id = site;
          }
          rows[i].slot = week[i];
        }
        store::replace_slots(c, v.placement.pupil_id, rows, s.now_iso());
        store::mark_step_applied(c, placement_id, position, domain::format_date(s.today()));
        entry.detail = nlohmann::json{{"step", position},
                                      {"days_at_school", step->step.days_at_school},
                                      {"home_school_minutes", step->week.minutes_in("home_school")}}
                           .dump();
      });
}

void record_follow_up(const Services& s, const Actor& a, std::int64_t placement_id, int number,
                      const domain::FollowUpInput& raw) {
  manage_placement(
      s, a, "reintegration.follow_up", placement_id,
      [&](store::Connection& c, store::PlacementRecord& placement, AuditRecord& entry) {
        const auto v = reintegration_on(c, s, placement, true);
        if (!v.full_return || number < 1 || number > 3) throw NotFound();
        domain::FollowUpInput in{domain::trimmed(raw.checked_on),  domain::trimmed(raw.attendance_percent),
                                 domain::trimmed(raw.suspensions), domain::trimmed(raw.engagement),
                                 domain::trimmed(raw.holding),     domain::trimmed(raw.notes)};
        if (auto errors = domain::follow_up_problems(in, s.today(), *v.full_return); !errors.empty())
          throw Invalid(std::move(errors));
        for (const auto& done : store::return_checks_of(c, placement_id))
          if (done.number == number) throw Invalid("checked_on", "This check is already recorded");
        store::ReturnCheckRow row{placement_id,
                                  number,
                                  domain::format_date(v.follow_ups[static_cast<std::size_t>(number - 1)].due_on),
                                  in.checked_on,
                                  in.attendance_percent,
                                  static_cast<int>(*domain::parse_whole_number(in.suspensions)),
                                  static_cast<int>(*domain::parse_whole_number(in.engagement)),
                                  in.holding == "yes",
                                  in.notes,
                                  ""};
        store::insert_return_check(c, row, a.user_id, s.now_iso());
        entry.detail =
            nlohmann::json{{"number", number}, {"checked_on", in.checked_on}, {"holding", row.holding}}.dump();
      });
}

}  // namespace waypoint::app
