// The floors of the house (ARCHITECTURE.md): domain, store, app, web, with the command line on top.
// A file includes only its own floor and the floors below it, and SQL is written only in the store.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

const fs::path kSource = fs::path(WAYPOINT_SOURCE_DIR) / "src";

std::string text_of(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

// Lower floors first.
const std::map<std::string, int> kFloor = {{"domain", 0}, {"store", 1}, {"app", 2}, {"web", 3}, {"cli", 4}};

template <class Visit>
void each_source_file(Visit visit) {
  for (const auto& e : fs::recursive_directory_iterator(kSource)) {
    if (!e.is_regular_file()) continue;
    const auto rel = fs::relative(e.path(), kSource).generic_string();
    const auto floor = rel.substr(0, rel.find('/'));
    if (!kFloor.count(floor)) continue;  // main.cpp stands on every floor
    visit(rel, floor, text_of(e.path()));
  }
}

TEST(Layers, AFileIncludesOnlyItsOwnFloorAndTheFloorsBelow) {
  const std::regex include(R"re(#include "([a-z_]+)/)re");
  int files = 0;
  each_source_file([&](const std::string& path, const std::string& floor, const std::string& text) {
    ++files;
    for (std::sregex_iterator m(text.begin(), text.end(), include), end; m != end; ++m) {
      const auto target = (*m)[1].str();
      if (!kFloor.count(target)) continue;
      EXPECT_LE(kFloor.at(target), kFloor.at(floor)) << path << " includes " << target << "/, a floor above its own";
    }
  });
  EXPECT_GT(files, 100) << "the sources were not found at " << kSource;
}

TEST(Layers, SqlIsWrittenOnlyInTheStore) {
  const std::regex sql(R"re("(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM) )re");
  each_source_file([&](const std::string& path, const std::string& floor, const std::string& text) {
    if (floor == "store") return;
    EXPECT_FALSE(std::regex_search(text, sql)) << path << " writes SQL outside src/store";
  });
}

}  // namespace
