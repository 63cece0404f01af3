#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/providers/provider_profile.hpp"
#include "domain/providers/provider_standing.hpp"
#include "store/kernel/database.hpp"
#include "store/kernel/page.hpp"

namespace waypoint::store {

// Profile rows; the provider's organisation row (name, URN, UKPRN) is written by the caller first.
void insert_provider(Connection& c, const domain::ProviderProfile& p, const std::string& now);
void update_provider(Connection& c, const domain::ProviderProfile& p, const std::string& now);
// What a GIAS import refreshes on a provider it already holds.
void update_provider_registration(Connection& c, std::int64_t id, const std::string& name,
                                  const std::optional<std::string>& ukprn, domain::ProviderKind kind,
                                  const std::string& now);
std::optional<domain::ProviderProfile> find_provider(Connection& c, std::int64_t id);
// Takes the provider out of the directory: lists and searches no longer offer it.
void mark_left_directory(Connection& c, std::int64_t provider_id, const std::string& on, const std::string& reason,
                         const std::string& now);
// Placements at the provider not yet ended: drafts, awaiting a start, or active.
std::int64_t current_placements_at(Connection& c, std::int64_t provider_id);
// The local authority whose directory holds the provider.
std::optional<std::int64_t> provider_local_authority(Connection& c, std::int64_t provider_id);

// The standing of the providers row `providers` (an alias) on the day in parameter `today` ("$1"): an
// approved standing read after the last day it holds is lapsed, so no job has to run at midnight.
std::string standing_now(const std::string& providers, const std::string& today);

void save_standing(Connection& c, std::int64_t provider_id, domain::Standing standing,
                   const std::optional<std::string>& holds_until);

std::int64_t insert_site(Connection& c, const domain::Site& s, const std::string& now);
std::vector<domain::Site> sites_of(Connection& c, std::int64_t provider_id);
// What sites_of reads, into `out`, to send with other reads (Connection::each_row_together).
Read sites_of_read(std::int64_t provider_id, std::vector<domain::Site>& out);

struct CheckRecord {
  std::int64_t id = 0;
  domain::ProviderCheck check;
  std::string notes;
  std::string recorded_by;  // name
  std::string recorded_at;
  std::string verified_by;  // name, empty until verified
  std::string verified_at;
};

std::int64_t insert_check(Connection& c, std::int64_t provider_id, const domain::ProviderCheck& check,
                          const std::string& notes, std::int64_t recorded_by, const std::string& now);
void mark_check_verified(Connection& c, std::int64_t check_id, std::int64_t user_id, const std::string& now);
std::optional<std::int64_t> provider_of_check(Connection& c, std::int64_t check_id);
// Newest first.
std::vector<CheckRecord> checks_of(Connection& c, std::int64_t provider_id);

struct Acceptance {
  std::string accepted_on;
  std::string accepted_by;  // name
  std::string notes;
};
std::int64_t insert_acceptance(Connection& c, std::int64_t school_id, std::int64_t provider_id, std::int64_t user_id,
                               const std::string& on, const std::string& notes);
// Whether the school has an agreed or running placement at the provider.
bool school_places_pupils_at(Connection& c, std::int64_t school_id, std::int64_t provider_id);
std::optional<Acceptance> latest_acceptance(Connection& c, std::int64_t school_id, std::int64_t provider_id);

struct ExpiringCheck {
  std::int64_t provider_id = 0;
  std::string provider_name;
  std::string check_type;
  std::string site_name;  // empty unless the check is per site
  std::string expires_on;
};

// Verified checks of the local authority's providers that still count and run out between `from`
// and `until` (inclusive): the latest of their type (and site), soonest first.
Page<ExpiringCheck> expiring_checks(Connection& c, std::int64_t local_authority_id, const std::string& from,
                                    const std::string& until, const PageRequest& page);

// The same, for the providers where a school has pupils placed (agreed or running).
Page<ExpiringCheck> expiring_checks_for_school(Connection& c, std::int64_t school_id, const std::string& from,
                                               const std::string& until, const PageRequest& page);

struct DirectoryFilter {
  std::optional<std::string> kind;
  std::optional<std::string> standing;
  std::optional<std::string> key_stage;
  std::optional<std::string> specialism;
  std::optional<std::string> offers;    // words in subjects, qualifications or courses
  std::optional<std::string> delivery;  // "in_person" or "online": "both" matches either
  bool has_capacity = false;
  std::optional<std::string> name;
  // The school whose own units are offered beside the directory (others' never are); with
  // `only_units`, its units alone.
  std::optional<std::int64_t> units_of_school;
  bool only_units = false;
};

struct DirectoryEntry {
  std::int64_t id = 0;
  std::string name;
  std::string urn;
  std::string ukprn;
  std::string kind;
  std::string standing;  // as of `today`
  std::string delivery;
  std::optional<int> capacity;
  std::vector<std::string> key_stages;
};

Page<DirectoryEntry> search_directory(Connection& c, const DirectoryFilter& f, const std::string& today,
                                      const PageRequest& page);

}  // namespace waypoint::store
