#include <gtest/gtest.h>

#include "sample_calendar.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "domain/providers/provider_standing.hpp"

using namespace waypoint::domain;
using std::chrono::year_month_day;

namespace {

const year_month_day kToday = d("2026-11-23");

// Every check a provider of `kind` needs, met, verified, completed 2026-09-01 and good until `expires`.
StandingInput fully_checked(ProviderKind kind, std::vector<ProviderSite> sites = {{1, "Main site"}},
                            const char* expires = "2027-08-31") {
  StandingInput in{kind, true, sites, {}};
  for (auto type : required_checks(kind)) {
    if (check_type_info(type).per_site) {
      for (const auto& s : sites)
        in.checks.push_back({type, s.id, CheckOutcome::Met, true, d("2026-09-01"), d(expires)});
    } else {
      in.checks.push_back({type, std::nullopt, CheckOutcome::Met, true, d("2026-09-01"), d(expires)});
    }
  }
  return in;
}

ProviderCheck& check_of(StandingInput& in, CheckType type) {
  for (auto& c : in.checks)
    if (c.type == type) return c;
  throw std::runtime_error("no such check in the fixture");
}

bool has_reason(const StandingResult& r, const std::string& text) {
  for (const auto& reason : r.reasons)
    if (reason.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(ProviderStanding, EveryCheckCurrentAndMetIsApprovedWithNoReasons) {
  const auto r = provider_standing(fully_checked(ProviderKind::Unregistered), kToday);
  EXPECT_EQ(r.standing, Standing::Approved);
  EXPECT_TRUE(r.reasons.empty());
  EXPECT_EQ(r.holds_until, d("2027-08-31"));
}

TEST(ProviderStanding, EveryCheckMissingIsNotApprovedNamingEachOne) {
  StandingInput in{ProviderKind::Tutor, true, {{1, "Front room"}}, {}};
  const auto r = provider_standing(in, kToday);
  EXPECT_EQ(r.standing, Standing::NotApproved);
  EXPECT_EQ(r.reasons.size(), required_checks(ProviderKind::Tutor).size());
  EXPECT_TRUE(has_reason(r, "No verified Site risk assessment for Front room"));
  EXPECT_FALSE(r.holds_until);
}

TEST(ProviderStanding, ExpiryEdges) {
  struct Case {
    const char* expires;
    Standing standing;
    bool flagged;
  };
  const Case cases[] = {
      {"2026-11-22", Standing::Lapsed, false},    // ran out yesterday
      {"2026-11-23", Standing::Approved, true},   // last day is today: still counts, flagged
      {"2026-12-23", Standing::Approved, true},   // 30 days ahead: inside the window
      {"2026-12-24", Standing::Approved, false},  // 31 days ahead: not yet
  };
  for (const auto& c : cases) {
    auto in = fully_checked(ProviderKind::Unregistered);
    check_of(in, CheckType::Insurance).expires_on = d(c.expires);
    const auto r = provider_standing(in, kToday);
    EXPECT_EQ(r.standing, c.standing) << c.expires;
    EXPECT_EQ(r.expiring.size(), c.flagged ? 1u : 0u) << c.expires;
  }
}

TEST(ProviderStanding, LapsedNamesWhatRanOutAndHoldsNothing) {
  auto in = fully_checked(ProviderKind::Unregistered);
  check_of(in, CheckType::Insurance).expires_on = d("2026-11-22");
  const auto r = provider_standing(in, kToday);
  EXPECT_TRUE(has_reason(r, "Employer's and public liability insurance ran out on 22 November 2026"));
  EXPECT_FALSE(r.holds_until);
}

TEST(ProviderStanding, LeapDayExpiry) {
  auto in = fully_checked(ProviderKind::Unregistered, {{1, "Main site"}}, "2028-02-29");
  EXPECT_EQ(provider_standing(in, d("2028-02-29")).standing, Standing::Approved);
  EXPECT_EQ(provider_standing(in, d("2028-03-01")).standing, Standing::Lapsed);
}

TEST(ProviderStanding, WhichKindsNeedRegistrationAndTheNationalStandards) {
  struct Case {
    ProviderKind kind;
    bool registration;
    bool national_standards;
  };
  const Case cases[] = {
      {ProviderKind::StateApSchool, true, false},
      {ProviderKind::ApAcademy, true, false},
      {ProviderKind::IndependentSchool, true, false},
      {ProviderKind::FeCollege, true, true},
      {ProviderKind::Unregistered, false, true},
      {ProviderKind::Online, false, true},
      {ProviderKind::Tutor, false, true},
      {ProviderKind::WorkBasedPlacement, false, true},
  };
  for (const auto& c : cases) {
    const auto req = required_checks(c.kind);
    auto has = [&](CheckType t) { return std::find(req.begin(), req.end(), t) != req.end(); };
    EXPECT_EQ(has(CheckType::RegistrationVerified), c.registration) << provider_kind_info(c.kind).code;
    EXPECT_EQ(has(CheckType::NationalStandardsSelfAssessment), c.national_standards) << provider_kind_info(c.kind).code;
    EXPECT_TRUE(has(CheckType::StaffSafeguardingChecks));
  }
}

TEST(ProviderStanding, UnverifiedEvidenceDoesNotCount) {
  auto in = fully_checked(ProviderKind::Unregistered);
  check_of(in, CheckType::StaffSafeguardingChecks).verified = false;
  const auto r = provider_standing(in, kToday);
  EXPECT_EQ(r.standing, Standing::NotApproved);
  EXPECT_TRUE(has_reason(r, "No verified Staff safeguarding checks confirmed (evidence awaits verification)"));
}

TEST(ProviderStanding, TheLatestVerifiedCheckCounts) {
  auto failed_later = fully_checked(ProviderKind::Unregistered);
  failed_later.checks.push_back(
      {CheckType::QualityAssuranceVisit, std::nullopt, CheckOutcome::NotMet, true, d("2026-11-01"), d("2027-10-31")});
  const auto r = provider_standing(failed_later, kToday);
  EXPECT_EQ(r.standing, Standing::NotApproved);
  EXPECT_TRUE(has_reason(r, "Quality-assurance visit was not met on 1 November 2026"));

  auto passed_later = fully_checked(ProviderKind::Unregistered);
  check_of(passed_later, CheckType::QualityAssuranceVisit).outcome = CheckOutcome::NotMet;
  passed_later.checks.push_back(
      {CheckType::QualityAssuranceVisit, std::nullopt, CheckOutcome::Met, true, d("2026-11-01"), d("2027-10-31")});
  EXPECT_EQ(provider_standing(passed_later, kToday).standing, Standing::Approved);
}

TEST(ProviderStanding, MetWithActions) {
  auto in = fully_checked(ProviderKind::FeCollege);
  check_of(in, CheckType::HealthAndSafety).outcome = CheckOutcome::MetWithActions;
  const auto r = provider_standing(in, kToday);
  EXPECT_EQ(r.standing, Standing::ApprovedWithActions);
  EXPECT_TRUE(has_reason(r, "Health and safety was met with actions on 1 September 2026"));
}

TEST(ProviderStanding, SitesEveryOneAssessedAndOnlineNeedsNone) {
  auto two_sites = fully_checked(ProviderKind::Unregistered, {{1, "Main site"}});
  two_sites.sites.push_back({2, "Farm annexe"});
  const auto r = provider_standing(two_sites, kToday);
  EXPECT_EQ(r.standing, Standing::NotApproved);
  EXPECT_TRUE(has_reason(r, "No verified Site risk assessment for Farm annexe"));

  auto no_sites = fully_checked(ProviderKind::Unregistered, {});
  EXPECT_TRUE(has_reason(provider_standing(no_sites, kToday), "No site where pupils are taught"));

  auto online = fully_checked(ProviderKind::Online, {});
  online.teaches_in_person = false;
  EXPECT_EQ(provider_standing(online, kToday).standing, Standing::Approved);
}

TEST(ProviderStanding, MissingOutranksExpiredAndHoldsUntilTheEarliestExpiry) {
  auto in = fully_checked(ProviderKind::Unregistered);
  check_of(in, CheckType::Insurance).expires_on = d("2026-11-01");
  in.checks.erase(in.checks.begin());
  EXPECT_EQ(provider_standing(in, kToday).standing, Standing::NotApproved);

  auto soon = fully_checked(ProviderKind::Unregistered);
  check_of(soon, CheckType::DesignatedSafeguardingLead).expires_on = d("2027-01-15");
  EXPECT_EQ(provider_standing(soon, kToday).holds_until, d("2027-01-15"));
}

TEST(ProviderStanding, CodesRoundTrip) {
  for (auto s : {Standing::Approved, Standing::ApprovedWithActions, Standing::Lapsed, Standing::NotApproved})
    EXPECT_EQ(parse_standing(standing_code(s)), s);
  EXPECT_FALSE(parse_standing("approved-ish"));
  for (auto o : {CheckOutcome::Met, CheckOutcome::MetWithActions, CheckOutcome::NotMet})
    EXPECT_EQ(parse_check_outcome(check_outcome_code(o)), o);
}

TEST(ProviderChecks, DefaultExpiryCountsTheDayOfTheCheck) {
  // 365 days of insurance from 1 October 2026 end on 30 September 2027.
  EXPECT_EQ(default_expiry(CheckType::Insurance, d("2026-10-01")), d("2027-09-30"));
  // Across the 2028 leap day, 365 days end one calendar day earlier than the date a year on.
  EXPECT_EQ(default_expiry(CheckType::Insurance, d("2027-03-01")), d("2028-02-28"));
  // A data protection agreement lasts 1,095 days; 2028's leap day is one of them.
  EXPECT_EQ(default_expiry(CheckType::DataProtectionAgreement, d("2026-01-01")), d("2028-12-30"));
}

TEST(ProviderChecks, ADeploymentSetsItsOwnValidity) {
  const auto v = parse_check_validity("insurance=90");
  ASSERT_TRUE(v.problem.empty());
  const CheckValidity overrides{{v.type, v.days}};
  EXPECT_EQ(default_expiry(CheckType::Insurance, d("2026-10-01"), overrides), d("2026-12-29"));
  EXPECT_EQ(default_expiry(CheckType::HealthAndSafety, d("2026-10-01"), overrides),
            default_expiry(CheckType::HealthAndSafety, d("2026-10-01")));  // others keep the table's
  for (const char* bad :
       {"insurance", "insurance=", "insurance=0", "insurance=3661", "insurance=ninety", "dbs=30", "=30"})
    EXPECT_FALSE(parse_check_validity(bad).problem.empty()) << bad;
}

TEST(ProviderStanding, ASchoolsOwnUnitNeedsOnlyItsSite) {
  EXPECT_TRUE(required_checks(ProviderKind::SchoolUnit).empty());
  EXPECT_TRUE(is_school_unit(ProviderKind::SchoolUnit));
  EXPECT_FALSE(watched_for_registration(ProviderKind::SchoolUnit));
  for (const auto& k : directory_kinds()) EXPECT_FALSE(is_school_unit(k.kind)) << k.code;
  EXPECT_EQ(directory_kinds().size() + 1, provider_kinds().size());
  StandingInput in{ProviderKind::SchoolUnit, true, {{1, "Inclusion room"}}, {}};
  const auto r = provider_standing(in, kToday);
  EXPECT_EQ(r.standing, Standing::Approved);
  EXPECT_FALSE(r.holds_until);  // nothing runs out
  in.sites.clear();
  EXPECT_EQ(provider_standing(in, kToday).standing, Standing::NotApproved);
}
