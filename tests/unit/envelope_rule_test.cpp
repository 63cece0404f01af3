// The rule that keeps every use case in the envelope: outside the app kernel no file opens a
// transaction or a connection itself, and only the files named here work outside the envelope,
// each for the reason unguarded.hpp gives. A new use case written without the envelope fails here.
#include <gtest/gtest.h>

#include "source_tree.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kApp = fs::path(WAYPOINT_SOURCE_DIR) / "src" / "app";

// Every source file of the app layer outside its kernel, by its path under src/app.
std::vector<std::pair<std::string, std::string>> use_case_files() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : fs::recursive_directory_iterator(kApp)) {
    if (!e.is_regular_file()) continue;
    const auto rel = fs::relative(e.path(), kApp).generic_string();
    if (rel.rfind("kernel/", 0) == 0) continue;
    out.emplace_back(rel, file_text(e.path()));
  }
  return out;
}

TEST(EnvelopeRule, NoUseCaseOpensATransactionOrConnectionOfItsOwn) {
  const auto files = use_case_files();
  ASSERT_GT(files.size(), 20u) << "the app layer was not found at " << kApp;
  for (const auto& [path, text] : files)
    for (const char* door : {".transaction(", ".with_connection(", "->transaction(", "->with_connection("})
      EXPECT_EQ(text.find(door), std::string::npos)
          << path << " calls " << door << " instead of running in the envelope";
}

TEST(EnvelopeRule, OnlyIdentityOwnAccountAndTheServersOwnWorkRunsOutsideIt) {
  const std::set<std::string> allowed = {
      "accounts/accounts.cpp",       // signing in and out, sessions, one's own password
      "accounts/second_factor.cpp",  // one's own authenticator, and the code owed at sign-in
      "accounts/api_tokens.cpp",     // who a token belongs to, and the operator's command
      "accounts/carer_sign_up.cpp",  // a carer's own account, made through the link the school sent
      "alerts/alert_sweep.cpp",      // the server's sweeps and its mail
  };
  for (const auto& [path, text] : use_case_files()) {
    if (text.find("unguarded_") == std::string::npos) continue;
    EXPECT_TRUE(allowed.count(path)) << path << " works outside the envelope";
  }
  for (const auto& path : allowed) EXPECT_TRUE(fs::exists(kApp / path)) << path << " is named here but gone";
}

}  // namespace
