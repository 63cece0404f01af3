#include "app/placements/placements.hpp"

#include <nlohmann/json.hpp>

#include "app/calendar/school_calendars.hpp"
#include "app/kernel/errors.hpp"
#include "app/letters/letters.hpp"
#include "app/placements/parent_consent.hpp"
#include "app/providers/provider_directory.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/attendance/attendance.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/placements/consent.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/placements/consent_store.hpp"
#include "store/placements/timetable_store.hpp"
#include "store/pupils/pupil_store.hpp"
#include "store/reintegration/reintegration_store.hpp"

namespace waypoint::app {
namespace {

using domain::PlacementStatus;
using domain::trimmed;

domain::PlacementTerms cleaned(domain::PlacementTerms t) {
  for (auto* field :
       {&t.legal_basis, &t.reason, &t.reason_detail, &t.objectives, &t.start_date, &t.planned_end_date, &t.cost,
        &t.cost_unit, &t.paid_by, &t.report_to, &t.breaks, &t.review_interval_weeks, &t.first_review_on, &t.tier})
    *field = trimmed(*field);
  return t;
}

std::vector<std::int64_t> site_ids(const std::vector<domain::Site>& sites) {
  std::vector<std::int64_t> out;
  for (const auto& site : sites) out.push_back(site.id);
  return out;
}

// Validates the terms against the provider and fills in the stored cost.
void check_terms(store::Connection& c, std::int64_t provider_id, store::PlacementRecord& p) {
  const auto provider = store::find_provider(c, provider_id);
  if (!provider) throw Invalid("provider_id", "Select a provider from the directory");
  if (provider->left_directory_on)
    throw Invalid("provider_id", provider->name + " left the directory on " +
                                     domain::date_text(*provider->left_directory_on) + ": select another provider");
  auto errors = domain::placement_problems(p.terms, site_ids(store::sites_of(c, provider_id)),
                                           provider->delivery != domain::Delivery::Online);
  if (auto problem = domain::own_unit_problem(p.terms.legal_basis, provider->unit_of_school, p.school_id))
    errors.push_back(*problem);
  if (!errors.empty()) throw Invalid(std::move(errors));
  p.cost_pence = p.terms.cost.empty() ? std::nullopt : domain::parse_pounds(p.terms.cost);
}

std::optional<std::string> optional_date(const std::string& raw, const char* field, const char* what,
                                         std::chrono::year_month_day today) {
  const auto t = trimmed(raw);
  if (t.empty()) return std::nullopt;
  const auto d = domain::parse_date(t);
  if (!d) throw Invalid(field, std::string(what) + " must be a real date, like 2026-11-23");
  if (std::chrono::sys_days(*d) > std::chrono::sys_days(today))
    throw Invalid(field, std::string(what) + " cannot be in the future");
  return domain::format_date(*d);
}

// `what` names the date as a label does ("Date the notice was sent"); the messages build on it.
std::string required_date(const std::string& raw, const char* field, const char* what,
                          std::chrono::year_month_day today) {
  auto d = optional_date(raw, field, what, today);
  if (!d) {
    std::string lower(what);
    lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
    throw Invalid(field, "Enter the " + lower);
  }
  return *d;
}

// Whether a provider sits outside the area of the authority placing the pupil.
bool outside_placing_area(store::Connection& c, const store::PlacementRecord& p) {
  const auto school = store::find_organisation(c, p.school_id);
  const auto provider_la = store::provider_local_authority(c, p.provider_id);
  return school && provider_la != school->parent_id;
}

domain::ActivationFacts activation_facts(store::Connection& c, const Services& s, const store::PlacementRecord& p,
                                         const domain::Pupil& pupil, const std::string& override_reason) {
  auto date = [](const std::optional<std::string>& v) {
    return v ? domain::parse_date(*v) : std::optional<std::chrono::year_month_day>();
  };
  domain::ActivationFacts f;
  f.legal_basis = p.terms.legal_basis;
  f.start_date = domain::parse_date(p.terms.start_date).value_or(s.today());
  f.provider_standing = current_standing(c, s, p.provider_id).standing;
  f.commissioned_by_school = p.commissioner_id == p.school_id;
  f.school_accepted_provider = store::latest_acceptance(c, p.school_id, p.provider_id).has_value();
  f.notice_sent_on = date(p.notice_sent_on);
  f.pupil_has_ehc_plan = pupil.has_ehc_plan();
  f.la_informed_on = date(p.la_informed_on);
  f.parent_consent_on = date(p.parent_consent_on);
  f.needs_authority_consent = outside_placing_area(c, p);
  f.authority_consent_on = date(p.authority_consent_on);
  f.override_reason = override_reason;
  f.today = s.today();
  f.limits = domain::placement_rule_on(f.start_date, s.settings.limits);
  const auto provider = store::find_provider(c, p.provider_id);
  f.provider_is_school = provider && domain::provider_kind_info(provider->kind).is_school;
  f.planned_end_date = domain::parse_date(p.terms.planned_end_date).value_or(f.start_date);
  std::vector<domain::SlotTimes> slots;
  for (const auto& r : store::slots_of_placement(c, p.id))
    slots.push_back({r.slot.day.iso_encoding(), r.slot.start_minute, r.slot.end_minute});
  f.sessions_a_week = domain::sessions_a_week(slots);
  return f;
}

nlohmann::json terms_json(const domain::PlacementTerms& t) {
  return {{"legal_basis", t.legal_basis}, {"reason", t.reason},
          {"start_date", t.start_date},   {"planned_end_date", t.planned_end_date},
          {"paid_by", t.paid_by},         {"site_ids", t.site_ids},
          {"tier", domain::tier_of(t)}};
}

using domain::Action;

}  // namespace

bool has_status(const store::PlacementRecord& p, domain::PlacementStatus status) {
  return p.status == domain::status_code(status);
}

domain::Date placement_start(const store::PlacementRecord& p) {
  return domain::parse_date(p.activated_on.value_or(p.terms.start_date))
      .value_or(domain::parse_date(p.terms.start_date).value_or(domain::Date{}));
}

domain::Scope placement_scope(store::Connection& c, const Actor& a, const store::PlacementRecord& p) {
  domain::Pupil pupil;
  pupil.id = p.pupil_id;
  pupil.school_id = p.school_id;
  return domain::scope_of_placement(scope_of(c, a, pupil), p.provider_id, p.commissioner_id,
                                    has_status(p, PlacementStatus::Draft));
}

std::optional<Subject<store::PlacementRecord>> placement_subject(store::Connection& c, const Actor& a,
                                                                 std::int64_t placement_id) {
  auto p = store::find_placement(c, placement_id);
  if (!p) return std::nullopt;
  auto scope = placement_scope(c, a, *p);
  const auto pupil_id = p->pupil_id;
  return Subject<store::PlacementRecord>{std::move(*p), scope, placement_id, pupil_id};
}

PlacementView placement_view_on(store::Connection& c, const Services& s, const Actor& a,
                                const Subject<store::PlacementRecord>& subject) {
  PlacementView v;
  v.placement = subject.record;
  const auto& p = v.placement;
  v.pupil = *store::find_pupil(c, p.pupil_id);
  v.provider = store::find_provider(c, p.provider_id);
  v.provider_sites = store::sites_of(c, p.provider_id);
  for (const auto& site : v.provider_sites)
    if (std::find(p.terms.site_ids.begin(), p.terms.site_ids.end(), site.id) != p.terms.site_ids.end())
      v.sites.push_back(site);
  v.standing = current_standing(c, s, p.provider_id);
  v.acceptance = store::latest_acceptance(c, p.school_id, p.provider_id);
  v.can_manage = allowed(a, Action::ManagePlacement, subject.scope);
  v.can_log = has_status(p, PlacementStatus::Active) && allowed(a, Action::LogProgress, subject.scope);
  v.can_ask_for_review = (has_status(p, PlacementStatus::Active) || has_status(p, PlacementStatus::Awaiting)) &&
                         allowed(a, Action::RespondAsParent, subject.scope);
  v.can_answer_consent = has_status(p, PlacementStatus::Awaiting) &&
                         !domain::is_off_site_direction(p.terms.legal_basis) &&
                         allowed(a, Action::RespondAsParent, subject.scope);
  v.can_read_visits = allowed(a, Action::ReadVisits, subject.scope);
  v.needs_authority_consent = outside_placing_area(c, p);
  const auto first_day = domain::parse_date(p.activated_on.value_or(p.terms.start_date)).value_or(s.today());
  v.rules_applied = domain::placement_rules_text(domain::placement_rule_on(first_day, s.settings.limits), first_day);
  if (v.can_manage && !has_status(p, PlacementStatus::Active) && !has_status(p, PlacementStatus::Ended)) {
    const auto facts = activation_facts(c, s, p, v.pupil, "");
    const auto calendar = calendar_for_school(c, p.school_id);
    v.blockers = domain::activation_blockers(facts, calendar);
    if (facts.notice_sent_on)
      if (auto earliest = domain::earliest_start_after_notice(calendar, *facts.notice_sent_on))
        v.earliest_start = domain::format_date(*earliest);
  }
  return v;
}

std::int64_t propose_placement(const Services& s, const Actor& a, std::int64_t pupil_id, const PlacementForm& f) {
  const auto terms = cleaned(f.terms);
  const bool by_la = domain::commissioned_by_local_authority(terms.legal_basis);
  const UseCase use_case{"placement.create", by_la ? Action::ArrangePlacement : Action::CommissionPlacement,
                         "placement"};
  return run(s, a, use_case, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& pupil, AuditRecord& entry) {
               store::PlacementRecord p;
               p.pupil_id = pupil.record.id;
               p.school_id = pupil.record.school_id;
               p.terms = terms;
               p.status = domain::status_code(PlacementStatus::Draft);
               p.commissioner_id = by_la ? *a.local_authority_id : a.organisation_id;
               const auto provider_id = domain::parse_whole_number(trimmed(f.provider_id));
               if (!provider_id) throw Invalid("provider_id", "Select a provider from the directory");
               p.provider_id = *provider_id;
               check_terms(c, p.provider_id, p);
               const auto id = store::insert_placement(c, p, a.user_id, s.now_iso());
               auto detail = terms_json(p.terms);
               detail["provider_id"] = p.provider_id;
               entry.entity = "placement";
               entry.entity_id = id;
               entry.detail = detail.dump();
               return id;
             });
}

