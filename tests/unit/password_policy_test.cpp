#include <gtest/gtest.h>

#include <sodium.h>

#include <array>

#include "app/kernel/secrets.hpp"
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

// Passwords are stored as argon2id with 19 MiB and two passes; a hash made with the earlier 64 MiB
// setting still lets its owner in and is marked for hashing again.
TEST(PasswordHash, Argon2idAtNineteenMebibytesAndOlderSettingsAreMadeAgain) {
  const auto hash = waypoint::app::hash_password("a long passphrase");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
  EXPECT_TRUE(waypoint::app::verify_password(hash, "a long passphrase"));
  EXPECT_FALSE(waypoint::app::verify_password(hash, "a long passphrasE"));
  EXPECT_FALSE(waypoint::app::password_needs_rehash(hash));

  std::array<char, crypto_pwhash_STRBYTES> older{};
  ASSERT_EQ(crypto_pwhash_str(older.data(), "a long passphrase", 17, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE),
            0);
  EXPECT_TRUE(waypoint::app::verify_password(older.data(), "a long passphrase"));
  EXPECT_TRUE(waypoint::app::password_needs_rehash(older.data()));
}
