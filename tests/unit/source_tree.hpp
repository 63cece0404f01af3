#pragma once
// The project's own source files, for the tests that hold the house rules (floors, the envelope,
// presenters) by reading them.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

inline std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}