void change_placement(const Services& s, const Actor& a, std::int64_t placement_id, const PlacementForm& f) {
  manage_placement(
      s, a, "placement.update", placement_id, [&](store::Connection& c, store::PlacementRecord& p, AuditRecord& entry) {
        if (has_status(p, PlacementStatus::Active) || has_status(p, PlacementStatus::Ended))
          throw Invalid("start_date", "A placement that has started cannot be changed here: end it or review it");
        auto terms = cleaned(f.terms);
        // The legal basis decides who commissions: changing between a school's and an LA's is a new placement.
        if (domain::commissioned_by_local_authority(terms.legal_basis) !=
            domain::commissioned_by_local_authority(p.terms.legal_basis))
          throw Invalid("legal_basis", "To change who commissions the placement, end this one and start a new one");
        p.terms = terms;
        check_terms(c, p.provider_id, p);
        // Once the notice has gone, the start may not move earlier than it allows.
        if (p.notice_sent_on && domain::is_off_site_direction(p.terms.legal_basis)) {
          const auto sent = domain::parse_date(*p.notice_sent_on);
          const auto start = domain::parse_date(p.terms.start_date);
          if (sent && start)
            if (auto problem = domain::notice_problem(calendar_for_school(c, p.school_id), *sent, *start))
              throw Invalid("start_date", *problem);
        }
        store::update_placement_terms(c, p, s.now_iso());
        entry.detail = terms_json(p.terms).dump();
      });
}

