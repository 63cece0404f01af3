#include "app/challenges/challenges.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/calendar/school_calendars.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/placements/placements.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::app {
namespace {

using domain::Action;
using domain::ChallengeState;

ChallengeStatus challenge_status_of(store::ChallengeRow row, domain::Date today) {
  const auto by = domain::parse_date(row.input.answer_by).value_or(today);
  const domain::ChallengeFacts facts{by, row.answered_at.has_value(), row.resolved_at.has_value(),
                                     row.referred_at.has_value(), row.settled_at.has_value()};
  return {std::move(row), domain::challenge_state(facts, today)};
}

// A challenge is seen through its placement, and belongs to whoever raised it: the parent
// themselves, or the school whose staff raised it.
domain::Scope challenge_scope(domain::Scope placement, const Actor& a, const store::ChallengeRow& row) {
  placement.actor_raised_it = row.raised_by == a.user_id;
  placement.actor_organisation_raised_it =
      row.raised_by_organisation && *row.raised_by_organisation == a.organisation_id;
  return placement;
}

auto challenge_of(const Actor& a, std::int64_t id) {
  return [&a, id](store::Connection& c) -> std::optional<Subject<store::ChallengeRow>> {
    auto row = store::find_challenge(c, id);
    if (!row) return std::nullopt;
    const auto placement = placement_subject(c, a, row->placement_id);
    if (!placement) return std::nullopt;
    auto scope = challenge_scope(placement->scope, a, *row);
    return Subject<store::ChallengeRow>{std::move(*row), scope, id, placement->pupil_id};
  };
}

// One step on a challenge, audited as `name`, while it is in a state `open_in` accepts.
template <class Work>
void challenge_step(const Services& s, const Actor& a, const char* name, Action action, std::int64_t id, Work work) {
  run(s, a, {name, action, "provider_challenge"}, challenge_of(a, id),
      [&](store::Connection& c, Subject<store::ChallengeRow>& ch, AuditRecord& entry) {
        work(c, challenge_status_of(ch.record, s.today()), entry);
      });
}

}  // namespace

PlacementChallenges placement_challenges(const Services& s, const Actor& a, std::int64_t placement_id) {
  return run(s, a, {"challenge.list", Action::ViewPlacement, "placement"}, placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord&) {
               PlacementChallenges v;
               v.placement = p.record;
               for (auto& row : store::challenges_of_placement(c, placement_id))
                 if (allowed(a, Action::ReadChallenge, challenge_scope(p.scope, a, row)))
                   v.challenges.push_back(challenge_status_of(std::move(row), s.today()));
               v.can_raise = allowed(a, Action::RaiseChallenge, p.scope) &&
                             (has_status(p.record, domain::PlacementStatus::Active) ||
                              has_status(p.record, domain::PlacementStatus::Awaiting));
               v.suggested_answer_by =
                   domain::suggested_answer_by(calendar_for_school(c, p.record.school_id), s.today());
               return v;
             });
}

std::int64_t raise_challenge(const Services& s, const Actor& a, std::int64_t placement_id,
                             const domain::ChallengeInput& raw) {
  using domain::trimmed;
  const domain::ChallengeInput in{trimmed(raw.category), trimmed(raw.what_happened), trimmed(raw.asked_for),
                                  trimmed(raw.answer_by)};
  return run(s, a, {"challenge.raise", Action::RaiseChallenge, "provider_challenge"}, placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord& entry) {
               if (!has_status(p.record, domain::PlacementStatus::Active) &&
                   !has_status(p.record, domain::PlacementStatus::Awaiting))
                 throw Invalid("category", "A challenge is about a placement that is agreed or running");
               if (auto errors = domain::challenge_problems(in, calendar_for_school(c, p.record.school_id), s.today());
                   !errors.empty())
                 throw Invalid(std::move(errors));
               store::ChallengeRow row;
               row.placement_id = placement_id;
               row.provider_id = p.record.provider_id;
               row.raised_by = a.user_id;
               // A school's challenge is its staff's to follow up; a parent's is theirs alone.
               if (domain::works_at_organisation(a.role)) row.raised_by_organisation = a.organisation_id;
               row.raised_at = s.now_iso();
               row.input = in;
               const auto id = store::insert_challenge(c, row);
               entry.entity_id = id;
               entry.detail = nlohmann::json{
                   {"placement_id", placement_id},
                   {"category", in.category},
                   {"answer_by",
                    in.answer_by}}.dump();
               return id;
             });
}

