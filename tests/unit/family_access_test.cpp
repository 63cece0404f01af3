#include <gtest/gtest.h>

#include "domain/families/family_access.hpp"
#include "domain/kernel/access_policy.hpp"

using namespace waypoint::domain;

namespace {
Instant at(const char* iso) { return *parse_iso(iso); }
}  // namespace

TEST(FamilyAccess, AnInvitationWorksUpToTheSecondItRunsOut) {
  const auto expires = at("2026-12-08T09:30:00Z");
  EXPECT_EQ(invitation_state({expires}, at("2026-12-08T09:29:59Z")), InvitationState::Waiting);
  EXPECT_EQ(invitation_state({expires}, at("2026-12-08T09:30:00Z")), InvitationState::RunOut);
  EXPECT_FALSE(invitation_refusal(InvitationState::Waiting, expires).has_value());
  // In England's time: 9:30 UTC in December is 9:30am GMT.
  EXPECT_EQ(*invitation_refusal(InvitationState::RunOut, expires),
            "This invitation ran out at 9:30am on 8 December 2026. Ask the school to send you a new one");
}

TEST(FamilyAccess, UsedOrReplacedBeatsRunOut) {
  const auto expires = at("2026-12-08T09:30:00Z");
  const auto later = at("2027-01-01T00:00:00Z");
  EXPECT_EQ(invitation_state({expires, true, false}, later), InvitationState::Accepted);
  EXPECT_EQ(invitation_state({expires, false, true}, later), InvitationState::Withdrawn);
  EXPECT_NE(invitation_refusal(InvitationState::Accepted, expires)->find("already been used"), std::string::npos);
}

TEST(FamilyAccess, OnlyAParentOrCarerWithParentalResponsibilityAndAnAddressIsInvited) {
  PupilContact k;
  k.role = "parent";
  k.parental_responsibility = true;
  k.email = "sam@family.example";
  EXPECT_FALSE(invitation_problem(k).has_value());
  k.email = "  ";
  EXPECT_EQ(*invitation_problem(k), "Add their email address to their contact first");
  k.email = "sam@family.example";
  k.parental_responsibility = false;
  EXPECT_NE(invitation_problem(k)->find("parental responsibility"), std::string::npos);
  k.role = "social_worker";
  EXPECT_EQ(*invitation_problem(k), "Only a parent or carer can be invited");
  k.role = "carer";
  k.parental_responsibility = true;
  EXPECT_FALSE(invitation_problem(k).has_value());
}

TEST(FamilyAccess, EndingAccessNeedsAReason) {
  EXPECT_EQ(end_access_problems(" \t").size(), 1u);
  EXPECT_EQ(end_access_problems(" \t").front().field, "reason");
  EXPECT_TRUE(end_access_problems("Court order").empty());
}

TEST(FamilyAccess, OnlyACarersAccountIsLinkedToChildren) {
  EXPECT_FALSE(existing_account_problem(std::nullopt).has_value());
  EXPECT_FALSE(existing_account_problem(carer_account_role()).has_value());
  for (const auto r : {Role::ApLead, Role::SchoolDsl, Role::ProviderStaff, Role::LaOfficer, Role::Administrator})
    EXPECT_EQ(*existing_account_problem(r), "This email address belongs to a Waypoint account that is not a parent's");
}
