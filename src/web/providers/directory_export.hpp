#pragma once
// The provider directory as a spreadsheet: CSV for any tool, XLSX for LA returns.
#include <string>
#include <vector>

#include "store/providers/provider_store.hpp"

namespace waypoint::web {

std::string directory_csv(const std::vector<store::DirectoryEntry>& entries);
std::string directory_xlsx(const std::vector<store::DirectoryEntry>& entries);

}  // namespace waypoint::web