ChallengeView view_challenge(const Services& s, const Actor& a, std::int64_t id) {
  return run(s, a, {"challenge.view", Action::ReadChallenge, "provider_challenge"}, challenge_of(a, id),
             [&](store::Connection&, Subject<store::ChallengeRow>& ch, AuditRecord&) {
               ChallengeView v{challenge_status_of(ch.record, s.today())};
               const auto state = v.challenge.state;
               v.can_answer = allowed(a, Action::AnswerChallenge, ch.scope) && !ch.record.answered_at &&
                              state != ChallengeState::Resolved && state != ChallengeState::Settled;
               v.can_resolve = allowed(a, Action::ResolveChallenge, ch.scope) &&
                               (state == ChallengeState::AwaitingAnswer || state == ChallengeState::Answered);
               v.can_settle = allowed(a, Action::SettleChallenge, ch.scope) && state == ChallengeState::WithLa;
               return v;
             });
}

void answer_challenge(const Services& s, const Actor& a, std::int64_t id, const std::string& raw) {
  const auto answer = domain::trimmed(raw);
  challenge_step(s, a, "challenge.answer", Action::AnswerChallenge, id,
                 [&](store::Connection& c, const ChallengeStatus& ch, AuditRecord&) {
                   if (ch.row.answered_at) throw Invalid("reply", "The provider has already answered this challenge");
                   if (ch.state == ChallengeState::Resolved || ch.state == ChallengeState::Settled)
                     throw Invalid("reply", "This challenge is closed");
                   if (answer.empty()) throw Invalid("reply", "Enter the provider's answer");
                   store::answer_challenge(c, id, answer, a.user_id, s.now_iso());
                 });
}

void resolve_challenge(const Services& s, const Actor& a, std::int64_t id, const std::string& raw) {
  const auto what = domain::trimmed(raw);
  challenge_step(s, a, "challenge.resolve", Action::ResolveChallenge, id,
                 [&](store::Connection& c, const ChallengeStatus& ch, AuditRecord& entry) {
                   if (what != "resolved" && what != "refer")
                     throw Invalid("step", "Select whether you are satisfied or send it to the local authority");
                   if (ch.state != ChallengeState::AwaitingAnswer && ch.state != ChallengeState::Answered)
                     throw Invalid("step", "This challenge is already " +
                                               std::string(domain::challenge_state_label(ch.state)) +
                                               " and cannot change here");
                   if (what == "resolved")
                     store::resolve_challenge(c, id, s.now_iso());
                   else
                     store::refer_challenge(c, id, s.now_iso());
                   entry.detail = nlohmann::json{{"step", what}}.dump();
                 });
}

void settle_challenge(const Services& s, const Actor& a, std::int64_t id, const std::string& raw_outcome,
                      const std::string& raw_note) {
  const auto outcome = domain::trimmed(raw_outcome);
  const auto note = domain::trimmed(raw_note);
  challenge_step(s, a, "challenge.settle", Action::SettleChallenge, id,
                 [&](store::Connection& c, const ChallengeStatus& ch, AuditRecord& entry) {
                   if (ch.state != ChallengeState::WithLa)
                     throw Invalid("outcome", "Only a challenge with the local authority is settled here");
                   if (auto errors = domain::settling_problems(outcome, note); !errors.empty())
                     throw Invalid(std::move(errors));
                   store::settle_challenge(c, id, outcome, note, a.user_id, s.now_iso());
                   entry.detail = nlohmann::json{{"outcome", outcome}}.dump();
                 });
}

AreaChallenges area_challenges(const Services& s, const Actor& a) {
  return run(s, a, {"challenge.area", Action::SeeAreaChallenges, "area"}, [&](store::Connection& c, AuditRecord&) {
    AreaChallenges v;
    std::map<std::int64_t, ProviderQuality> quality;
    for (auto& row : store::challenges_of_area(c, *principal_of(a).local_authority_id)) {
      auto st = challenge_status_of(std::move(row), s.today());
      auto& q = quality[st.row.provider_id];
      q.provider_id = st.row.provider_id;
      q.provider_name = st.row.provider_name;
      const auto outcome = st.row.outcome.value_or("");
      if (outcome == "upheld") ++q.upheld;
      if (outcome == "partly_upheld") ++q.partly_upheld;
      if (outcome == "not_upheld") ++q.not_upheld;
      if (st.state != ChallengeState::Resolved && st.state != ChallengeState::Settled) ++q.open;
      v.challenges.push_back(std::move(st));
    }
    for (auto& [id, q] : quality) v.quality.push_back(std::move(q));
    std::sort(v.quality.begin(), v.quality.end(),
              [](const auto& x, const auto& y) { return x.provider_name < y.provider_name; });
    return v;
  });
}

}  // namespace waypoint::app
