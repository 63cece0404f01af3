#pragma once
// Pupils arriving in bulk: from a CSV file (columns documented in the README) or a
// Common Transfer File. Both become raw records first; one set of rules checks them.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pupils/pupil.hpp"

namespace waypoint::domain {

// One pupil as the file gives it, before any checking.
struct RawPupil {
  int line = 0;  // CSV line, or the pupil's position in a CTF
  std::string upn, forename, surname, date_of_birth, gender, needs, looked_after;
};

struct RejectedPupil {
  int line = 0;
  std::string upn;
  std::string reason;
};

struct CheckedPupils {
  std::vector<Pupil> accepted;       // school_id left for the caller
  std::vector<std::size_t> sources;  // the index in the rows of each accepted pupil
  std::vector<RejectedPupil> rejected;
};

// The CSV's header names its columns, in any order and case: UPN, Forename, Surname, DOB, Gender,
// and optionally Needs (codes or labels separated by ";") and Looked after (yes or no). Answers an
// error message instead when the header lacks a required column.
struct CsvPupils {
  std::vector<RawPupil> rows;
  std::string problem;
};
CsvPupils read_pupil_csv(std::string_view text);

// Checks every record with the pupil rules; a UPN twice in one file keeps the first and rejects
// the rest. Dates may be YYYY-MM-DD or DD/MM/YYYY.
CheckedPupils check_pupils(const std::vector<RawPupil>& rows, std::chrono::year_month_day today);

}  // namespace waypoint::domain
