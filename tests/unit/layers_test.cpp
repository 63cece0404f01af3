// The floors of the house (ARCHITECTURE.md): domain, store, app, web, with the command line on top.
// A file includes only its own floor and the floors below it, and SQL is written only in the store.
#include <gtest/gtest.h>

#include "source_tree.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kSource = fs::path(WAYPOINT_SOURCE_DIR) / "src";

// Lower floors first.
const std::map<std::string, int> kFloor = {{"domain", 0}, {"store", 1}, {"app", 2}, {"web", 3}, {"cli", 4}};

template <class Visit>
void each_source_file(Visit visit) {
  for (const auto& e : fs::recursive_directory_iterator(kSource)) {
    if (!e.is_regular_file()) continue;
    const auto rel = fs::relative(e.path(), kSource).generic_string();
    const auto floor = rel.substr(0, rel.find('/'));
    if (!kFloor.count(floor)) continue;  // main.cpp stands on every floor
    visit(rel, floor, file_text(e.path()));
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

// Across areas on one floor, a file includes only the areas its own builds on: the areas' includes
// on each floor form no loop (placements may use pupils; pupils never placements).
TEST(Layers, AreasOnOneFloorBuildOnEachOtherWithoutLoops) {
  const std::regex include(R"re(#include "([a-z_]+)/([a-z_]+)/)re");
  std::map<std::string, std::map<std::string, std::set<std::string>>> uses;  // floor -> area -> areas
  each_source_file([&](const std::string& path, const std::string& floor, const std::string& text) {
    const auto rest = path.substr(floor.size() + 1);
    const auto slash = rest.find('/');
    if (slash == std::string::npos) return;  // a file of the floor itself, like cli/commands.cpp
    const auto area = rest.substr(0, slash);
    for (std::sregex_iterator m(text.begin(), text.end(), include), end; m != end; ++m)
      if ((*m)[1].str() == floor && (*m)[2].str() != area && (*m)[2].str() != "kernel")
        uses[floor][area].insert((*m)[2].str());
  });
  for (const auto& [floor, graph] : uses) {
    // Depth-first search for a way back to where it started.
    std::map<std::string, int> state;  // 0 unseen, 1 on the path, 2 done
    std::vector<std::string> path;
    std::function<bool(const std::string&)> loops = [&](const std::string& area) {
      if (state[area] == 1) {
        path.push_back(area);
        return true;
      }
      if (state[area] == 2) return false;
      state[area] = 1;
      path.push_back(area);
      if (const auto it = graph.find(area); it != graph.end())
        for (const auto& next : it->second)
          if (loops(next)) return true;
      path.pop_back();
      state[area] = 2;
      return false;
    };
    for (const auto& [area, _] : graph) {
      if (!loops(area)) continue;
      std::string shown;
      for (const auto& a : path) shown += (shown.empty() ? "" : " -> ") + a;
      ADD_FAILURE() << "on the " << floor << " floor the areas include each other in a loop: " << shown;
      break;
    }
  }
}

TEST(Layers, SqlIsWrittenOnlyInTheStore) {
  const std::regex sql(R"re("(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM) )re");
  each_source_file([&](const std::string& path, const std::string& floor, const std::string& text) {
    if (floor == "store") return;
    EXPECT_FALSE(std::regex_search(text, sql)) << path << " writes SQL outside src/store";
  });
}

}  // namespace
