#include "app/demo.hpp"

#include <array>
#include <cstdio>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/provider_directory.hpp"
#include "app/secrets.hpp"
#include "domain/calendar_date.hpp"
#include "domain/identifiers.hpp"
#include "store/organisation_store.hpp"
#include "store/provider_store.hpp"
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

struct DemoProvider {
  domain::ProviderKind kind;
  domain::Delivery delivery;
  const char* site;  // name, address and postcode; none for online only
  const char* address;
  const char* postcode;
  std::vector<std::string> key_stages, specialisms, subjects, qualifications, courses;
  int capacity;
  int cost_pence;
  const char* cost_unit;
};

// Four providers in four standings, dated from today so the demo never goes stale.
void load_demo_providers(store::Connection& c, const Services& s, const std::vector<std::int64_t>& org,
                         std::int64_t officer) {
  using namespace std::chrono;
  using domain::CheckType;
  const auto today = sys_days(floor<days>(s.clock.now()));
  const auto day = [&](int offset) { return year_month_day{today + days(offset)}; };
  const DemoProvider providers[] = {
      {domain::ProviderKind::StateApSchool,
       domain::Delivery::InPerson,
       "Bridgeway Centre",
       "12 Mill Lane, Exeter",
       "EX2 4AB",
       {"ks3", "ks4"},
       {"semh", "exclusion", "behaviour"},
       {"English", "maths", "science"},
       {"GCSE", "Functional Skills"},
       {},
       40,
       9500,
       "day"},
      {domain::ProviderKind::FeCollege,
       domain::Delivery::InPerson,
       "Northgate Campus",
       "Northgate, Exeter",
       "EX4 6PX",
       {"ks4", "post16"},
       {"vocational"},
       {"English", "maths"},
       {"Functional Skills", "BTEC"},
       {"construction", "motor vehicle", "hair and beauty"},
       20,
       7000,
       "day"},
      {domain::ProviderKind::Tutor,
       domain::Delivery::InPerson,
       "St Thomas Community Hall",
       "Cowick Street, Exeter",
       "EX4 1AL",
       {"ks2", "ks3"},
       {"school_avoidance", "semh"},
       {"English", "maths"},
       {},
       {},
       8,
       4500,
       "session"},
      {domain::ProviderKind::Online,
       domain::Delivery::Online,
       nullptr,
       nullptr,
       nullptr,
       {"ks3", "ks4"},
       {"school_avoidance", "medical"},
       {"English", "maths", "science", "history"},
       {"GCSE"},
       {},
       30,
       3500,
       "session"},
  };
  const char* contacts[][3] = {{"Sam Taylor", "manager@bridgeway.example", "01392 000101"},
                               {"Ravi Patel", "ap@northgate.example", "01392 000102"},
                               {"Jo Brennan", "jo@freshstart.example", "07700 900103"},
                               {"Lee Morgan", "admissions@horizon.example", "0300 000104"}};
  const auto now = s.now_iso();
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& d = providers[i];
    const auto id = org[4 + i];
    auto found = store::find_organisation(c, id);
    domain::ProviderProfile p;
    p.id = id;
    p.name = found->name;
    p.kind = d.kind;
    p.urn = found->urn;
    p.ukprn = found->ukprn;
    if (i == 0) {
      p.ofsted_judgement = "good";
      p.ofsted_date = domain::format_date(day(-540));
    }
    p.contact_name = contacts[i][0];
    p.contact_email = contacts[i][1];
    p.contact_phone = contacts[i][2];
    p.age_from = i == 2 ? 7 : 11;
    p.age_to = i == 1 ? 18 : 16;
    p.delivery = d.delivery;
    p.capacity = d.capacity;
    p.cost_pence = d.cost_pence;
    p.cost_unit = d.cost_unit;
    p.key_stages = d.key_stages;
    p.specialisms = d.specialisms;
    p.subjects = d.subjects;
    p.qualifications = d.qualifications;
    p.courses = d.courses;
    store::insert_provider(c, p, now);
    std::optional<std::int64_t> site;
    if (d.site) site = store::insert_site(c, {0, id, d.site, d.address, d.postcode, "main"}, now);
    for (auto type : domain::required_checks(d.kind)) {
      if (type == CheckType::SiteRiskAssessment && !site) continue;
      domain::ProviderCheck check{type,
                                  type == CheckType::SiteRiskAssessment ? site : std::nullopt,
                                  domain::CheckOutcome::Met,
                                  true,
                                  day(-60),
                                  day(304)};
      if (i == 1 && type == CheckType::HealthAndSafety) check.outcome = domain::CheckOutcome::MetWithActions;
      if (i == 2 && type == CheckType::Insurance) check.expires_on = day(-5);  // lapsed
      if (i == 2 && type == CheckType::DesignatedSafeguardingLead) check.expires_on = day(20);
      if (i == 3 && type != CheckType::StaffSafeguardingChecks && type != CheckType::SafeguardingPolicy) continue;
      if (i == 3 && type == CheckType::StaffSafeguardingChecks) check.verified = false;  // awaiting verification
      if (i == 0 && type == CheckType::Insurance) check.expires_on = day(25);            // runs out soon
      store::insert_check(c, id, check, "", officer, now);
    }
    refresh_provider_standing(c, s, id);
  }
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
    add(OrganisationKind::Provider, "Northgate College", org[0], nullptr, "10049102");
    add(OrganisationKind::Provider, "Fresh Start Tutoring", org[0], nullptr, nullptr);
    add(OrganisationKind::Provider, "Horizon Online School", org[0], nullptr, "10049104");
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
    load_demo_providers(c, s, org, user_ids[5]);
    const auto op = operator_actor();
    audit(c, s, &op, {"demo.load", "organisation", org[0], std::nullopt});
    loaded = true;
  });
  return loaded ? demo_sign_ins() : std::vector<DemoSignIn>{};
}

}  // namespace waypoint::app
