#include "app/reviews/reviews.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/calendar/school_calendars.hpp"
#include "app/kernel/errors.hpp"
#include "app/letters/letters.hpp"
#include "app/placements/placements.hpp"
#include "app/placements/plans.hpp"
#include "app/pupils/pupil_voice.hpp"
#include "app/reports/provider_reports.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "domain/placements/placement.hpp"
#include "store/attendance/attendance_store.hpp"
#include "store/placements/plan_store.hpp"
#include "store/progress/progress_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

using domain::Date;
using domain::format_date;
using std::chrono::days;
using std::chrono::sys_days;

// Dates Waypoint stored were checked when they were written.
Date stored(const std::string& text) { return domain::parse_date(text).value_or(Date{}); }
std::optional<Date> stored(const std::optional<std::string>& text) {
  return text ? domain::parse_date(*text) : std::nullopt;
}

bool is_running(const store::PlacementRecord& p) { return has_status(p, domain::PlacementStatus::Active); }
// Reviews are scheduled from the agreement, through the placement.
bool under_review(const store::PlacementRecord& p) {
  return is_running(p) || has_status(p, domain::PlacementStatus::Awaiting);
}

ReviewStatus status_of(const store::PlacementRecord& p, const std::vector<store::ReviewRow>& reviews,
                       const std::vector<store::ReviewRequestRow>& requests, Date today) {
  ReviewStatus st;
  st.schedule = domain::review_schedule(placement_start(p), domain::parse_date(p.terms.first_review_on),
                                        domain::review_interval_of(p.terms));
  std::optional<domain::HeldReview> last;
  if (!reviews.empty())
    last = domain::HeldReview{stored(reviews.front().held_on), stored(reviews.front().next_review_on)};
  std::vector<domain::RequestOwed> owed;
  for (const auto& r : requests) owed.push_back({stored(r.requested_on), stored(r.owed_on)});
  st.due = domain::review_due(st.schedule, last, owed);
  st.state = domain::review_state(st.due.on, today);
  return st;
}

bool has_ehc_plan(store::Connection& c, std::int64_t pupil_id) {
  return store::find_pupil(c, pupil_id)->has_ehc_plan();
}

std::optional<Date> last_held(const std::vector<store::ReviewRow>& newest_first) {
  if (newest_first.empty()) return std::nullopt;
  return stored(newest_first.front().held_on);
}

// What the placement's records show since the last review (or its start), up to today.
ReviewEvidence gather(store::Connection& c, const store::PlacementRecord& p, std::optional<Date> last, Date today) {
  ReviewEvidence ev;
  ev.since = last ? Date{sys_days(*last) + days(1)} : placement_start(p);
  const auto from = format_date(ev.since), to = format_date(today);
  std::vector<std::string> codes;
  for (const auto& m : store::marks_of_pupil(c, p.pupil_id, from, to))
    if (m.placement_id == p.id) codes.push_back(m.code());
  ev.attendance = domain::summarise_attendance(codes);
  auto logs = store::progress_logs_of_pupil(c, p.pupil_id, from, to, p.provider_id);
  std::erase_if(logs, [&](const auto& l) { return l.placement_id != p.id; });
  for (const auto& l : logs) {
    ev.engagement_total += l.engagement;
    ++ev.engagement_logs;
  }
  for (const auto& i : store::incidents_of_pupil(c, p.pupil_id, from, p.provider_id))
    if (i.placement_id == p.id && i.happened_on <= to) ++ev.incidents;
  for (const auto& v : store::plan_versions(c, p.id))
    if (v.status == "agreed") {
      ev.plan_version = v.version;
      break;
    }
  const auto objectives = store::agreed_objectives(c, p.id);
  std::optional<double> mean;
  if (ev.engagement_logs) mean = static_cast<double>(ev.engagement_total) / ev.engagement_logs;
  for (std::size_t i = 0; i < objectives.size(); ++i) {
    const auto& o = objectives[i];
    domain::ObjectiveEvidence e{o.area, std::nullopt, std::nullopt, ev.attendance, mean, ev.since};
    for (const auto& l : logs)  // oldest first: the last value found is the latest
      for (const auto& [id, value] : l.values)
        if (id == o.id) {
          e.latest_logged = value;
          e.latest_logged_on = stored(l.log_date);
        }
    const auto suggestion = domain::suggest_objective_value(e);
    store::ReviewObjectiveRow row;
    row.position = static_cast<int>(i + 1);
    row.area = o.area;
    row.description = o.description;
    row.baseline = o.baseline_value + (o.unit.empty() ? "" : " " + o.unit) + " on " + o.baseline_date;
    row.target = o.target + (o.unit.empty() ? "" : " " + o.unit) + " by " + o.target_date;
    row.suggested_value = suggestion.value;
    row.suggested_from = suggestion.from;
    ev.objectives.push_back(row);
  }
  return ev;
}

