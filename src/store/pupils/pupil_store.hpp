#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pupils/pupil.hpp"
#include "store/kernel/database.hpp"
#include "store/kernel/page.hpp"

namespace waypoint::store {

std::int64_t insert_pupil(Connection& c, const domain::Pupil& p, const std::string& now);
void update_pupil(Connection& c, const domain::Pupil& p, const std::string& now);
std::optional<domain::Pupil> find_pupil(Connection& c, std::int64_t id);
// The pupils with these ids, in one read, by id.
std::map<std::int64_t, domain::Pupil> find_pupils(Connection& c, const std::vector<std::int64_t>& ids);
// The columns pupil_from_row reads, of the pupils table under `alias`, for reads that join it.
std::string pupil_columns(const std::string& alias);
// A pupil from a row's columns from `first` on, in pupil_columns' order.
domain::Pupil pupil_from_row(const Row& r, std::size_t first = 0);
std::optional<domain::Pupil> find_pupil_by_upn(Connection& c, const std::string& upn);
void link_guardian(Connection& c, std::int64_t pupil_id, std::int64_t user_id);

// Lists of pupils by name. `search`, when not empty, keeps the pupils in whose first name, last name
// and UPN every word of it appears, in either case (English letters on SQLite, every letter on
// PostgreSQL), so "walker aisha" finds Aisha Walker and "a1234" her UPN.
Page<domain::Pupil> list_pupils_of_school(Connection& c, std::int64_t school_id, const PageRequest& page,
                                          std::string_view search = {});
Page<domain::Pupil> list_pupils_of_local_authority(Connection& c, std::int64_t la_id, const PageRequest& page,
                                                   std::string_view search = {});
Page<domain::Pupil> list_pupils_of_guardian(Connection& c, std::int64_t user_id, const PageRequest& page,
                                            std::string_view search = {});
// Pupils with a placement at the provider that is agreed, active or awaiting its start.
Page<domain::Pupil> list_pupils_placed_with(Connection& c, std::int64_t provider_id, const PageRequest& page,
                                            std::string_view search = {});
// What the access policy asks about a pupil and the person asking, read in one statement (each a
// round trip of its own on PostgreSQL): the LA of the pupil's school, and whether the person is a
// guardian of the pupil, the pupil's own account, or of a provider the pupil is placed with.
struct PupilScopeFacts {
  std::optional<std::int64_t> local_authority_id;
  bool guardian = false;
  bool own_account = false;
  bool placed_with = false;
};
PupilScopeFacts pupil_scope_facts(Connection& c, std::int64_t pupil_id, std::int64_t school_id, std::int64_t user_id,
                                  std::int64_t organisation_id);
// The pupil with its facts, in one statement: the first read of every use case on a pupil.
struct PupilInScope {
  domain::Pupil pupil;
  PupilScopeFacts facts;
};
std::optional<PupilInScope> find_pupil_in_scope(Connection& c, std::int64_t pupil_id, std::int64_t user_id,
                                                std::int64_t organisation_id);

std::int64_t insert_contact(Connection& c, const domain::PupilContact& contact, const std::string& now);
std::vector<domain::PupilContact> list_contacts(Connection& c, std::int64_t pupil_id);
void remove_contact(Connection& c, std::int64_t pupil_id, std::int64_t contact_id, const std::string& now);

}  // namespace waypoint::store
