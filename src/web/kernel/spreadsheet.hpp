#pragma once
// One sheet of a table as an XLSX workbook (libxlsxwriter), for LA returns and outcome reports.
#include <optional>
#include <string>
#include <vector>

namespace waypoint::web {

struct SheetCell {
  std::string text;
  std::optional<double> number;  // written as a number when set, so sums work in the spreadsheet
};

// A bold header row, then the rows; `widths` sets the first columns' widths in characters.
std::string xlsx_sheet(const std::string& sheet_name, const std::vector<std::string>& headers,
                       const std::vector<std::vector<SheetCell>>& rows, const std::vector<double>& widths);

}  // namespace waypoint::web
