#include "domain/accounts/second_factor.hpp"

#include <gtest/gtest.h>

#include "app/accounts/second_factor.hpp"

namespace waypoint {
namespace {

using domain::Role;

TEST(SecondFactor, TotpCodesMatchRfc6238) {
  // RFC 6238 appendix B, SHA-1, seed "12345678901234567890": the last six of each eight digits.
  const std::string seed = "12345678901234567890";
  EXPECT_EQ(app::totp_code(seed, 59), "287082");
  EXPECT_EQ(app::totp_code(seed, 1111111109), "081804");
  EXPECT_EQ(app::totp_code(seed, 1234567890), "005924");
  EXPECT_EQ(app::totp_code(seed, 2000000000), "279037");
}

TEST(SecondFactor, ByDefaultTheDslLaRolesAndAdministratorsMustHaveOne) {
  const auto roles = domain::default_second_factor_roles();
  for (const auto r : {Role::SchoolDsl, Role::LaOfficer, Role::LaDesignatedOfficer, Role::Administrator})
    EXPECT_TRUE(domain::second_factor_required(r, roles)) << domain::role_code(r);
  for (const auto r : {Role::ApLead, Role::Headteacher, Role::ProviderManager, Role::ProviderStaff, Role::Parent})
    EXPECT_FALSE(domain::second_factor_required(r, roles)) << domain::role_code(r);
}

TEST(SecondFactor, ADeploymentNamesItsOwnRoles) {
  EXPECT_EQ(domain::parse_second_factor_roles("none")->size(), 0u);
  const auto staff = *domain::parse_second_factor_roles("staff");
  EXPECT_TRUE(domain::second_factor_required(Role::ProviderStaff, staff));
  EXPECT_FALSE(domain::second_factor_required(Role::Parent, staff)) << "optional for parents";
  EXPECT_FALSE(domain::second_factor_required(Role::Pupil, staff)) << "optional for pupils with their own account";
  EXPECT_EQ(*domain::parse_second_factor_roles("ap_lead, headteacher"),
            (std::vector<Role>{Role::ApLead, Role::Headteacher}));
  EXPECT_FALSE(domain::parse_second_factor_roles("ap_lead,teacher"));
}

TEST(SecondFactor, ASessionOwesACodeOrASetUpAfterThePassword) {
  using domain::SessionStage;
  EXPECT_EQ(domain::stage_after_password(true, false), SessionStage::AwaitingCode) << "set up by choice, still asked";
  EXPECT_EQ(domain::stage_after_password(false, true), SessionStage::MustEnrol);
  EXPECT_EQ(domain::stage_after_password(false, false), SessionStage::SignedIn);
  for (const auto s : {SessionStage::SignedIn, SessionStage::AwaitingCode, SessionStage::MustEnrol})
    EXPECT_EQ(domain::parse_stage(domain::stage_code(s)), s);
}

TEST(SecondFactor, CodesAsTyped) {
  EXPECT_EQ(domain::as_totp_code("287 082"), "287082");
  EXPECT_FALSE(domain::as_totp_code("28708"));
  EXPECT_FALSE(domain::as_totp_code("abcde-fghij"));
  EXPECT_EQ(domain::normalised_recovery_code(" ABCDE-fghij "), "abcdefghij");
  const auto code = domain::recovery_code_from({0, 1, 2, 3, 4, 5, 6, 7, 8, 255});
  EXPECT_EQ(code.size(), 11u);
  EXPECT_EQ(code[5], '-');
  EXPECT_EQ(code.find_first_of("01lo"), std::string::npos) << "nothing to mistake for another";
  EXPECT_EQ(domain::totp_step(59), 1);
  EXPECT_EQ(domain::totp_step(60), 2);
}

}  // namespace
}  // namespace waypoint
