#include "app/placements/parent_consent.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/school_news.hpp"
#include "app/placements/placements.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "domain/placements/consent.hpp"
#include "store/providers/provider_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {

std::vector<std::string> consent_terms_on(store::Connection& c, const Services& s, const store::PlacementRecord& p) {
  PlacementView v;
  v.placement = p;
  v.pupil = *store::find_pupil(c, p.pupil_id);
  v.provider = store::find_provider(c, p.provider_id);
  for (const auto& site : store::sites_of(c, p.provider_id))
    if (std::find(p.terms.site_ids.begin(), p.terms.site_ids.end(), site.id) != p.terms.site_ids.end())
      v.sites.push_back(site);
  return domain::consent_terms(notice_on(c, s, v).notice, domain::review_interval_of(p.terms));
}

ConsentView placement_consent(const Services& s, const Actor& a, std::int64_t placement_id) {
  return run(s, a, {"placement.consent_view", domain::Action::ViewPlacement, "placement"},
             placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord&) {
               if (domain::is_off_site_direction(p.record.terms.legal_basis)) throw NotFound();
               ConsentView v;
               v.placement = p.record;
               v.terms = consent_terms_on(c, s, p.record);
               v.version = domain::consent_terms_version(v.terms);
               v.answers = store::consent_answers_of(c, placement_id);
               v.can_answer = has_status(p.record, domain::PlacementStatus::Awaiting) &&
                              allowed(a, domain::Action::RespondAsParent, p.scope);
               return v;
             });
}

void answer_consent(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& answer,
                    const std::string& version_seen, const std::string& comment) {
  run(s, a, {"placement.consent_answer", domain::Action::RespondAsParent, "placement"}, placement_of(a, placement_id),
      [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord& entry) {
        if (domain::is_off_site_direction(p.record.terms.legal_basis)) throw NotFound();
        if (!has_status(p.record, domain::PlacementStatus::Awaiting))
          throw Invalid("answer", "This placement is no longer waiting for consent: contact the school");
        const auto terms = consent_terms_on(c, s, p.record);
        const auto version = domain::consent_terms_version(terms);
        const auto why = domain::trimmed(comment);
        if (auto errors = domain::consent_answer_problems(answer, domain::trimmed(version_seen), version, why);
            !errors.empty())
          throw Invalid(std::move(errors));
        const auto today = domain::format_date(s.today());
        store::insert_consent_answer(c, {0, placement_id, answer, "waypoint", a.display_name, a.user_id, a.user_id, why,
                                         domain::consent_terms_text(terms), version, today, s.now_iso(), ""});
        if (answer == "given")
          store::record_consent(c, placement_id, today, a.display_name, p.record.authority_consent_on, s.now_iso());
        else
          store::clear_parent_consent(c, placement_id, s.now_iso());
        // The school sees the answer at once: its AP lead and head teacher are e-mailed a link.
        tell_school(c, s, p.record.school_id, domain::SchoolNews::ConsentAnswered,
                    "/placements/" + std::to_string(placement_id) + "/consent");
        entry.detail = nlohmann::json{{"answer", answer}, {"terms_version", version}}.dump();
      });
}

}  // namespace waypoint::app
