// Each web area answers the API with the same presenter its pages read (issue: one JSON shape per
// noun, so a field the API gives and the page shows cannot drift apart).
#include <gtest/gtest.h>

#include "source_tree.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

const fs::path kWeb = fs::path(WAYPOINT_SOURCE_DIR) / "src" / "web";

std::set<std::string> presenters_included_by(const fs::path& file) {
  const auto s = file_text(file);
  static const std::regex include(R"re(#include "(web/[a-z_]+/[a-z_]+_json\.hpp)")re");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), include); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

TEST(Presenters, EveryApiAnswersWithAPresenterItsPagesAlsoRead) {
  std::map<std::string, std::set<std::string>> api_uses;  // api file -> presenters
  std::set<std::string> page_uses;
  for (const auto& e : fs::recursive_directory_iterator(kWeb)) {
    const auto name = e.path().filename().string();
    const auto rel = fs::relative(e.path(), kWeb).generic_string();
    if (name.ends_with("_api.cpp")) api_uses[rel] = presenters_included_by(e.path());
    if (name.ends_with("_pages.cpp"))
      for (const auto& p : presenters_included_by(e.path())) page_uses.insert(p);
  }
  ASSERT_GE(api_uses.size(), 10u) << "the API files were not found under " << kWeb;
  for (const auto& [api, presenters] : api_uses) {
    EXPECT_FALSE(presenters.empty()) << api << " builds its JSON without a presenter";
    for (const auto& p : presenters) EXPECT_TRUE(page_uses.count(p)) << p << " is used by " << api << " but no page";
  }
}

}  // namespace
