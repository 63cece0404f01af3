#pragma once
// The provider directory: search it, read a provider, add providers, sites and checks, and a
// school's own acceptance. Standing is recomputed whenever what it rests on changes.
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/providers/gias.hpp"
#include "domain/providers/provider_profile.hpp"
#include "domain/providers/provider_standing.hpp"
#include "store/kernel/audit_store.hpp"
#include "store/kernel/page.hpp"
#include "store/providers/evidence_store.hpp"
#include "store/providers/provider_store.hpp"

namespace waypoint::app {

struct DirectoryQuery {
  std::string kind, standing, key_stage, specialism, offers, delivery, name;
  bool has_capacity = false;
  bool only_own_units = false;  // the actor's school's own units alone
};

store::Page<store::DirectoryEntry> search_directory(const Services& s, const Actor& a, const DirectoryQuery& q,
                                                    const store::PageRequest& page);

// Every provider the query matches (up to 50,000), for export; the export is audited.
std::vector<store::DirectoryEntry> export_directory(const Services& s, const Actor& a, const DirectoryQuery& q,
                                                    const std::string& format);

// Checks that run out within the warning window, soonest first: across the LA officer's area, or
// for a school, at the providers where its pupils are placed.
store::Page<store::ExpiringCheck> checks_running_out(const Services& s, const Actor& a, const store::PageRequest& page);

struct ProviderView {
  domain::ProviderProfile profile;
  std::vector<domain::Site> sites;
  std::vector<store::CheckRecord> checks;
  domain::StandingResult standing;
  std::optional<store::Acceptance> school_acceptance;  // the actor's school's, for school staff
  std::vector<store::EvidenceFile> evidence;           // only for those who may download it
  bool can_manage = false;
  bool can_verify = false;
  bool can_submit = false;
  bool can_accept = false;
};

ProviderView view_provider(const Services& s, const Actor& a, std::int64_t provider_id);

// Who changed the entry, its sites and checks, and when: for anyone who may read the entry.
store::Page<store::ProviderChange> provider_history(const Services& s, const Actor& a, std::int64_t provider_id,
                                                    const store::PageRequest& page);

struct ProviderForm {
  std::string name, kind, urn, ukprn, ofsted_judgement, ofsted_date, contact_name, contact_email, contact_phone,
      age_from, age_to, delivery, capacity, cost, cost_unit, description, subjects, qualifications, courses;
  std::vector<std::string> key_stages, specialisms;
};

std::int64_t add_provider(const Services& s, const Actor& a, const ProviderForm& f);
// The LA officer of the provider's area edits the whole entry; the provider's manager edits its
// contacts and offer, but not the registration facts (kind, URN, UKPRN, Ofsted) the LA verifies.
void update_provider(const Services& s, const Actor& a, std::int64_t provider_id, const ProviderForm& f);
// The form as it stands, for editing.
ProviderForm provider_form_for(const Services& s, const Actor& a, std::int64_t provider_id);
// Whether the actor keeps the whole entry (its LA), rather than only its contacts and offer.
bool may_manage_provider(const Services& s, const Actor& a, std::int64_t provider_id);

struct SiteForm {
  std::string name, address, postcode, relationship;
};
std::int64_t add_site(const Services& s, const Actor& a, std::int64_t provider_id, const SiteForm& f);

struct EvidenceUpload {
  std::string filename;
  std::string bytes;
};

struct CheckForm {
  std::string check_type, site_id, outcome, completed_on, expires_on, notes;
  std::optional<EvidenceUpload> evidence;
};
// Recorded by an officer of the provider's own LA, a check is verified at once; submitted by the
// provider, it waits for that LA to verify it. Recorded by a school, it is the school's own
// acceptance of the provider (answered with the acceptance's id) and changes no standing.
std::int64_t record_check(const Services& s, const Actor& a, std::int64_t provider_id, const CheckForm& f);
// The check must belong to `provider_id`, as named in the address.
void verify_check(const Services& s, const Actor& a, std::int64_t provider_id, std::int64_t check_id);

struct EvidenceDownload {
  std::string filename;
  std::string content_type;
  std::string bytes;
};
// Evidence may name staff: only the provider itself, its LA and schools with an agreed or running
// placement there may download it. Every download is audited.
EvidenceDownload download_evidence(const Services& s, const Actor& a, std::int64_t provider_id, std::int64_t file_id);

struct ImportReport {
  int created = 0;
  int updated = 0;
  std::vector<domain::GiasSkippedRow> skipped;
};

// Imports a GIAS extract into the actor's local authority's directory, idempotent on URN: a
// provider already held is refreshed, not duplicated. Throws Invalid if the file cannot be read.
// `bytes` is empty when no file was chosen: refused by name, after the permission check.
ImportReport import_gias_extract(const Services& s, const Actor& a, std::optional<std::string_view> bytes);

// The standing rule applied to the provider's checks as of today (not approved if unknown).
domain::StandingResult current_standing(store::Connection& c, const Services& s, std::int64_t provider_id);

// Recomputes and stores a provider's standing after anything it rests on changed.
void refresh_provider_standing(store::Connection& c, const Services& s, std::int64_t provider_id);

void accept_provider(const Services& s, const Actor& a, std::int64_t provider_id, const std::string& notes);

// The provider's LA takes it out of the directory, with a reason, once no placement there is open:
// nobody is offered it again; its entry, checks and evidence are kept until retention's date.
void remove_from_directory(const Services& s, const Actor& a, std::int64_t provider_id, const std::string& reason);

}  // namespace waypoint::app
