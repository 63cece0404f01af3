#pragma once
// Reading a Get Information about Schools (GIAS) extract: which rows are alternative provision
// Waypoint lists, and why each other row is skipped.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/providers/provider.hpp"

namespace waypoint::domain {

struct GiasEstablishment {
  int line = 0;
  std::string urn;
  std::string name;
  ProviderKind kind = ProviderKind::StateApSchool;
  std::optional<std::string> ukprn;
  std::string street;
  std::string town;
  std::optional<std::string> postcode;  // normalised; absent when the extract has none
  std::string local_authority;
};

struct GiasSkippedRow {
  int line = 0;
  std::string urn;
  std::string reason;
};

struct GiasExtract {
  std::vector<GiasEstablishment> establishments;
  std::vector<GiasSkippedRow> skipped;
  std::optional<std::string> problem;  // the file as a whole cannot be read
};

// The provider kind for a GIAS "TypeOfEstablishment (name)", or nothing if it is not AP we list.
std::optional<ProviderKind> provider_kind_for_gias_type(std::string_view type_name);

// `bytes` as downloaded: Windows-1252 or UTF-8, with GIAS's own column headers.
GiasExtract read_gias_extract(std::string_view bytes);

}  // namespace waypoint::domain
