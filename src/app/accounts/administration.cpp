#include "app/accounts/administration.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/secrets.hpp"
#include "domain/kernel/contact.hpp"
#include "domain/kernel/identifiers.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "store/accounts/api_token_store.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/second_factor_store.hpp"
#include "store/accounts/session_store.hpp"
#include "store/accounts/user_store.hpp"

namespace waypoint::app {
namespace {

using domain::trimmed;

std::optional<std::int64_t> parse_id(const std::string& s) {
  auto n = domain::parse_whole_number(s);
  return n && *n > 0 ? n : std::nullopt;
}

// Reading the accounts is the administrators' daily work: only refusals are audited.
UseCase reading(const char* name) { return {name, domain::Action::Administer, "user", false}; }
UseCase writing(const char* name, const char* entity) { return {name, domain::Action::Administer, entity}; }

}  // namespace

store::Page<domain::Organisation> list_organisations(const Services& s, const Actor& a, const store::PageRequest& p) {
  return run(s, a, reading("organisation.list"),
             [&](store::Connection& c, AuditRecord&) { return store::list_organisations(c, p); });
}

std::vector<domain::Organisation> organisations_for_choice(const Services& s, const Actor& a) {
  return run(s, a, reading("organisation.list"), [&](store::Connection& c, AuditRecord&) {
    std::vector<domain::Organisation> all;
    for (auto kind : {domain::OrganisationKind::LocalAuthority, domain::OrganisationKind::School,
                      domain::OrganisationKind::Provider, domain::OrganisationKind::Waypoint}) {
      auto some = store::organisations_of_kind(c, kind);
      all.insert(all.end(), some.begin(), some.end());
    }
    return all;
  });
}

std::int64_t create_organisation(const Services& s, const Actor& a, const OrganisationForm& f) {
  return run(s, a, writing("organisation.create", "organisation"), [&](store::Connection& c, AuditRecord& entry) {
    domain::FieldErrors errors;
    domain::Organisation o;
    const auto kind = domain::parse_organisation_kind(f.kind);
    if (!kind)
      errors.push_back({"kind", "Select the kind of organisation"});
    else
      o.kind = *kind;
    o.name = trimmed(f.name);
    if (o.name.empty())
      errors.push_back({"name", "Enter the organisation's name"});
    else if (o.name.size() > 200)
      errors.push_back({"name", "Name must be 200 characters or fewer"});
    {
      // Checked in the order the form asks, so the error summary reads like the page.
      if (kind == domain::OrganisationKind::School) {
        auto parent_id = parse_id(trimmed(f.parent_id));
        auto parent = parent_id ? store::find_organisation(c, *parent_id) : std::nullopt;
        if (!parent || parent->kind != domain::OrganisationKind::LocalAuthority)
          errors.push_back({"parent_id", "Select the school's local authority"});
        else
          o.parent_id = parent->id;
      }
      if (const auto urn = trimmed(f.urn); !urn.empty()) {
        o.urn = urn;
        if (auto problem = domain::urn_problem(urn))
          errors.push_back({"urn", *problem});
        else if (store::find_organisation_by_urn(c, urn))
          errors.push_back({"urn", "Another organisation already has URN " + urn});
      }
      if (const auto ukprn = trimmed(f.ukprn); !ukprn.empty()) {
        o.ukprn = ukprn;
        if (auto problem = domain::ukprn_problem(ukprn)) errors.push_back({"ukprn", *problem});
      }
      if (!errors.empty()) throw Invalid(errors);
      const auto id = store::insert_organisation(c, o, s.now_iso());
      entry.entity_id = id;
      entry.detail = nlohmann::json{{"kind", f.kind}, {"name", o.name}}.dump();
      return id;
    }
  });
}

store::Page<domain::User> list_users(const Services& s, const Actor& a, std::optional<std::int64_t> organisation_id,
                                     const store::PageRequest& p) {
  return run(s, a, reading("user.list"),
             [&](store::Connection& c, AuditRecord&) { return store::list_users(c, organisation_id, p); });
}

domain::User find_user_for_admin(const Services& s, const Actor& a, std::int64_t user_id) {
  return run(s, a, reading("user.view"), [&](store::Connection& c, AuditRecord&) {
    auto user = store::find_user(c, user_id);
    if (!user) throw NotFound();
    return *user;
  });
}

std::int64_t create_user(const Services& s, const Actor& a, const UserForm& f) {
  const auto password_problem = domain::password_problem(f.password, s.common_passwords, s.settings.password);
  return run(s, a, writing("user.create", "user"), [&](store::Connection& c, AuditRecord& entry) {
    // Checked in the order the form asks, so the error summary reads like the page.
    domain::FieldErrors errors;
    domain::User u;
    u.display_name = trimmed(f.display_name);
    if (u.display_name.empty())
      errors.push_back({"display_name", "Enter the person's full name"});
    else if (u.display_name.size() > 200)
      errors.push_back({"display_name", "Full name must be 200 characters or fewer"});
    u.email = domain::normalise_email(f.email);
    if (auto problem = domain::email_problem(f.email))
      errors.push_back({"email", *problem});
    else if (store::find_user_by_email(c, u.email))
      errors.push_back({"email", "A user with this email address already exists"});
    const auto role = domain::parse_role(f.role);
    if (!role)
      errors.push_back({"role", "Select a role"});
    else
      u.role = *role;
    auto org_id = parse_id(trimmed(f.organisation_id));
    auto org = org_id ? store::find_organisation(c, *org_id) : std::nullopt;
    if (!org) {
      errors.push_back({"organisation_id", "Select the organisation the person works for"});
    } else if (role && domain::organisation_kind_for(*role) != org->kind) {
      const auto needed = domain::organisation_kind_label(domain::organisation_kind_for(*role));
      errors.push_back({"organisation_id",
                        "A " + std::string(domain::role_label(*role)) + " must belong to a " + std::string(needed)});
    } else {
      u.organisation_id = org->id;
    }
    if (password_problem) errors.push_back({"password", *password_problem});
    if (!errors.empty()) throw Invalid(errors);
    // Hashed once everything else is right: argon2 takes tens of milliseconds, and people are
    // added rarely enough for the write to wait for it.
    u.password_hash = hash_password(f.password);
    const auto id = store::insert_user(c, u, s.now_iso());
    entry.entity_id = id;
    entry.detail = nlohmann::json{{"email", u.email}, {"role", f.role}, {"organisation_id", u.organisation_id}}.dump();
    return id;
  });
}

void set_user_disabled(const Services& s, const Actor& a, std::int64_t user_id, bool disabled) {
  run(s, a, writing(disabled ? "user.disable" : "user.enable", "user"), [&](store::Connection& c, AuditRecord& entry) {
    if (disabled && user_id == a.user_id) throw Invalid("user", "You cannot disable your own account");
    if (!store::find_user(c, user_id)) throw NotFound();
    store::set_user_disabled(c, user_id, disabled, s.now_iso());
    if (disabled) store::delete_sessions_of_user(c, user_id);
    entry.entity_id = user_id;
  });
}

void reset_password(const Services& s, const Actor& a, std::int64_t user_id, const std::string& password) {
  run(s, a, writing("user.reset_password", "user"), [&](store::Connection& c, AuditRecord& entry) {
    if (auto problem = domain::password_problem(password, s.common_passwords, s.settings.password))
      throw Invalid("password", *problem);
    if (!store::find_user(c, user_id)) throw NotFound();
    const auto hash = hash_password(password);
    store::update_password_hash(c, user_id, hash, s.now_iso());
    store::delete_sessions_of_user(c, user_id);
    // Whoever had the old password may have made tokens with it: they stop too.
    const int revoked = store::revoke_api_tokens_of(c, user_id, s.now_iso());
    entry.entity_id = user_id;
    entry.detail = nlohmann::json{{"tokens_revoked", revoked}}.dump();
  });
}

void reset_second_factor(const Services& s, const Actor& a, std::int64_t user_id) {
  run(s, a, writing("user.second_factor_reset", "user"), [&](store::Connection& c, AuditRecord& entry) {
    if (!store::find_user(c, user_id)) throw NotFound();
    store::remove_second_factor(c, user_id);
    store::delete_sessions_of_user(c, user_id);
    entry.entity_id = user_id;
  });
}

std::int64_t user_id_by_email(const Services& s, const std::string& email) {
  const auto user = run(s, operator_actor(), reading("user.find"), [&](store::Connection& c, AuditRecord&) {
    return store::find_user_by_email(c, domain::normalise_email(email));
  });
  if (!user) throw Invalid("email", "No user has the email address " + domain::normalise_email(email));
  return user->id;
}

}  // namespace waypoint::app