domain::ReviewInput cleaned(domain::ReviewInput in) {
  for (auto* f : {&in.held_on, &in.other_attendees, &in.la_invited_on, &in.pupil_voice, &in.parent_voice, &in.decision,
                  &in.decision_notes, &in.extended_to, &in.next_review_on})
    *f = domain::trimmed(*f);
  for (auto& o : in.objectives) {
    o.value = domain::trimmed(o.value);
    o.change_reason = domain::trimmed(o.change_reason);
  }
  return in;
}

}  // namespace

std::optional<ReviewStatus> review_status_on(store::Connection& c, const store::PlacementRecord& p, Date today) {
  if (!under_review(p)) return std::nullopt;
  return status_of(p, store::reviews_of(c, {p.id}), store::review_requests_of(c, {p.id}), today);
}

PlacementReviews placement_reviews(const Services& s, const Actor& a, std::int64_t placement_id) {
  return run(s, a, {"review.list", domain::Action::ViewPlacement, "placement"}, placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord&) {
               PlacementReviews v;
               v.placement = p.record;
               v.reviews = store::reviews_of(c, {placement_id});
               v.requests = store::review_requests_of(c, {placement_id});
               v.pupil_has_ehc_plan = has_ehc_plan(c, v.placement.pupil_id);
               if (under_review(v.placement)) v.status = status_of(v.placement, v.reviews, v.requests, s.today());
               v.can_record = is_running(v.placement) && allowed(a, domain::Action::ManagePlacement, p.scope);
               return v;
             });
}

namespace {

// Keeps a written request for a review of `p` and answers the day a review is owed because of it
// (within 10 school days, unless one was held in the 10 weeks before it).
std::optional<Date> keep_request(store::Connection& c, const Services& s, const Actor& a,
                                 const store::PlacementRecord& p, const RequestForm& f, AuditRecord& entry) {
  if (!under_review(p)) throw Invalid("requested_on", "Requests are recorded while the placement is agreed or running");
  auto errors = domain::request_problems(f.requested_by, f.requester_name, f.requested_on, s.today(),
                                         has_ehc_plan(c, p.pupil_id));
  if (!errors.empty()) throw Invalid(std::move(errors));
  const auto on = stored(f.requested_on);
  // The last review held on or before the day of the request decides whether one is owed.
  std::optional<Date> before;
  for (const auto& r : store::reviews_of(c, {p.id}))
    if (sys_days(stored(r.held_on)) <= sys_days(on)) {
      before = stored(r.held_on);
      break;
    }
  const auto owed = domain::review_owed_on_request(calendar_for_school(c, p.school_id), on, before);
  store::ReviewRequestRow row;
  row.placement_id = p.id;
  row.requested_by = f.requested_by;
  row.requester_name = f.requester_name;
  row.requested_on = f.requested_on;
  if (owed) row.owed_on = format_date(*owed);
  const auto id = store::insert_review_request(c, row, a.user_id, s.now_iso());
  entry.detail = nlohmann::json{{"request_id", id},
                                {"requested_by", f.requested_by},
                                {"requested_on", f.requested_on},
                                {"owed_on", row.owed_on ? nlohmann::json(*row.owed_on) : nlohmann::json()}}
                     .dump();
  return owed;
}

}  // namespace

