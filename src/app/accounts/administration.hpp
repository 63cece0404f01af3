#pragma once
// Administrators' use cases: organisations and user accounts.
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/accounts/account.hpp"
#include "store/kernel/page.hpp"

namespace waypoint::app {

struct OrganisationForm {
  std::string kind;
  std::string name;
  std::string parent_id;  // a school's local authority
  std::string urn;
  std::string ukprn;
};

struct UserForm {
  std::string email;
  std::string display_name;
  std::string role;
  std::string organisation_id;
  std::string password;
};

store::Page<domain::Organisation> list_organisations(const Services& s, const Actor& a, const store::PageRequest& p);
std::vector<domain::Organisation> organisations_for_choice(const Services& s, const Actor& a);
std::int64_t create_organisation(const Services& s, const Actor& a, const OrganisationForm& f);

store::Page<domain::User> list_users(const Services& s, const Actor& a, std::optional<std::int64_t> organisation_id,
                                     const store::PageRequest& p);
domain::User find_user_for_admin(const Services& s, const Actor& a, std::int64_t user_id);
std::int64_t create_user(const Services& s, const Actor& a, const UserForm& f);
void set_user_disabled(const Services& s, const Actor& a, std::int64_t user_id, bool disabled);
void reset_password(const Services& s, const Actor& a, std::int64_t user_id, const std::string& password);
// For someone who lost both their phone and their recovery codes: removes their authenticator and
// recovery codes and signs them out; their next sign-in sets one up again where their role needs it.
void reset_second_factor(const Services& s, const Actor& a, std::int64_t user_id);

// The user with this e-mail, for the command line.
std::int64_t user_id_by_email(const Services& s, const std::string& email);

}  // namespace waypoint::app