PlacementView view_placement(const Services& s, const Actor& a, std::int64_t placement_id) {
  return run(s, a, {"placement.view", Action::ViewPlacement, "placement", true, true}, placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord&) {
               return placement_view_on(c, s, a, p);
             });
}

store::Page<store::PlacementRecord> list_placements(const Services& s, const Actor& a, const store::PageRequest& page) {
  return run(s, a, {"placement.list", Action::ListPlacements, "placement", true, true},
             [&](store::Connection& c, AuditRecord& entry) {
               store::Page<store::PlacementRecord> result;
               const auto listing = domain::placement_listing(principal_of(a));
               switch (listing.scope) {
                 case domain::ListScope::School:
                   result = store::placements_of_school(c, listing.id, page);
                   break;
                 case domain::ListScope::Area:
                   result = store::placements_in_area(c, listing.id, page);
                   break;
                 case domain::ListScope::Provider:
                   result = store::placements_at_provider(c, listing.id, page);
                   break;
                 default:
                   break;  // the policy refused it before the work began
               }
               nlohmann::json ids = nlohmann::json::array();
               for (const auto& p : result.items) ids.push_back(p.pupil_id);
               entry.detail = nlohmann::json{{"pupil_ids", ids}}.dump();
               return result;
             });
}

void agree_placement(const Services& s, const Actor& a, std::int64_t placement_id) {
  manage_placement(s, a, "placement.agree", placement_id,
                   [&](store::Connection& c, store::PlacementRecord& p, AuditRecord&) {
                     if (!has_status(p, PlacementStatus::Draft))
                       throw Invalid("status", "Only a draft placement can be agreed");
                     store::set_status(c, placement_id, PlacementStatus::Awaiting, s.now_iso());
                   });
}

