#include "web/directory_export.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "domain/csv.hpp"
#include "web/provider_json.hpp"

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
  // libxlsxwriter writes to a file; a private temporary one is read back and removed.
  char path[] = "/tmp/waypoint-export-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for the export");
  close(fd);
  struct Remove {
    const char* p;
    ~Remove() { std::remove(p); }
  } remove{path};
  lxw_workbook* workbook = workbook_new(path);
  if (!workbook) throw std::runtime_error("cannot start the spreadsheet");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Providers");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (std::size_t c = 0; c < kHeaders.size(); ++c)
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), kHeaders[c].c_str(), bold);
  lxw_row_t row = 1;
  for (const auto& e : entries) {
    const auto values = cells(e);
    for (std::size_t c = 0; c < values.size(); ++c) {
      if (c == 6 && e.capacity)
        worksheet_write_number(sheet, row, static_cast<lxw_col_t>(c), *e.capacity, nullptr);
      else
        worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), values[c].c_str(), nullptr);
    }
    ++row;
  }
  worksheet_set_column(sheet, 0, 0, 40, nullptr);
  worksheet_set_column(sheet, 1, 7, 20, nullptr);
  if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("cannot write the spreadsheet");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace waypoint::web
