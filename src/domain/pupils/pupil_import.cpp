#include "domain/pupils/pupil_import.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "domain/kernel/csv.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::domain {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// DD/MM/YYYY, as spreadsheets in England write dates, to YYYY-MM-DD; anything else as typed.
std::string iso_date(const std::string& d) {
  if (d.size() == 10 && d[2] == '/' && d[5] == '/') return d.substr(6, 4) + "-" + d.substr(3, 2) + "-" + d.substr(0, 2);
  return d;
}

// Needs by code or by label, separated by ";". Unknown words are kept so the rules name them.
std::vector<std::string> needs_of(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  auto flush = [&] {
    const auto t = trimmed(item);
    item.clear();
    if (t.empty()) return;
    std::string code = t;
    for (const auto& n : pupil_needs())
      if (lower(t) == std::string(n.code) || lower(t) == lower(std::string(n.label))) code = std::string(n.code);
    if (lower(t) == "ehcp" || lower(t) == "ehc") code = "ehc_plan";
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  };
  for (char c : text) {
    if (c == ';')
      flush();
    else
      item += c;
  }
  flush();
  return out;
}

}  // namespace

CsvPupils read_pupil_csv(std::string_view text) {
  CsvPupils out;
  const auto records = parse_csv(text);
  if (records.empty()) {
    out.problem = "The file is empty";
    return out;
  }
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < records.front().fields.size(); ++i) column[lower(trimmed(records.front().fields[i]))] = i;
  for (const char* required : {"upn", "forename", "surname", "dob", "gender"})
    if (!column.count(required)) {
      out.problem = "The file's first line must name the columns UPN, Forename, Surname, DOB and Gender";
      return out;
    }
  auto cell = [&](const CsvRecord& r, const char* name) {
    const auto it = column.find(name);
    if (it == column.end() || it->second >= r.fields.size()) return std::string();
    return trimmed(r.fields[it->second]);
  };
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    if (std::all_of(r.fields.begin(), r.fields.end(), [](const auto& f) { return trimmed(f).empty(); })) continue;
    out.rows.push_back({r.line, cell(r, "upn"), cell(r, "forename"), cell(r, "surname"), cell(r, "dob"),
                        cell(r, "gender"), cell(r, "needs"), cell(r, "looked after")});
  }
  return out;
}

CheckedPupils check_pupils(const std::vector<RawPupil>& rows, std::chrono::year_month_day today) {
  CheckedPupils out;
  std::set<std::string> seen;
  for (std::size_t index = 0; index < rows.size(); ++index) {
    const auto& r = rows[index];
    Pupil p;
    p.upn = trimmed(r.upn);
    for (auto& c : p.upn) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    p.given_name = trimmed(r.forename);
    p.family_name = trimmed(r.surname);
    p.date_of_birth = iso_date(trimmed(r.date_of_birth));
    p.gender = trimmed(r.gender);
    for (auto& c : p.gender) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    p.needs = needs_of(r.needs);
    const auto la = lower(trimmed(r.looked_after));
    p.looked_after = la == "yes" || la == "y" || la == "true" || la == "1";
    std::string reason;
    for (const auto& e : pupil_problems(p, today)) reason += (reason.empty() ? "" : "; ") + e.message;
    if (reason.empty() && !seen.insert(p.upn).second) reason = "UPN " + p.upn + " appears earlier in the file";
    if (!reason.empty()) {
      out.rejected.push_back({r.line, p.upn, reason});
      continue;
    }
    out.accepted.push_back(p);
    out.sources.push_back(index);
  }
  return out;
}

}  // namespace waypoint::domain
