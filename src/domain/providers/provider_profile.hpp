#pragma once
// What the directory says about a provider, and the rules its fields must keep.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"
#include "domain/kernel/text.hpp"
#include "domain/providers/provider.hpp"

namespace waypoint::domain {

enum class Delivery { InPerson, Online, Both };
std::string_view delivery_code(Delivery d);
std::string_view delivery_label(Delivery d);
std::optional<Delivery> parse_delivery(std::string_view code);

// Controlled lists for the directory's filters.
const std::vector<CodeLabel>& key_stages();
const std::vector<CodeLabel>& specialisms();
const std::vector<CodeLabel>& ofsted_judgements();

struct ProviderProfile {
  std::int64_t id = 0;  // the provider's organisation id
  std::string name;
  ProviderKind kind = ProviderKind::Unregistered;
  std::optional<std::string> urn;
  std::optional<std::string> ukprn;
  std::optional<std::string> ofsted_judgement;
  std::optional<std::string> ofsted_date;  // YYYY-MM-DD
  std::string contact_name;
  std::string contact_email;
  std::string contact_phone;
  std::optional<int> age_from;
  std::optional<int> age_to;
  Delivery delivery = Delivery::InPerson;
  std::optional<int> capacity;
  std::optional<std::int64_t> cost_pence;
  std::optional<std::string> cost_unit;  // "day" or "session"
  std::string description;
  std::vector<std::string> key_stages;
  std::vector<std::string> specialisms;
  std::vector<std::string> subjects;        // English, maths, ... as the provider words them
  std::vector<std::string> qualifications;  // GCSE, Functional Skills, ...
  std::vector<std::string> courses;         // vocational courses
  // Taken out of the directory by its LA (closed, no longer used): kept, with its checks until
  // the retention schedule disposes of them, but offered to nobody.
  std::optional<std::string> left_directory_on;  // YYYY-MM-DD
  std::string left_directory_reason;
  // For a school's own unit (is_school_unit), the school whose unit it is.
  std::optional<std::int64_t> unit_of_school;
};

// The parts of a profile that differ, by the names the form gives them ("Places", "Contact email"),
// in form order: what a provider's history says was changed.
std::vector<std::string> changed_fields(const ProviderProfile& before, const ProviderProfile& after);

struct Site {
  std::int64_t id = 0;
  std::int64_t provider_id = 0;
  std::string name;
  std::string address;
  std::string postcode;
  std::string relationship;  // a site_relationships() code
};

// The rules a site's fields break, in form order; `postcode` is normalised when it is well formed.
FieldErrors site_problems(Site& site);

// The rules a profile's fields break, in form order; `today` bounds the Ofsted date.
FieldErrors provider_profile_problems(const ProviderProfile& p, std::chrono::year_month_day today);

// Main, satellite or sub-contracted: every site a pupil attends must be known.
const std::vector<CodeLabel>& site_relationships();

// "sw1a 1aa" -> "SW1A 1AA"; nothing if it is not the shape of a UK postcode.
std::optional<std::string> normalise_postcode(std::string_view raw);

}  // namespace waypoint::domain
