#include "web/providers/directory_export.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/csv.hpp"
#include "web/kernel/spreadsheet.hpp"
#include "web/providers/provider_json.hpp"

namespace waypoint::web {
namespace {

const std::vector<std::string> kHeaders = {"Name",     "Kind",    "URN",    "UKPRN",
                                           "Standing", "Teaches", "Places", "Key stages"};

// One row's cells as people read them: the same labels the page and the API show.
std::vector<std::string> cells(const store::DirectoryEntry& e) {
  const auto j = directory_entry_json(e);
  return {e.name,
          j["kind_label"].get<std::string>(),
          e.urn,
          e.ukprn,
          j["standing_label"].get<std::string>(),
          j["delivery_label"].get<std::string>(),
          e.capacity ? std::to_string(*e.capacity) : "",
          j["key_stages"].get<std::string>()};
}

}  // namespace

std::string directory_csv(const std::vector<store::DirectoryEntry>& entries) {
  std::string out = domain::csv_row(kHeaders);
  for (const auto& e : entries) out += domain::csv_row(cells(e));
  return out;
}

std::string directory_xlsx(const std::vector<store::DirectoryEntry>& entries) {
  std::vector<std::vector<SheetCell>> rows;
  for (const auto& e : entries) {
    std::vector<SheetCell> row;
    for (const auto& text : cells(e)) row.push_back({text, std::nullopt});
    if (e.capacity) row[6].number = *e.capacity;  // places, as a number
    rows.push_back(std::move(row));
  }
  return xlsx_sheet("Providers", kHeaders, rows, {40, 20, 20, 20, 20, 20, 20, 20});
}

}  // namespace waypoint::web