void record_notice(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& sent_on,
                   const std::string& la_informed_on) {
  run(s, a, {"placement.notice", Action::ManagePlacement, "placement"}, placement_of(a, placement_id),
      [&](store::Connection& c, Subject<store::PlacementRecord>& subject, AuditRecord& entry) {
        const auto& p = subject.record;
        if (!domain::is_off_site_direction(p.terms.legal_basis))
          throw Invalid("notice_sent_on", "Only an off-site direction needs a written notice: record consent instead");
        if (!has_status(p, PlacementStatus::Awaiting))
          throw Invalid("notice_sent_on", "Agree the placement first, so the notice states its final terms");
        // The regulations say what the notice states: it cannot count as sent while it lacks any of it.
        if (const auto missing = notice_on(c, s, placement_view_on(c, s, a, subject)).missing; !missing.empty())
          throw Invalid("notice_sent_on", "The notice is not complete yet. It still needs " + missing.front());
        const auto today = s.today();
        const auto sent = required_date(sent_on, "notice_sent_on", "Date the notice was sent", today);
        const auto la = optional_date(la_informed_on, "la_informed_on", "Date the local authority was told", today);
        store::record_notice(c, placement_id, sent, la, s.now_iso());
        // Sent once: correcting the date later does not send the letter again.
        if (!p.notice_sent_on)
          send_letters(c, s, p.pupil_id, "direction_notice", placement_id,
                       "Notice of a direction to attend education off-site");
        entry.detail = nlohmann::json{{"sent_on", sent}, {"la_informed_on", la.value_or("")}}.dump();
      });
}

