#include "domain/providers/gias.hpp"

#include <map>

#include "domain/kernel/csv.hpp"
#include "domain/kernel/identifiers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/providers/provider_profile.hpp"

namespace waypoint::domain {
namespace {

struct TypeMapping {
  std::string_view gias_type;
  ProviderKind kind;
};

// GIAS establishment types that are alternative provision, or that schools commission as such.
constexpr TypeMapping kTypes[] = {
    {"Pupil referral unit", ProviderKind::StateApSchool},
    {"Local authority maintained alternative provision", ProviderKind::StateApSchool},
    {"Academy alternative provision converter", ProviderKind::ApAcademy},
    {"Academy alternative provision sponsor led", ProviderKind::ApAcademy},
    {"Free schools alternative provision", ProviderKind::ApAcademy},
    {"Other independent school", ProviderKind::IndependentSchool},
    {"Other independent special school", ProviderKind::IndependentSchool},
    {"Further education", ProviderKind::FeCollege},
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<ProviderKind> provider_kind_for_gias_type(std::string_view type_name) {
  const auto wanted = lower(trimmed(type_name));
  for (const auto& t : kTypes)
    if (lower(t.gias_type) == wanted) return t.kind;
  return std::nullopt;
}

GiasExtract read_gias_extract(std::string_view bytes) {
  GiasExtract out;
  const auto records = parse_csv(windows1252_to_utf8(bytes));
  if (records.empty()) {
    out.problem = "The file is empty";
    return out;
  }
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < records[0].fields.size(); ++i) column[trimmed(records[0].fields[i])] = i;
  for (const char* required :
       {"URN", "EstablishmentName", "TypeOfEstablishment (name)", "EstablishmentStatus (name)"}) {
    if (!column.count(required)) {
      out.problem = std::string("The file has no ") + required +
                    " column: download the extract from Get Information about Schools with its own headers";
      return out;
    }
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    auto get = [&](const char* name) {
      auto it = column.find(name);
      return it != column.end() && it->second < rec.fields.size() ? trimmed(rec.fields[it->second]) : std::string();
    };
    const auto urn = get("URN");
    auto skip = [&](std::string reason) { out.skipped.push_back({rec.line, urn, std::move(reason)}); };
    if (urn.empty()) {
      skip("No URN");
      continue;
    }
    if (auto problem = urn_problem(urn)) {
      skip(*problem);
      continue;
    }
    GiasEstablishment e;
    e.line = rec.line;
    e.urn = urn;
    e.name = get("EstablishmentName");
    if (e.name.empty()) {
      skip("No EstablishmentName");
      continue;
    }
    const auto type = get("TypeOfEstablishment (name)");
    const auto kind = provider_kind_for_gias_type(type);
    if (!kind) {
      skip("\"" + type + "\" is not a kind of alternative provision the directory lists");
      continue;
    }
    e.kind = *kind;
    const auto status = get("EstablishmentStatus (name)");
    if (lower(status).rfind("open", 0) != 0) {
      skip("Status is \"" + status + "\", not open");
      continue;
    }
    if (const auto ukprn = get("UKPRN"); !ukprn.empty()) {
      if (auto problem = ukprn_problem(ukprn)) {
        skip(*problem);
        continue;
      }
      e.ukprn = ukprn;
    }
    e.street = get("Street");
    e.town = get("Town");
    if (const auto postcode = get("Postcode"); !postcode.empty()) {
      e.postcode = normalise_postcode(postcode);
      if (!e.postcode) {
        skip("Postcode \"" + postcode + "\" is not a real postcode");
        continue;
      }
    }
    e.local_authority = get("LA (name)");
    out.establishments.push_back(std::move(e));
  }
  return out;
}

}  // namespace waypoint::domain
