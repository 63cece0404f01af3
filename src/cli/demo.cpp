#include "cli/demo.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "app/calendar/school_calendars.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/audit.hpp"
#include "app/kernel/secrets.hpp"
#include "app/providers/provider_directory.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/identifiers.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/calendar/calendar_store.hpp"
#include "store/placements/placement_store.hpp"
#include "store/placements/timetable_store.hpp"
#include "store/providers/provider_store.hpp"
#include "store/pupils/pupil_account_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::cli {

// The generators write through the use cases and repositories, as a user would.
using namespace waypoint::app;

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

// Organisation indexes: 0 LA, 1-3 schools, 4-7 providers, 8 the service itself, 9 Oakfield's own unit.
constexpr std::array<DemoUser, 11> kUsers{{
    {Role::ApLead, "ap.lead@oakfield.example", "Priya Shah", 1},
    {Role::SchoolDsl, "dsl@oakfield.example", "Mark Evans", 1},
    {Role::Headteacher, "head@oakfield.example", "Helen Okafor", 1},
    {Role::ProviderManager, "manager@bridgeway.example", "Sam Taylor", 4},
    {Role::ProviderStaff, "tutor@bridgeway.example", "Jo Brennan", 4},
    {Role::LaOfficer, "officer@exeshire.example", "Alex Morgan", 0},
    {Role::Parent, "parent@family.example", "Chris Walker", 1},
    {Role::Administrator, "admin@waypoint.example", "Dana Fraser", 8},
    {Role::LaDesignatedOfficer, "lado@exeshire.example", "Ruth Adeyemi", 0},
    {Role::Pupil, "aisha.walker@oakfield.example", "Aisha Walker", 1},
    {Role::ProviderStaff, "unit@oakfield.example", "Kerry Dale", 9},
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
  const auto today = sys_days(s.today());
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
    // Bridgeway teaches at two sites, so its registers are taken a group (a site) at a time.
    if (i == 0) {
      const auto annexe =
          store::insert_site(c, {0, id, "Bridgeway Annexe", "2 Mill Lane, Exeter", "EX2 4JU", "satellite"}, now);
      store::insert_check(c, id,
                          {CheckType::SiteRiskAssessment, annexe, domain::CheckOutcome::Met, true, day(-30), day(335)},
                          "", officer, now);
    }
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
  // Oakfield's own learning support unit, where it gives Tier 1 support: its own site, no checks.
  domain::ProviderProfile unit;
  unit.id = org[9];
  unit.name = "Oakfield Learning Support Unit";
  unit.kind = domain::ProviderKind::SchoolUnit;
  unit.unit_of_school = org[1];
  unit.contact_name = "Kerry Dale";
  unit.contact_email = "unit@oakfield.example";
  unit.contact_phone = "01392 000111";
  unit.description = "Small-group teaching and a nurture room for Oakfield's pupils at risk of exclusion.";
  store::insert_provider(c, unit, now);
  store::insert_site(c, {0, unit.id, "The Base, block C", "Oakfield Academy, Oak Road, Exeter", "EX4 4AA", "main"},
                     now);
  store::save_standing(c, unit.id, domain::Standing::Approved, std::nullopt);
}

// Six half terms a year, for last year, this year and next, so deadlines always have a calendar.
// The pattern is typical of English LAs; the real dates are the LA's to enter.
void load_demo_calendar(store::Connection& c, const Services& s, std::int64_t la, std::int64_t school) {
  const auto today = s.today();
  const int this_year = static_cast<int>(today.year()) - (today.month() < std::chrono::September ? 1 : 0);
  const char* half_terms[][3] = {{"Autumn 1", "09-03", "10-23"}, {"Autumn 2", "11-02", "12-18"},
                                 {"Spring 1", "01-05", "02-12"}, {"Spring 2", "02-22", "03-26"},
                                 {"Summer 1", "04-12", "05-28"}, {"Summer 2", "06-07", "07-21"}};
  for (int year = this_year - 1; year <= this_year + 1; ++year)
    for (int h = 0; h < 6; ++h) {
      const auto y = std::to_string(h < 2 ? year : year + 1);
      const auto academic_year = std::to_string(year) + "-" + std::to_string((year + 1) % 100);  // "2026-27"
      store::insert_term(c, la,
                         {0, std::string(half_terms[h][0]) + " " + academic_year, y + "-" + half_terms[h][1],
                          y + "-" + half_terms[h][2]});
    }
  // Oakfield's own INSET day, on top of the LA's calendar.
  store::insert_closure(c, school, {std::to_string(this_year) + "-11-02", "INSET day"}, s.now_iso());
}

// Needs, contacts, the school's acceptance of two providers, and two placements: one running, one
// waiting for the parents' consent.
void load_demo_placements(store::Connection& c, const Services& s, const std::vector<std::int64_t>& org,
                          const std::vector<std::int64_t>& pupils, const std::vector<std::int64_t>& users) {
  using namespace std::chrono;
  const auto now = s.now_iso();
  const auto day = [&](int offset) { return domain::format_date(year_month_day{sys_days(s.today()) + days(offset)}); };
  // Placements that have been running a while start on real school days even when the demo is
  // loaded in a holiday: `offset` days ago, or earlier so that `school_days` of them lie before
  // today (a register to take, a day to look back on).
  const auto calendar = app::calendar_for_school(c, org[1]);
  const auto started = [&](int offset, int school_days) {
    auto d = sys_days(s.today());
    for (int looked = 0; school_days > 0 && looked < 400; ++looked) {
      d -= days(1);
      if (domain::is_school_day(calendar, year_month_day{d})) --school_days;
    }
    return std::min(d, sys_days(s.today()) + days(offset));
  };
  const auto days_ago = [&](sys_days d, int before) { return domain::format_date(year_month_day{d - days(before)}); };
  const auto aisha_start = started(-40, 20);
  const auto recent_start = started(-6, 4);
  auto set_needs = [&](std::size_t i, std::vector<std::string> needs, bool looked_after) {
    auto p = *store::find_pupil(c, pupils[i]);
    p.needs = std::move(needs);
    p.looked_after = looked_after;
    store::update_pupil(c, p, now);
  };
  set_needs(0, {"semh", "sen_support"}, false);
  set_needs(1, {"school_avoidance"}, false);
  set_needs(2, {"ehc_plan", "semh"}, true);
  set_needs(3, {"medical"}, false);
  store::insert_contact(c,
                        {0, pupils[0], "parent", "Chris Walker", "Father", true, "parent@family.example",
                         "07700 900201", "4 Orchard Close, Exeter EX1 2CD", "email", "", "English", false},
                        now);
  store::insert_contact(
      c, {0, pupils[1], "parent", "Dana Hughes", "Mother", true, "", "07700 900202", "", "phone", "", "Polish", true},
      now);
  store::insert_contact(c,
                        {0, pupils[2], "social_worker", "Kim Ashworth", "Exeshire children's services", false,
                         "k.ashworth@exeshire.example", "01392 000301", "", "phone", day(-200), "", false},
                        now);
  const auto school = org[1];
  store::insert_acceptance(c, school, org[4], users[0], day(-90), "Visited; safeguarding records seen");
  store::insert_acceptance(c, school, org[5], users[0], day(-60), "College link tutor meeting");

  store::PlacementRecord a;
  a.pupil_id = pupils[0];
  a.school_id = school;
  a.provider_id = org[4];
  a.commissioner_id = school;
  a.terms = {"off_site_direction",
             "semh",
             "",
             "Rebuild attendance and engagement; GCSE English and maths; return to Oakfield by the summer",
             days_ago(aisha_start, 0),
             day(110),
             "95.00",
             "day",
             "school",
             "Ms Ward, head of centre",
             "Break 10:40 to 11:00, lunch 12:30 to 13:10",
             {store::sites_of(c, org[4]).front().id},
             "6",
             "",
             "2"};
  a.cost_pence = 9500;
  a.status = "awaiting";
  const auto first = store::insert_placement(c, a, users[0], now);
  store::record_notice(c, first, days_ago(aisha_start, 5), std::nullopt, now);
  store::record_start(c, first, days_ago(aisha_start, 0), std::nullopt, now);
  // Aisha's week: four days at Bridgeway and Friday back at Oakfield, exactly the full-time 32.5 hours.
  std::vector<store::SlotRow> week;
  for (unsigned iso = 1; iso <= 5; ++iso) {
    store::SlotRow slot;
    slot.slot = {std::chrono::weekday(iso), 8 * 60 + 45, 15 * 60 + 15, iso < 5 ? "provider" : "home_school",
                 std::nullopt};
    if (iso < 5) {
      slot.placement_id = first;
      slot.site_id = a.terms.site_ids.front();
    }
    week.push_back(slot);
  }
  store::replace_slots(c, pupils[0], week, now);

  store::PlacementRecord b = a;
  b.pupil_id = pupils[1];
  b.provider_id = org[5];
  b.terms = {"academy_powers",
             "vocational",
             "",
             "Level 1 construction alongside English and maths",
             day(14),
             day(200),
             "70.00",
             "day",
             "school",
             "Ravi Patel",
             "",
             {store::sites_of(c, org[5]).front().id},
             "6",
             "",
             "2"};
  b.cost_pence = 7000;
  store::insert_placement(c, b, users[0], now);

  // Two more of Oakfield's pupils at Bridgeway since last week: Callum at the Annexe in the mornings
  // (afternoons at Oakfield), Daisy at the centre Tuesday to Thursday (Monday and Friday at Oakfield).
  const auto bridgeway_sites = store::sites_of(c, org[4]);
  const auto place = [&](std::size_t pupil, std::int64_t site, auto at_provider) {
    store::PlacementRecord p = a;
    p.pupil_id = pupils[pupil];
    p.terms.start_date = days_ago(recent_start, 0);
    p.terms.site_ids = {site};
    const auto id = store::insert_placement(c, p, users[0], now);
    store::record_notice(c, id, days_ago(recent_start, 4), std::nullopt, now);
    store::record_start(c, id, days_ago(recent_start, 0), std::nullopt, now);
    std::vector<store::SlotRow> days;
    for (unsigned iso = 1; iso <= 5; ++iso)
      for (const auto& [start, end, provider] : at_provider(iso)) {
        store::SlotRow slot;
        slot.slot = {std::chrono::weekday(iso), start, end, provider ? "provider" : "home_school", std::nullopt};
        if (provider) {
          slot.placement_id = id;
          slot.site_id = site;
        }
        days.push_back(slot);
      }
    store::replace_slots(c, pupils[pupil], days, now);
  };
  using Slot = std::tuple<int, int, bool>;
  place(2, bridgeway_sites.back().id, [](unsigned) {
    return std::vector<Slot>{{9 * 60, 12 * 60, true}, {13 * 60 + 15, 15 * 60 + 15, false}};
  });
  place(3, bridgeway_sites.front().id, [](unsigned iso) {
    return std::vector<Slot>{{8 * 60 + 45, 15 * 60 + 15, iso >= 2 && iso <= 4}};
  });
}

}  // namespace

