#pragma once
// Comma-separated values as RFC 4180 writes them: quoted fields may hold commas, quotes ("") and
// line breaks. Used for imports (GIAS extracts, pupil lists) and exports.
#include <string>
#include <string_view>
#include <vector>

namespace waypoint::domain {

struct CsvRecord {
  int line = 0;  // the line the record starts on, for reports
  std::vector<std::string> fields;
};

std::vector<CsvRecord> parse_csv(std::string_view text);

// One field, quoted when it must be; a leading =, +, - or @ is prefixed with ' so a spreadsheet
// does not run it as a formula.
std::string csv_field(std::string_view value);
std::string csv_row(const std::vector<std::string>& fields);

// GIAS extracts are Windows-1252; everything inside Waypoint is UTF-8. Text that is already valid
// UTF-8 is returned unchanged.
std::string windows1252_to_utf8(std::string_view bytes);
bool is_valid_utf8(std::string_view bytes);

}  // namespace waypoint::domain