std::optional<Date> record_review_request(const Services& s, const Actor& a, std::int64_t placement_id,
                                          const RequestForm& raw) {
  return manage_placement(
      s, a, "review.request", placement_id, [&](store::Connection& c, store::PlacementRecord& p, AuditRecord& entry) {
        return keep_request(
            c, s, a, p,
            {domain::trimmed(raw.requested_by), domain::trimmed(raw.requester_name), domain::trimmed(raw.requested_on)},
            entry);
      });
}

std::optional<Date> ask_for_review(const Services& s, const Actor& a, std::int64_t placement_id) {
  // Made today, in the parent's own name: the portal is their written request.
  return run(s, a, {"review.ask", domain::Action::RespondAsParent, "placement"}, placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord& entry) {
               return keep_request(c, s, a, p.record, {"parent", a.display_name, format_date(s.today())}, entry);
             });
}

ReviewForm review_form(const Services& s, const Actor& a, std::int64_t placement_id) {
  return manage_placement(
      s, a, "review.list", placement_id, [&](store::Connection& c, store::PlacementRecord& p, AuditRecord&) {
        ReviewForm f;
        f.placement = p;
        if (!is_running(f.placement)) throw Invalid("held_on", "Reviews are recorded while the placement is running");
        f.last_held = last_held(store::reviews_of(c, {placement_id}));
        f.evidence = gather(c, f.placement, f.last_held, s.today());
        f.pupil_has_ehc_plan = has_ehc_plan(c, f.placement.pupil_id);
        f.pupil_said =
            pupil_said_between(c, a, f.placement.pupil_id, format_date(f.evidence.since), format_date(s.today()));
        f.provider_reports = reports_since(c, a, placement_id, format_date(f.evidence.since));
        return f;
      });
}

std::int64_t record_review(const Services& s, const Actor& a, std::int64_t placement_id,
                           const domain::ReviewInput& raw) {
  return manage_placement(
      s, a, "review.record", placement_id, [&](store::Connection& c, store::PlacementRecord& p, AuditRecord& entry) {
        if (!is_running(p)) throw Invalid("held_on", "Reviews are recorded while the placement is running");
        auto in = cleaned(raw);
        const auto last = last_held(store::reviews_of(c, {placement_id}));
        const auto ev = gather(c, p, last, s.today());
        // The suggestion is what Waypoint read, not what the form sent back.
        in.objectives.resize(ev.objectives.size());
        for (std::size_t i = 0; i < ev.objectives.size(); ++i)
          in.objectives[i].suggested_value = ev.objectives[i].suggested_value;
        const domain::ReviewFacts facts{s.today(), placement_start(p), stored(p.terms.planned_end_date),
                                        has_ehc_plan(c, p.pupil_id), last};
        if (auto errors = domain::review_problems(in, facts); !errors.empty()) throw Invalid(std::move(errors));

        store::ReviewRow row;
        row.placement_id = placement_id;
        row.pupil_id = p.pupil_id;
        row.held_on = in.held_on;
        row.attendees = in.attendees;
        row.other_attendees = in.other_attendees;
        if (facts.pupil_has_ehc_plan) row.la_invited_on = in.la_invited_on;
        row.pupil_voice = in.pupil_voice;
        row.parent_voice = in.parent_voice;
        row.since_date = format_date(ev.since);
        row.sessions_possible = ev.attendance.possible;
        row.sessions_attended = ev.attendance.attended;
        row.engagement_total = ev.engagement_total;
        row.engagement_logs = ev.engagement_logs;
        row.incidents = ev.incidents;
        row.plan_version = ev.plan_version;
        row.decision = in.decision;
        row.decision_notes = in.decision_notes;
        if (in.decision != "end_placement") row.next_review_on = in.next_review_on;
        row.objectives = ev.objectives;
        for (std::size_t i = 0; i < row.objectives.size(); ++i) {
          row.objectives[i].value = in.objectives[i].value;
          if (in.objectives[i].value != in.objectives[i].suggested_value)
            row.objectives[i].change_reason = in.objectives[i].change_reason;
        }
        if (in.decision == "extend") {
          row.extended_to = in.extended_to;
          store::extend_placement(c, placement_id, in.extended_to, s.now_iso());
        }
        if (in.decision == "amend_plan") {
          const auto versions = store::plan_versions(c, placement_id);
          if (versions.empty())
            throw Invalid("decision", "There is no plan to amend yet: write and agree the plan first");
          // A draft already under way is the amendment; otherwise a new one from the agreed plan.
          row.new_plan_version =
              versions.front().status == "draft" ? versions.front().version : new_draft_from_agreed(c, s, a, p);
        }
        const auto id = store::insert_review(c, row, a.user_id, s.now_iso());
        send_letters(c, s, p.pupil_id, "review_summary", id,
                     "Summary of the review held on " + domain::date_text(row.held_on));
        entry.detail =
            nlohmann::json{
                {"review_id", id},
                {"held_on", row.held_on},
                {"decision", row.decision},
                {"attendees", row.attendees},
                {"extended_to", row.extended_to ? nlohmann::json(*row.extended_to) : nlohmann::json()},
                {"new_plan_version", row.new_plan_version ? nlohmann::json(*row.new_plan_version) : nlohmann::json()}}
                .dump();
        return id;
      });
}

