#include <gtest/gtest.h>

#include "domain/accounts/password_policy.hpp"

using namespace waypoint::domain;

namespace {
const auto kCommon = CommonPasswords::from_text("# comment\npassword1234\r\nQwertyuiop123\n\n");
}

TEST(PasswordPolicy, CommonListSkipsCommentsAndBlankLinesAndIgnoresCase) {
  EXPECT_EQ(kCommon.size(), 2u);
  EXPECT_TRUE(kCommon.contains("PASSWORD1234"));
  EXPECT_TRUE(kCommon.contains("qwertyuiop123"));
  EXPECT_FALSE(kCommon.contains("# comment"));
}

TEST(PasswordPolicy, Table) {
  struct Case {
    std::string password;
    bool accepted;
    std::string reason_contains;
  };
  const std::vector<Case> cases = {
      {"", false, "12 characters or more"},
      {"elevenchars", false, "12 characters or more"},  // 11
      {"twelve chars", true, ""},                       // exactly 12, spaces allowed
      {"alllowercaseisfine", true, ""},                 // no composition rules
      {"Password1234", false, "too common"},
      {"aaaaaaaaaaaaaaa", false, "one character repeated"},
      {"ééééééééééé", false, "12 characters or more"},  // 11 characters, 22 bytes
      {"éléphant rose", true, ""},
      {std::string(256, 'x') + "y", false, "256 characters or fewer"},
  };
  for (const auto& c : cases) {
    const auto problem = password_problem(c.password, kCommon);
    EXPECT_EQ(!problem.has_value(), c.accepted) << c.password;
    if (problem) {
      EXPECT_NE(problem->find(c.reason_contains), std::string::npos) << *problem;
    }
  }
}