void record_consent(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& parent_on,
                    const std::string& parent_from, const std::string& parent_how, const std::string& authority_on) {
  manage_placement(
      s, a, "placement.consent", placement_id,
      [&](store::Connection& c, store::PlacementRecord& p, AuditRecord& entry) {
        if (domain::is_off_site_direction(p.terms.legal_basis))
          throw Invalid("parent_consent_on", "An off-site direction needs a written notice, not consent");
        if (!has_status(p, PlacementStatus::Awaiting))
          throw Invalid("parent_consent_on", "Agree the placement first, so the parents consent to its final terms");
        const auto today = s.today();
        const auto on = required_date(parent_on, "parent_consent_on", "Date the parents consented", today);
        const auto from = trimmed(parent_from);
        if (from.empty()) throw Invalid("parent_consent_from", "Enter the name of the parent or carer who consented");
        const auto how = trimmed(parent_how);
        if (how == "waypoint" || !domain::in_list(domain::consent_ways(), how))
          throw Invalid("parent_consent_how", "Select how the parent or carer gave their consent");
        const auto authority =
            optional_date(authority_on, "authority_consent_on", "Date the placing authority consented", today);
        store::record_consent(c, placement_id, on, from, authority, s.now_iso());
        // Kept beside the answers parents give in Waypoint, with the terms as they stood.
        const auto terms = consent_terms_on(c, s, p);
        store::insert_consent_answer(
            c, {0, placement_id, "given", how, from, std::nullopt, a.user_id, "", domain::consent_terms_text(terms),
                domain::consent_terms_version(terms), on, s.now_iso(), ""});
        entry.detail = nlohmann::json{{"parent_consent_on", on},
                                      {"parent_consent_how", how},
                                      {"authority_consent_on", authority.value_or("")}}
                           .dump();
      });
}

void start_placement(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& override_reason) {
  manage_placement(
      s, a, "placement.start", placement_id, [&](store::Connection& c, store::PlacementRecord& p, AuditRecord& entry) {
        if (!has_status(p, PlacementStatus::Awaiting))
          throw Invalid("status", has_status(p, PlacementStatus::Draft)
                                      ? "Agree the placement before it starts"
                                      : "This placement has already started or ended");
        const auto reason = trimmed(override_reason);
        const auto pupil = *store::find_pupil(c, p.pupil_id);
        const auto facts = activation_facts(c, s, p, pupil, reason);
        const auto blockers = domain::activation_blockers(facts, calendar_for_school(c, p.school_id));
        if (!blockers.empty()) {
          domain::FieldErrors errors;
          for (const auto& b : blockers) errors.push_back({b.field, b.message});
          throw Invalid(std::move(errors));
        }
        // The override is kept only when it lifted something.
        const auto plain = activation_facts(c, s, p, pupil, "");
        const bool overrode = !domain::activation_blockers(plain, calendar_for_school(c, p.school_id)).empty();
        const auto kept = overrode ? std::optional(reason) : std::nullopt;
        store::record_start(c, placement_id, domain::format_date(s.today()), kept, s.now_iso());
        if (overrode) entry.action = "placement.start_override";
        entry.detail = nlohmann::json{{"override_reason", kept.value_or("")},
                                      {"provider_standing", domain::standing_code(facts.provider_standing)}}
                           .dump();
      });
}

void end_placement(const Services& s, const Actor& a, std::int64_t placement_id, const domain::PlacementEnding& raw) {
  manage_placement(
      s, a, "placement.end", placement_id, [&](store::Connection& c, store::PlacementRecord& p, AuditRecord& entry) {
        if (has_status(p, PlacementStatus::Ended)) throw Invalid("end_reason", "This placement has already ended");
        domain::PlacementEnding e{trimmed(raw.ended_on), trimmed(raw.reason), trimmed(raw.destination),
                                  trimmed(raw.pupil_assessment), trimmed(raw.parent_view)};
        if (auto errors = domain::ending_problems(e, s.today()); !errors.empty()) throw Invalid(std::move(errors));
        // A placement that never started has nowhere to have gone.
        if (e.reason == "cancelled") e.destination = e.pupil_assessment = e.parent_view = "";
        store::record_end(c, placement_id, e.ended_on, e.reason, s.now_iso());
        store::record_ending(c, placement_id, e.destination, e.pupil_assessment, e.parent_view);
        entry.detail =
            nlohmann::json{{"ended_on", e.ended_on}, {"reason", e.reason}, {"destination", e.destination}}.dump();
      });
}

}  // namespace waypoint::app
