#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "app/calendar/school_calendars.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/errors.hpp"
#include "app/letters/letters.hpp"
#include "app/placements/placements.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/time.hpp"
#include "domain/placements/timetable.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/placements/timetable_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {

NoticeView direction_notice(const Services& s, const Actor& a, std::int64_t placement_id) {
  return run(s, a, {"placement.view", domain::Action::ViewPlacement, "placement"}, placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord&) {
               if (!domain::is_off_site_direction(p.record.terms.legal_basis)) throw NotFound();
               auto v = notice_on(c, s, placement_view_on(c, s, a, p));
               v.acknowledgements = store::acknowledgements_of(c, placement_id);
               letters_read(c, s, a, "direction_notice", placement_id);
               const auto& sent = p.record.notice_sent_on;
               v.can_acknowledge =
                   sent && allowed(a, domain::Action::RespondAsParent, p.scope) &&
                   std::none_of(v.acknowledgements.begin(), v.acknowledgements.end(),
                                [&](const auto& x) { return x.user_id == a.user_id && x.notice_sent_on == *sent; });
               return v;
             });
}

void acknowledge_notice(const Services& s, const Actor& a, std::int64_t placement_id) {
  run(s, a, {"placement.notice_acknowledge", domain::Action::RespondAsParent, "placement"},
      placement_of(a, placement_id), [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord& entry) {
        if (!domain::is_off_site_direction(p.record.terms.legal_basis)) throw NotFound();
        const auto& sent = p.record.notice_sent_on;
        if (!sent) throw Invalid("notice", "The school has not sent this notice yet");
        store::acknowledge_notice(c, placement_id, a.user_id, *sent, s.now_iso());
        entry.detail = nlohmann::json{{"notice_sent_on", *sent}}.dump();
      });
}

NoticeView notice_on(store::Connection& c, const Services& s, const PlacementView& v) {
  const auto& p = v.placement;
  domain::DirectionNotice n;
  n.placement_id = p.id;
  n.date_of_notice = p.notice_sent_on.value_or(domain::format_date(s.today()));
  n.school_name = p.school_name;
  n.pupil_name = v.pupil.given_name + " " + v.pupil.family_name;
  n.pupil_date_of_birth = v.pupil.date_of_birth;
  n.provider_name = p.provider_name;
  for (const auto& site : v.sites) n.provider_addresses.push_back({site.name, site.address + ", " + site.postcode});
  if (v.sites.empty() && v.provider && v.provider->delivery == domain::Delivery::Online)
    n.provider_addresses.push_back({p.provider_name, "Taught online, at home"});
  n.report_to = p.terms.report_to;
  n.first_day = p.terms.start_date;
  n.planned_last_day = p.terms.planned_end_date;
  n.reasons = std::string(domain::label_of(domain::placement_reasons(), p.terms.reason)) +
              (p.terms.reason_detail.empty() ? "" : ": " + p.terms.reason_detail);
  n.objectives = p.terms.objectives;
  n.breaks = p.terms.breaks;
  n.copy_to_local_authority = v.pupil.has_ehc_plan();
  {
    const auto dob = domain::parse_date(v.pupil.date_of_birth);
    const bool adult = dob && std::chrono::sys_days(*dob + std::chrono::years(18)) <= std::chrono::sys_days(s.today());
    if (adult)
      n.addressed_to.push_back(n.pupil_name);
    else
      for (const auto& k : store::list_contacts(c, p.pupil_id))
        if (k.is_parent_or_carer() && k.parental_responsibility)
          n.addressed_to.push_back(k.name + (k.address.empty() ? "" : ", " + k.address));
    std::set<unsigned> days;
    std::map<unsigned, std::string> times;
    for (const auto& row : store::slots_of_placement(c, p.id)) {
      const auto iso = row.slot.day.iso_encoding();
      days.insert(iso);
      auto& t = times[iso];
      t += (t.empty() ? "" : ", ") + domain::format_clock(row.slot.start_minute) + " to " +
           domain::format_clock(row.slot.end_minute);
    }
    for (const auto& [iso, t] : times) n.sessions.push_back({domain::weekday_name(std::chrono::weekday(iso % 7)), t});
    n.days_per_week = static_cast<int>(days.size());
    const auto first = domain::parse_date(p.terms.start_date);
    const auto last = domain::parse_date(p.terms.planned_end_date);
    if (first && last) {
      n.school_days_in_all = domain::school_days_on(calendar_for_school(c, p.school_id), *first, *last, days);
    }
    if (auto school = store::find_organisation(c, p.school_id); school && school->parent_id)
      if (auto la = store::find_organisation(c, *school->parent_id)) n.local_authority_name = la->name;
  }
  return {n, domain::missing_from_notice(n), {}, false};
}

}  // namespace waypoint::app
