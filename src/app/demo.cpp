#include "app/demo.hpp"

#include <array>
#include <cstdio>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/secrets.hpp"
#include "domain/identifiers.hpp"
#include "store/organisation_store.hpp"
#include "store/pupil_store.hpp"
#include "store/user_store.hpp"

namespace waypoint::app {

const char* const kDemoPassword = "waypoint demo sign-in";

namespace {

using domain::OrganisationKind;
using domain::Role;

struct DemoUser {
  Role role;
  const char* email;
  const char* name;
  int organisation;  // index into the organisations created below
};

// Organisation indexes: 0 LA, 1-3 schools, 4-7 providers, 8 the service itself.
constexpr std::array<DemoUser, 8> kUsers{{
    {Role::ApLead, "ap.lead@oakfield.example", "Priya Shah", 1},
    {Role::SchoolDsl, "dsl@oakfield.example", "Mark Evans", 1},
    {Role::Headteacher, "head@oakfield.example", "Helen Okafor", 1},
    {Role::ProviderManager, "manager@bridgeway.example", "Sam Taylor", 4},
    {Role::ProviderStaff, "tutor@bridgeway.example", "Jo Brennan", 4},
    {Role::LaOfficer, "officer@exeshire.example", "Alex Morgan", 0},
    {Role::Parent, "parent@family.example", "Chris Walker", 1},
    {Role::Administrator, "admin@waypoint.example", "Dana Fraser", 8},
}};

constexpr std::array<const char*, 20> kGiven{"Aisha", "Ben",   "Callum", "Daisy", "Ethan", "Freya", "George",
                                             "Hana",  "Isaac", "Jade",   "Kai",   "Lily",  "Mason", "Nia",
                                             "Oscar", "Poppy", "Reece",  "Sofia", "Tyler", "Zara"};
constexpr std::array<const char*, 20> kFamily{"Walker", "Hughes", "Patel", "Murphy", "Khan",   "Roberts", "Ali",
                                              "Wood",   "Clarke", "Price", "Begum",  "Turner", "Jones",   "Lewis",
                                              "Scott",  "Green",  "Hall",  "Young",  "Baker",  "Moore"};

std::string demo_upn(int school, int serial) {
  char digits[32];  // 12 used; room for any int keeps -Wformat-truncation quiet
  std::snprintf(digits, sizeof digits, "999%04d24%03d", 4000 + school, serial);
  return std::string(1, *domain::upn_check_letter(digits)) + digits;
}

}  // namespace

std::vector<DemoSignIn> demo_sign_ins() {
  std::vector<DemoSignIn> out;
  for (const auto& u : kUsers) out.push_back({std::string(domain::role_label(u.role)), u.email});
  return out;
}

std::vector<DemoSignIn> load_demo_data(const Services& s) {
  // Hash first: the write transaction should not wait on argon2.
  std::vector<std::string> hashes;
  for (std::size_t i = 0; i < kUsers.size(); ++i) hashes.push_back(hash_password(kDemoPassword));
  bool loaded = false;
  s.db.transaction([&](store::Connection& c) {
    if (store::count_organisations(c) > 0) return;
    const auto now = s.now_iso();
    std::vector<std::int64_t> org;
    auto add = [&](OrganisationKind kind, const char* name, std::optional<std::int64_t> parent, const char* urn,
                   const char* ukprn) {
      domain::Organisation o;
      o.kind = kind;
      o.name = name;
      o.parent_id = parent;
      if (urn) o.urn = urn;
      if (ukprn) o.ukprn = ukprn;
      org.push_back(store::insert_organisation(c, o, now));
    };
    add(OrganisationKind::LocalAuthority, "Exeshire County Council", std::nullopt, nullptr, nullptr);
    add(OrganisationKind::School, "Oakfield Academy", org[0], "149001", "10049001");
    add(OrganisationKind::School, "Riverside Primary School", org[0], "149002", nullptr);
    add(OrganisationKind::School, "St Anne's Church of England High School", org[0], "149003", nullptr);
    add(OrganisationKind::Provider, "Bridgeway Pupil Referral Unit", org[0], "149101", nullptr);
    add(OrganisationKind::Provider, "Northgate College", std::nullopt, "149102", "10049102");
    add(OrganisationKind::Provider, "Fresh Start Tutoring", std::nullopt, nullptr, nullptr);
    add(OrganisationKind::Provider, "Horizon Online School", std::nullopt, nullptr, "10049104");
    add(OrganisationKind::Waypoint, "Waypoint service", std::nullopt, nullptr, nullptr);

    std::vector<std::int64_t> user_ids;
    for (std::size_t i = 0; i < kUsers.size(); ++i) {
      domain::User u;
      u.email = kUsers[i].email;
      u.display_name = kUsers[i].name;
      u.role = kUsers[i].role;
      u.organisation_id = org[static_cast<std::size_t>(kUsers[i].organisation)];
      u.password_hash = hashes[i];
      user_ids.push_back(store::insert_user(c, u, now));
    }

    // Eight pupils at Oakfield, six at each of the others; ages spread across the key stages.
    for (int i = 0; i < 20; ++i) {
      const int school = i < 8 ? 1 : (i < 14 ? 2 : 3);
      domain::Pupil p;
      p.school_id = org[static_cast<std::size_t>(school)];
      p.upn = demo_upn(school, i + 1);
      p.given_name = kGiven[static_cast<std::size_t>(i)];
      p.family_name = kFamily[static_cast<std::size_t>(i)];
      const int birth_year = school == 2 ? 2016 + (i % 4) : 2010 + (i % 5);
      char dob[32];
      std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", birth_year, 1 + (i * 5) % 12, 1 + (i * 7) % 28);
      p.date_of_birth = dob;
      const auto pupil_id = store::insert_pupil(c, p, now);
      if (i == 0) store::link_guardian(c, pupil_id, user_ids[6]);  // the demo parent is Aisha Walker's
    }
    const auto op = operator_actor();
    audit(c, s, &op, {"demo.load", "organisation", org[0], std::nullopt});
    loaded = true;
  });
  return loaded ? demo_sign_ins() : std::vector<DemoSignIn>{};
}

}  // namespace waypoint::app