std::vector<DemoSignIn> demo_sign_ins() {
  std::vector<DemoSignIn> out;
  for (const auto& u : kUsers) out.push_back({std::string(domain::role_label(u.role)), u.email});
  return out;
}

std::vector<DemoSignIn> load_demo_data(const app::Services& s) {
  // Hash first: the write transaction should not wait on argon2. Once for every demo account: they
  // share a password printed on the screen, so one salt hides nothing, and each argon2 hash costs a
  // tenth of a second, which every test server paid nine times over when it loaded the demo.
  const auto demo_hash = hash_password(kDemoPassword);
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
    add(OrganisationKind::Provider, "Oakfield Learning Support Unit", org[0], nullptr, nullptr);

    std::vector<std::int64_t> user_ids;
    for (std::size_t i = 0; i < kUsers.size(); ++i) {
      domain::User u;
      u.email = kUsers[i].email;
      u.display_name = kUsers[i].name;
      u.role = kUsers[i].role;
      u.organisation_id = org[static_cast<std::size_t>(kUsers[i].organisation)];
      u.password_hash = demo_hash;
      user_ids.push_back(store::insert_user(c, u, now));
    }

    std::vector<std::int64_t> pupil_ids;
    // Eight pupils at Oakfield, six at each of the others; ages spread across the key stages.
    for (int i = 0; i < 20; ++i) {
      const int school = i < 8 ? 1 : (i < 14 ? 2 : 3);
      domain::Pupil p;
      p.school_id = org[static_cast<std::size_t>(school)];
      p.upn = demo_upn(school, i + 1);
      p.given_name = kGiven[static_cast<std::size_t>(i)];
      p.family_name = kFamily[static_cast<std::size_t>(i)];
      // Riverside's pupils in Years 2 to 5, the secondary schools' in Years 7 to 11, whatever the year.
      const int academic_start = static_cast<int>(s.today().year()) - (s.today().month() < std::chrono::September);
      const int birth_year = school == 2 ? academic_start - 10 + (i % 4) : academic_start - 16 + (i % 5);
      char dob[32];
      std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", birth_year, 1 + (i * 5) % 12, 1 + (i * 7) % 28);
      p.date_of_birth = dob;
      const auto pupil_id = store::insert_pupil(c, p, now);
      pupil_ids.push_back(pupil_id);
      if (i == 0) {
        store::link_guardian(c, pupil_id, user_ids[6]);            // the demo parent is Aisha Walker's
        store::link_pupil_account(c, pupil_id, user_ids[9], now);  // and Aisha has her own account
      }
    }
    store::choose_pupil_accounts(c, org[1], true, user_ids[2], now);  // Oakfield's headteacher chose to
    load_demo_providers(c, s, org, user_ids[5]);
    load_demo_calendar(c, s, org[0], org[1]);
    load_demo_placements(c, s, org, pupil_ids, user_ids);
    const auto op = operator_actor();
    audit(c, s, &op, {"demo.load", "organisation", org[0], std::nullopt});
    loaded = true;
  });
  return loaded ? demo_sign_ins() : std::vector<DemoSignIn>{};
}

}  // namespace waypoint::cli
