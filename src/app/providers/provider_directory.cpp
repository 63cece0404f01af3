#include "app/providers/provider_directory.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/identifiers.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/kernel/text_rules.hpp"
#include "domain/providers/evidence.hpp"
#include "store/accounts/organisation_store.hpp"

namespace waypoint::app {
namespace {

using domain::trimmed;

using std::chrono::year_month_day;

std::optional<std::string> optional_text(const std::string& v) {
  auto t = trimmed(v);
  return t.empty() ? std::nullopt : std::optional(t);
}

// An optional whole number from a form field, with a message naming the field when it is not one.
std::optional<int> optional_number(const std::string& v, const char* field, const char* message,
                                   domain::FieldErrors& errors) {
  const auto t = trimmed(v);
  if (t.empty()) return std::nullopt;
  const auto n = domain::parse_whole_number(t);
  if (!n || *n > 1000000) {
    errors.push_back({field, message});
    return std::nullopt;
  }
  return static_cast<int>(*n);
}

// The standing rule applied to what the store holds for one provider, as of today.
domain::StandingResult standing_of(const Services& s, const domain::ProviderProfile& profile,
                                   const std::vector<domain::Site>& sites,
                                   const std::vector<store::CheckRecord>& checks) {
  domain::StandingInput in;
  in.kind = profile.kind;
  in.teaches_in_person = profile.delivery != domain::Delivery::Online;
  for (const auto& site : sites) in.sites.push_back({site.id, site.name});
  for (const auto& rec : checks) in.checks.push_back(rec.check);
  return domain::provider_standing(in, s.today(), s.settings.expiry_warning_days);
}

}  // namespace

domain::StandingResult current_standing(store::Connection& c, const Services& s, std::int64_t provider_id) {
  const auto profile = store::find_provider(c, provider_id);
  if (!profile) return {};
  return standing_of(s, *profile, store::sites_of(c, provider_id), store::checks_of(c, provider_id));
}

void refresh_provider_standing(store::Connection& c, const Services& s, std::int64_t provider_id) {
  const auto profile = store::find_provider(c, provider_id);
  if (!profile) return;
  const auto result = standing_of(s, *profile, store::sites_of(c, provider_id), store::checks_of(c, provider_id));
  store::save_standing(c, provider_id, result.standing,
                       result.holds_until ? std::optional(domain::format_date(*result.holds_until)) : std::nullopt);
}

namespace {

// A new provider in the actor's local authority's directory: its organisation, then its profile.
std::int64_t insert_provider_entry(store::Connection& c, const Actor& a, domain::ProviderProfile& profile,
                                   const std::string& now) {
  domain::Organisation org;
  org.kind = domain::OrganisationKind::Provider;
  org.name = profile.name;
  org.parent_id = a.local_authority_id;
  org.urn = profile.urn;
  org.ukprn = profile.ukprn;
  profile.id = store::insert_organisation(c, org, now);
  store::insert_provider(c, profile, now);
  return profile.id;
}

// The error summary should read in the order the provider form asks.
domain::FieldErrors in_form_order(domain::FieldErrors errors) {
  static const std::vector<std::string> form_order = {
      "name",         "kind",          "urn",           "ukprn",    "ofsted_judgement", "ofsted_date",
      "contact_name", "contact_email", "contact_phone", "age_from", "age_to",           "key_stages",
      "specialisms",  "delivery",      "capacity",      "cost",     "cost_unit"};
  const auto rank = [&](const domain::FieldError& e) {
    return std::find(form_order.begin(), form_order.end(), e.field) - form_order.begin();
  };
  std::stable_sort(errors.begin(), errors.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  return errors;
}

domain::ProviderProfile profile_from(const ProviderForm& f, domain::FieldErrors& errors) {
  domain::ProviderProfile p;
  p.name = trimmed(f.name);
  if (auto kind = domain::parse_provider_kind(f.kind))
    p.kind = *kind;
  else
    errors.push_back({"kind", "Select the kind of provider"});
  p.urn = optional_text(f.urn);
  p.ukprn = optional_text(f.ukprn);
  p.ofsted_judgement = optional_text(f.ofsted_judgement);
  p.ofsted_date = optional_text(f.ofsted_date);
  p.contact_name = trimmed(f.contact_name);
  p.contact_email = trimmed(f.contact_email);
  p.contact_phone = trimmed(f.contact_phone);
  p.age_from = optional_number(f.age_from, "age_from", "Youngest age must be a whole number, like 11", errors);
  p.age_to = optional_number(f.age_to, "age_to", "Oldest age must be a whole number, like 16", errors);
  if (auto d = domain::parse_delivery(f.delivery))
    p.delivery = *d;
  else
    errors.push_back({"delivery", "Select how the provider teaches"});
  p.capacity = optional_number(f.capacity, "capacity", "Places must be a whole number, like 12", errors);
  if (const auto cost = trimmed(f.cost); !cost.empty()) {
    p.cost_pence = domain::parse_pounds(cost);
    if (!p.cost_pence) errors.push_back({"cost", "Cost must be an amount in pounds, like 95 or 95.50"});
  }
  p.cost_unit = optional_text(f.cost_unit);
  p.description = trimmed(f.description).substr(0, 2000);
  p.key_stages = f.key_stages;
  p.specialisms = f.specialisms;
  p.subjects = domain::split_list(f.subjects);
  p.qualifications = domain::split_list(f.qualifications);
  p.courses = domain::split_list(f.courses);
  return p;
}

}  // namespace

namespace {

using domain::Action;

// A provider and the facts the policy decides on: its LA, and whether the actor's school has an
// agreed or running placement there.
std::optional<Subject<domain::ProviderProfile>> provider_subject(store::Connection& c, const Actor& a,
                                                                 std::int64_t provider_id) {
  auto profile = store::find_provider(c, provider_id);
  if (!profile) return std::nullopt;
  Subject<domain::ProviderProfile> subject{std::move(*profile), {}, provider_id, std::nullopt};
  subject.scope.provider_id = provider_id;
  subject.scope.local_authority_id = store::provider_local_authority(c, provider_id);
  subject.scope.actor_school_places_there = store::school_places_pupils_at(c, a.organisation_id, provider_id);
  return subject;
}

auto provider(const Actor& a, std::int64_t provider_id) {
  return [&a, provider_id](store::Connection& c) { return provider_subject(c, a, provider_id); };
}

store::Page<store::DirectoryEntry> search(store::Connection& c, const Services& s, const Actor& a,
                                          const DirectoryQuery& q, const store::PageRequest& page) {
  store::DirectoryFilter f;
  f.units_of_school = a.organisation_id;  // a school sees its own units beside the directory
  f.only_units = q.only_own_units;
  // Unknown filter values are ignored rather than refused: they come from links and checkboxes.
  if (domain::parse_provider_kind(q.kind)) f.kind = q.kind;
  if (domain::parse_standing(q.standing)) f.standing = q.standing;
  if (!q.key_stage.empty()) f.key_stage = q.key_stage;
  if (!q.specialism.empty()) f.specialism = q.specialism;
  f.offers = optional_text(q.offers);
  if (q.delivery == "in_person" || q.delivery == "online") f.delivery = q.delivery;
  f.has_capacity = q.has_capacity;
  f.name = optional_text(q.name);
  return store::search_directory(c, f, domain::format_date(s.today()), page);
}

// A school's record of a check on a provider is its own due diligence: it counts as that school's
// acceptance of the provider and changes nothing any other school or the LA relies on.
std::int64_t record_school_check(store::Connection& c, const Services& s, const Actor& a, std::int64_t provider_id,
                                 const CheckForm& f, AuditRecord& entry) {
  domain::FieldErrors errors;
  const auto type = domain::parse_check_type(f.check_type);
  if (!type) errors.push_back({"check_type", "Select the check"});
  const auto outcome = domain::parse_check_outcome(f.outcome);
  if (!outcome) errors.push_back({"outcome", "Select the outcome"});
  const auto completed = domain::parse_date(trimmed(f.completed_on));
  if (!completed) errors.push_back({"completed_on", "Date of the check must be a real date, like 2026-09-01"});
  if (f.evidence)
    errors.push_back({"evidence", "Evidence files are the provider's own: ask the provider or its local authority"});
  if (!errors.empty()) throw Invalid(errors);
  auto notes =
      std::string(domain::check_type_info(*type).label) + ": " + f.outcome + " on " + domain::date_text(*completed);
  if (const auto more = trimmed(f.notes); !more.empty()) notes += ". " + more;
  const auto id = store::insert_acceptance(c, a.organisation_id, provider_id, a.user_id, domain::format_date(s.today()),
                                           notes.substr(0, 2000));
  entry.action = "provider.accept";
  entry.entity = "provider";
  entry.detail = nlohmann::json{{"acceptance_id", id}, {"check_type", f.check_type}, {"outcome", f.outcome}}.dump();
  return id;
}

}  // namespace

store::Page<store::DirectoryEntry> search_directory(const Services& s, const Actor& a, const DirectoryQuery& q,
                                                    const store::PageRequest& page) {
  const UseCase use_case{"provider.search", Action::BrowseDirectory, "provider", false};
  return run(s, a, use_case, [&](store::Connection& c, AuditRecord&) { return search(c, s, a, q, page); });
}

std::vector<store::DirectoryEntry> export_directory(const Services& s, const Actor& a, const DirectoryQuery& q,
                                                    const std::string& format) {
  return run(s, a, {"provider.export", Action::BrowseDirectory, "provider"},
             [&](store::Connection& c, AuditRecord& entry) {
               auto all = search(c, s, a, q, {1, 50000});
               entry.detail = nlohmann::json{{"format", format}, {"rows", all.items.size()}}.dump();
               return std::move(all.items);
             });
}

store::Page<store::ExpiringCheck> checks_running_out(const Services& s, const Actor& a,
                                                     const store::PageRequest& page) {
  // The LA officer who keeps the directory sees the area's; a school sees those of the providers
  // where its pupils are placed.
  const auto from = domain::format_date(s.today());
  const auto until = domain::format_date(
      year_month_day{std::chrono::sys_days(s.today()) + std::chrono::days(s.settings.expiry_warning_days)});
  const auto area = allowed(a, Action::AddProvider) ? a.local_authority_id : std::nullopt;
  const UseCase use_case{"provider.checks_running_out", Action::SeeChecksRunningOut, "provider", false};
  return run(s, a, use_case, [&](store::Connection& c, AuditRecord&) {
    return area ? store::expiring_checks(c, *area, from, until, page)
                : store::expiring_checks_for_school(c, a.organisation_id, from, until, page);
  });
}

ProviderView view_provider(const Services& s, const Actor& a, std::int64_t provider_id) {
  const UseCase use_case{"provider.view", Action::ViewProvider, "provider", false};
  auto v = run(s, a, use_case, provider(a, provider_id),
               [&](store::Connection& c, Subject<domain::ProviderProfile>& p, AuditRecord&) {
                 ProviderView v;
                 v.profile = std::move(p.record);
                 v.sites = store::sites_of(c, provider_id);
                 v.checks = store::checks_of(c, provider_id);
                 v.can_manage = allowed(a, Action::ManageProvider, p.scope);
                 v.can_verify = allowed(a, Action::VerifyChecks, p.scope);
                 v.can_submit = allowed(a, Action::SubmitEvidence, p.scope);
                 v.can_accept = allowed(a, Action::AcceptProvider, p.scope);
                 v.school_acceptance = store::latest_acceptance(c, a.organisation_id, provider_id);
                 if (allowed(a, Action::DownloadEvidence, p.scope))
                   v.evidence = store::evidence_of_provider(c, provider_id);
                 return v;
               });
  v.standing = standing_of(s, v.profile, v.sites, v.checks);
  return v;
}

store::Page<store::ProviderChange> provider_history(const Services& s, const Actor& a, std::int64_t provider_id,
                                                    const store::PageRequest& page) {
  const UseCase use_case{"provider.history", Action::ViewProvider, "provider", false};
  return run(s, a, use_case, provider(a, provider_id),
             [&](store::Connection& c, Subject<domain::ProviderProfile>&, AuditRecord&) {
               return store::provider_history(c, provider_id, page);
             });
}

std::int64_t add_provider(const Services& s, const Actor& a, const ProviderForm& f) {
  return run(s, a, {"provider.create", Action::AddProvider, "provider"}, [&](store::Connection& c, AuditRecord& entry) {
    domain::FieldErrors parse_errors;
    auto profile = profile_from(f, parse_errors);
    auto errors = domain::provider_profile_problems(profile, s.today());
    errors.insert(errors.end(), parse_errors.begin(), parse_errors.end());
    if (profile.urn && !domain::urn_problem(*profile.urn) && store::find_organisation_by_urn(c, *profile.urn))
      errors.push_back({"urn", "Another organisation already has URN " + *profile.urn});
    if (!errors.empty()) throw Invalid(in_form_order(std::move(errors)));
    const auto id = insert_provider_entry(c, a, profile, s.now_iso());
    refresh_provider_standing(c, s, id);
    entry.entity_id = id;
    entry.detail = nlohmann::json{{"name", profile.name}, {"kind", f.kind}}.dump();
    return id;
  });
}

bool may_manage_provider(const Services& s, const Actor& a, std::int64_t provider_id) {
  return may(s, a, Action::ManageProvider, provider(a, provider_id));
}

ProviderForm provider_form_for(const Services& s, const Actor& a, std::int64_t provider_id) {
  const UseCase use_case{"provider.edit_form", Action::EditProviderDetails, "provider", false};
  const auto p = run(s, a, use_case, provider(a, provider_id),
                     [](store::Connection&, Subject<domain::ProviderProfile>& p, AuditRecord&) { return p.record; });
  auto number = [](const std::optional<int>& n) { return n ? std::to_string(*n) : std::string(); };
  auto joined = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
    return out;
  };
  const auto cost = p.cost_pence ? domain::format_pounds(*p.cost_pence) : std::string();
  return {p.name,
          std::string(domain::provider_kind_info(p.kind).code),
          p.urn.value_or(""),
          p.ukprn.value_or(""),
          p.ofsted_judgement.value_or(""),
          p.ofsted_date.value_or(""),
          p.contact_name,
          p.contact_email,
          p.contact_phone,
          number(p.age_from),
          number(p.age_to),
          std::string(domain::delivery_code(p.delivery)),
          number(p.capacity),
          cost,
          p.cost_unit.value_or(""),
          p.description,
          joined(p.subjects),
          joined(p.qualifications),
          joined(p.courses),
          p.key_stages,
          p.specialisms};
}

void update_provider(const Services& s, const Actor& a, std::int64_t provider_id, const ProviderForm& f) {
  run(s, a, {"provider.update", Action::EditProviderDetails, "provider"}, provider(a, provider_id),
      [&](store::Connection& c, Subject<domain::ProviderProfile>& subject, AuditRecord& entry) {
        const auto& current = subject.record;
        const bool manager = allowed(a, Action::ManageProvider, subject.scope);
        domain::FieldErrors parse_errors;
        auto profile = profile_from(f, parse_errors);
        profile.id = provider_id;
        profile.unit_of_school = current.unit_of_school;
        if (!manager) {  // registration facts stay as the LA verified them
          profile.name = current.name;
          profile.kind = current.kind;
          profile.urn = current.urn;
          profile.ukprn = current.ukprn;
          profile.ofsted_judgement = current.ofsted_judgement;
          profile.ofsted_date = current.ofsted_date;
          parse_errors.erase(
              std::remove_if(parse_errors.begin(), parse_errors.end(), [](const auto& e) { return e.field == "kind"; }),
              parse_errors.end());
        }
        auto errors = domain::provider_profile_problems(profile, s.today());
        errors.insert(errors.end(), parse_errors.begin(), parse_errors.end());
        if (profile.urn && profile.urn != current.urn && !domain::urn_problem(*profile.urn)) {
          if (auto other = store::find_organisation_by_urn(c, *profile.urn); other && other->id != provider_id)
            errors.push_back({"urn", "Another organisation already has URN " + *profile.urn});
        }
        if (!errors.empty()) throw Invalid(in_form_order(std::move(errors)));
        store::update_provider(c, profile, s.now_iso());
        refresh_provider_standing(c, s, provider_id);
        entry.detail = nlohmann::json{{"name", profile.name},
                                      {"kind", std::string(domain::provider_kind_info(profile.kind).code)},
                                      {"changed", domain::changed_fields(current, profile)}}
                           .dump();
      });
}

std::int64_t add_site(const Services& s, const Actor& a, std::int64_t provider_id, const SiteForm& f) {
  domain::Site site{0, provider_id, trimmed(f.name), trimmed(f.address), trimmed(f.postcode), f.relationship};
  return run(
      s, a, {"provider.site_add", Action::ManageProvider, "provider_site"}, provider(a, provider_id),
      [&](store::Connection& c, Subject<domain::ProviderProfile>&, AuditRecord& entry) {
        const auto errors = domain::site_problems(site);
        if (!errors.empty()) throw Invalid(errors);
        const auto id = store::insert_site(c, site, s.now_iso());
        refresh_provider_standing(c, s, provider_id);
        entry.entity_id = id;
        entry.detail =
            nlohmann::json{{"provider_id", provider_id}, {"name", site.name}, {"postcode", site.postcode}}.dump();
        return id;
      });
}

std::int64_t record_check(const Services& s, const Actor& a, std::int64_t provider_id, const CheckForm& f) {
  // Whose record it becomes decides the action asked for: the LA verifies, the provider submits,
  // a school records its own acceptance.
  const bool verifier = may(s, a, Action::VerifyChecks, provider(a, provider_id));
  const bool school_own = !verifier && allowed(a, Action::AcceptProvider);
  const UseCase use_case = verifier     ? UseCase{"provider.check_record", Action::VerifyChecks, "provider_check"}
                           : school_own ? UseCase{"provider.accept", Action::AcceptProvider, "provider"}
                                        : UseCase{"provider.evidence_submit", Action::SubmitEvidence, "provider_check"};
  return run(
      s, a, use_case, provider(a, provider_id),
      [&](store::Connection& c, Subject<domain::ProviderProfile>&, AuditRecord& entry) -> std::int64_t {
        if (school_own) return record_school_check(c, s, a, provider_id, f, entry);
        domain::FieldErrors errors;
        domain::ProviderCheck check;
        check.verified = verifier;
        const auto type = domain::parse_check_type(f.check_type);
        if (!type)
          errors.push_back({"check_type", "Select the check"});
        else
          check.type = *type;
        if (type && domain::check_type_info(*type).per_site) {
          const auto sites = store::sites_of(c, provider_id);
          const auto site_id = domain::parse_whole_number(f.site_id);
          const bool known =
              site_id && std::any_of(sites.begin(), sites.end(), [&](const auto& x) { return x.id == *site_id; });
          if (!known)
            errors.push_back({"site_id", "Select the site this risk assessment is for"});
          else
            check.site_id = site_id;
        }
        if (auto o = domain::parse_check_outcome(f.outcome))
          check.outcome = *o;
        else
          errors.push_back({"outcome", "Select the outcome"});
        const auto completed = domain::parse_date(trimmed(f.completed_on));
        if (!completed)
          errors.push_back({"completed_on", "Date of the check must be a real date, like 2026-09-01"});
        else if (std::chrono::sys_days(*completed) > std::chrono::sys_days(s.today()))
          errors.push_back({"completed_on", "Date of the check must be today or in the past"});
        else
          check.completed_on = *completed;
        if (trimmed(f.expires_on).empty()) {
          // Left blank: the check type's usual validity from the day of the check.
          if (completed && type)
            check.expires_on = domain::default_expiry(*type, *completed, s.settings.check_validity);
        } else if (auto expires = domain::parse_date(trimmed(f.expires_on))) {
          if (completed && std::chrono::sys_days(*expires) < std::chrono::sys_days(*completed))
            errors.push_back({"expires_on", "Valid until must be on or after the date of the check"});
          check.expires_on = *expires;
        } else {
          errors.push_back({"expires_on", "Valid until must be a real date, like 2027-08-31"});
        }
        if (f.evidence) {
          if (auto problem = domain::evidence_file_problem(f.evidence->filename, f.evidence->bytes,
                                                           s.settings.evidence_limit_bytes))
            errors.push_back({"evidence", *problem});
        }
        if (!errors.empty()) throw Invalid(errors);
        const auto id =
            store::insert_check(c, provider_id, check, trimmed(f.notes).substr(0, 2000), a.user_id, s.now_iso());
        if (f.evidence)
          store::insert_evidence_file(c, id, domain::safe_filename(f.evidence->filename),
                                      *domain::sniff_evidence_type(f.evidence->bytes), f.evidence->bytes, a.user_id,
                                      s.now_iso());
        refresh_provider_standing(c, s, provider_id);
        entry.entity_id = id;
        entry.detail =
            nlohmann::json{{"provider_id", provider_id}, {"check_type", f.check_type}, {"outcome", f.outcome}}.dump();
        return id;
      });
}

void verify_check(const Services& s, const Actor& a, std::int64_t named_provider, std::int64_t check_id) {
  const auto check = [&](store::Connection& c) -> std::optional<Subject<domain::ProviderProfile>> {
    const auto provider_id = store::provider_of_check(c, check_id);
    if (!provider_id || *provider_id != named_provider) return std::nullopt;
    auto subject = provider_subject(c, a, *provider_id);
    if (subject) subject->entity_id = check_id;
    return subject;
  };
  run(s, a, {"provider.check_verify", Action::VerifyChecks, "provider_check"}, check,
      [&](store::Connection& c, Subject<domain::ProviderProfile>&, AuditRecord& entry) {
        store::mark_check_verified(c, check_id, a.user_id, s.now_iso());
        refresh_provider_standing(c, s, named_provider);
        entry.detail = nlohmann::json{{"provider_id", named_provider}}.dump();
      });
}

EvidenceDownload download_evidence(const Services& s, const Actor& a, std::int64_t provider_id, std::int64_t file_id) {
  std::optional<store::EvidenceFile> file;
  const auto evidence = [&](store::Connection& c) -> std::optional<Subject<domain::ProviderProfile>> {
    file = store::find_evidence_file(c, file_id);
    if (!file || file->provider_id != provider_id) return std::nullopt;
    auto subject = provider_subject(c, a, provider_id);
    if (subject) subject->entity_id = file_id;
    return subject;
  };
  return run(
      s, a, {"provider.evidence_download", Action::DownloadEvidence, "provider_check_file"}, evidence,
      [&](store::Connection& c, Subject<domain::ProviderProfile>&, AuditRecord& entry) {
        entry.detail = nlohmann::json{{"provider_id", provider_id}, {"content_hash", file->content_hash}}.dump();
        return EvidenceDownload{file->filename, file->content_type, store::evidence_bytes(c, file->content_hash)};
      });
}

ImportReport import_gias_extract(const Services& s, const Actor& a, std::optional<std::string_view> bytes) {
  return run(
      s, a, {"provider.import_gias", Action::ImportProviders, "provider"},
      [&](store::Connection& c, AuditRecord& entry) {
        if (!bytes) throw Invalid("file", "Select a GIAS extract to import");
        const auto extract = domain::read_gias_extract(*bytes);
        if (extract.problem) throw Invalid("file", *extract.problem);
        ImportReport report;
        report.skipped = extract.skipped;
        nlohmann::json created = nlohmann::json::array();
        nlohmann::json updated = nlohmann::json::array();
        const auto now = s.now_iso();
        for (const auto& e : extract.establishments) {
          auto existing = store::find_organisation_by_urn(c, e.urn);
          if (existing && existing->kind != domain::OrganisationKind::Provider) {
            report.skipped.push_back(
                {e.line, e.urn, "URN " + e.urn + " belongs to " + existing->name + ", which is not a provider"});
            continue;
          }
          // Another LA's provider is that LA's to keep, whatever its URN.
          if (existing && !allowed(a, Action::ManageProvider, provider_subject(c, a, existing->id)->scope)) {
            report.skipped.push_back({e.line, e.urn,
                                      "URN " + e.urn + " is " + existing->name +
                                          ", in another local authority's directory: it was left as it is"});
            continue;
          }
          std::int64_t id = 0;
          if (existing) {
            id = existing->id;
            store::update_provider_registration(c, id, e.name, e.ukprn, e.kind, now);
            ++report.updated;
            updated.push_back(e.urn);
          } else {
            domain::ProviderProfile profile;
            profile.name = e.name;
            profile.kind = e.kind;
            profile.urn = e.urn;
            profile.ukprn = e.ukprn;
            id = insert_provider_entry(c, a, profile, now);
            ++report.created;
            created.push_back(e.urn);
          }
          // The establishment's address is its main site, added once.
          if (e.postcode) {
            const auto sites = store::sites_of(c, id);
            const bool known =
                std::any_of(sites.begin(), sites.end(), [&](const auto& x) { return x.postcode == *e.postcode; });
            if (!known) {
              const auto address = e.street + (e.street.empty() || e.town.empty() ? "" : ", ") + e.town;
              store::insert_site(c, {0, id, e.name, address.empty() ? e.name : address, *e.postcode, "main"}, now);
            }
          }
          refresh_provider_standing(c, s, id);
        }
        std::sort(report.skipped.begin(), report.skipped.end(),
                  [](const auto& x, const auto& y) { return x.line < y.line; });
        entry.detail =
            nlohmann::json{{"created", created}, {"updated", updated}, {"skipped", report.skipped.size()}}.dump();
        return report;
      });
}

void accept_provider(const Services& s, const Actor& a, std::int64_t provider_id, const std::string& notes) {
  run(s, a, {"provider.accept", Action::AcceptProvider, "provider"}, provider(a, provider_id),
      [&](store::Connection& c, Subject<domain::ProviderProfile>&, AuditRecord&) {
        store::insert_acceptance(c, a.organisation_id, provider_id, a.user_id, domain::format_date(s.today()),
                                 trimmed(notes).substr(0, 2000));
      });
}

void remove_from_directory(const Services& s, const Actor& a, std::int64_t provider_id, const std::string& reason) {
  run(s, a, {"provider.leave_directory", Action::ManageProvider, "provider"}, provider(a, provider_id),
      [&](store::Connection& c, Subject<domain::ProviderProfile>& subject, AuditRecord& entry) {
        const auto why = trimmed(reason);
        domain::FieldErrors errors;
        if (subject.record.left_directory_on)
          errors.push_back({"leave_reason", subject.record.name + " left the directory on " +
                                                domain::date_text(*subject.record.left_directory_on)});
        else if (why.empty())
          errors.push_back({"leave_reason", "Say why the provider is leaving the directory, like closed in July"});
        else if (auto problem = domain::text_problem("leave_reason", why))
          errors.push_back({"leave_reason", *problem});
        else if (const auto placed = store::current_placements_at(c, provider_id); placed > 0)
          errors.push_back(
              {"leave_reason", std::to_string(placed) + (placed == 1 ? " placement is" : " placements are") +
                                   " not yet ended there: end or move them before it leaves the directory"});
        if (!errors.empty()) throw Invalid(errors);
        store::mark_left_directory(c, provider_id, domain::format_date(s.today()), why, s.now_iso());
        entry.detail = nlohmann::json{{"reason", why}}.dump();
      });
}

}  // namespace waypoint::app
