#include "web/kernel/spreadsheet.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace waypoint::web {

std::string xlsx_sheet(const std::string& sheet_name, const std::vector<std::string>& headers,
                       const std::vector<std::vector<SheetCell>>& rows, const std::vector<double>& widths) {
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
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (std::size_t c = 0; c < headers.size(); ++c)
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), headers[c].c_str(), bold);
  lxw_row_t r = 1;
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      if (row[c].number)
        worksheet_write_number(sheet, r, col, *row[c].number, nullptr);
      else
        worksheet_write_string(sheet, r, col, row[c].text.c_str(), nullptr);
    }
    ++r;
  }
  for (std::size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
  if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("cannot write the spreadsheet");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace waypoint::web