ReviewView view_review(const Services& s, const Actor& a, std::int64_t review_id) {
  // The review is seen by whoever sees its placement.
  const auto review = [&](store::Connection& c) -> std::optional<Subject<ReviewView>> {
    auto r = store::find_review(c, review_id);
    if (!r) return std::nullopt;
    auto p = placement_subject(c, a, r->placement_id);
    if (!p) return std::nullopt;
    return Subject<ReviewView>{{std::move(*r), std::move(p->record), {}, {}}, p->scope, review_id, p->pupil_id};
  };
  return run(s, a, {"review.view", domain::Action::ViewPlacement, "review"}, review,
             [&](store::Connection& c, Subject<ReviewView>& v, AuditRecord&) {
               letters_read(c, s, a, "review_summary", review_id);
               v.record.pupil_said = pupil_said_between(c, a, v.record.placement.pupil_id, v.record.review.since_date,
                                                        v.record.review.held_on);
               v.record.provider_reports = reports_since(c, a, v.record.placement.id, v.record.review.since_date);
               std::erase_if(v.record.provider_reports,
                             [&](const store::ProviderReportRow& r) { return r.period_to > v.record.review.held_on; });
               return v.record;
             });
}

std::vector<DueReview> reviews_due(const Services& s, const Actor& a) {
  // A part of the home page: those who do not follow reviews see none, rather than a refusal.
  if (!allowed(a, domain::Action::FollowReviews)) return {};
  auto out = run(
      s, a, {"review.due", domain::Action::FollowReviews, "placement", false}, [&](store::Connection& c, AuditRecord&) {
        std::vector<DueReview> out;
        const auto placements = store::active_placements_of_school(c, a.organisation_id, format_date(s.today()));
        std::vector<std::int64_t> ids;
        for (const auto& p : placements) ids.push_back(p.id);
        std::map<std::int64_t, std::vector<store::ReviewRow>> reviews;
        for (auto& r : store::reviews_of(c, ids)) reviews[r.placement_id].push_back(std::move(r));
        std::map<std::int64_t, std::vector<store::ReviewRequestRow>> requests;
        for (auto& r : store::review_requests_of(c, ids)) requests[r.placement_id].push_back(std::move(r));
        for (const auto& p : placements) {
          auto st = status_of(p, reviews[p.id], requests[p.id], s.today());
          if (st.state != domain::ReviewState::NotYet) out.push_back({p, st});
        }
        return out;
      });
  std::sort(out.begin(), out.end(),
            [](const auto& x, const auto& y) { return sys_days(x.status.due.on) < sys_days(y.status.due.on); });
  return out;
}

}  // namespace waypoint::app
