#include "domain/providers/provider_profile.hpp"

#include <algorithm>
#include <cctype>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/contact.hpp"
#include "domain/kernel/identifiers.hpp"

namespace waypoint::domain {

std::string_view delivery_code(Delivery d) {
  switch (d) {
    case Delivery::InPerson:
      return "in_person";
    case Delivery::Online:
      return "online";
    case Delivery::Both:
      return "both";
  }
  return "in_person";
}

std::string_view delivery_label(Delivery d) {
  switch (d) {
    case Delivery::InPerson:
      return "In person";
    case Delivery::Online:
      return "Online";
    case Delivery::Both:
      return "In person and online";
  }
  return "In person";
}

std::optional<Delivery> parse_delivery(std::string_view code) {
  for (auto d : {Delivery::InPerson, Delivery::Online, Delivery::Both})
    if (delivery_code(d) == code) return d;
  return std::nullopt;
}

const std::vector<CodeLabel>& key_stages() {
  static const std::vector<CodeLabel> list = {
      {"ks1", "Key stage 1"}, {"ks2", "Key stage 2"}, {"ks3", "Key stage 3"},
      {"ks4", "Key stage 4"}, {"post16", "Post-16"},
  };
  return list;
}

const std::vector<CodeLabel>& specialisms() {
  static const std::vector<CodeLabel> list = {
      {"semh", "Social, emotional and mental health"},
      {"school_avoidance", "Emotionally based school avoidance"},
      {"autism", "Autism"},
      {"medical", "Medical and health needs"},
      {"behaviour", "Behaviour"},
      {"exclusion", "Excluded pupils"},
      {"vocational", "Vocational"},
  };
  return list;
}

const std::vector<CodeLabel>& ofsted_judgements() {
  static const std::vector<CodeLabel> list = {
      {"outstanding", "Outstanding"},
      {"good", "Good"},
      {"requires_improvement", "Requires improvement"},
      {"inadequate", "Inadequate"},
  };
  return list;
}

const std::vector<CodeLabel>& site_relationships() {
  static const std::vector<CodeLabel> list = {
      {"main", "Main site"},
      {"satellite", "Satellite site"},
      {"sub_contracted", "Sub-contracted site"},
  };
  return list;
}

FieldErrors provider_profile_problems(const ProviderProfile& p, std::chrono::year_month_day today) {
  FieldErrors e;
  const auto& kind = provider_kind_info(p.kind);
  if (is_school_unit(p.kind) != p.unit_of_school.has_value())
    e.push_back({"kind", is_school_unit(p.kind) ? "A school's own unit is added by its school, on its units page"
                                                : "A school's own unit stays the school's own unit"});
  if (p.name.empty())
    e.push_back({"name", "Enter the provider's name"});
  else if (p.name.size() > 200)
    e.push_back({"name", "Name must be 200 characters or fewer"});
  if (p.urn) {
    if (auto problem = urn_problem(*p.urn)) e.push_back({"urn", *problem});
  } else if (kind.needs_urn) {
    e.push_back({"urn", "Enter the URN: a " + std::string(kind.label) + " is registered with the DfE"});
  }
  if (p.ukprn) {
    if (auto problem = ukprn_problem(*p.ukprn)) e.push_back({"ukprn", *problem});
  } else if (kind.needs_ukprn) {
    e.push_back(
        {"ukprn", "Enter the UKPRN: a " + std::string(kind.label) + " is on the register of learning providers"});
  }
  if (p.ofsted_judgement && !in_list(ofsted_judgements(), *p.ofsted_judgement))
    e.push_back({"ofsted_judgement", "Select the Ofsted judgement"});
  if (p.ofsted_date) {
    const auto date = parse_date(*p.ofsted_date);
    if (!date)
      e.push_back({"ofsted_date", "Date of inspection must be a real date, like 2025-03-14"});
    else if (std::chrono::sys_days(*date) > std::chrono::sys_days(today))
      e.push_back({"ofsted_date", "Date of inspection must be today or in the past"});
  } else if (p.ofsted_judgement) {
    e.push_back({"ofsted_date", "Enter the date of the inspection"});
  }
  if (p.contact_name.empty()) e.push_back({"contact_name", "Enter the name of the person to contact"});
  if (auto problem = email_problem(p.contact_email)) e.push_back({"contact_email", *problem});
  const auto age_ok = [](const std::optional<int>& a) { return !a || (*a >= 4 && *a <= 25); };
  if (!age_ok(p.age_from)) e.push_back({"age_from", "Youngest age must be between 4 and 25"});
  if (!age_ok(p.age_to))
    e.push_back({"age_to", "Oldest age must be between 4 and 25"});
  else if (p.age_from && p.age_to && *p.age_to < *p.age_from)
    e.push_back({"age_to", "Oldest age must be the same as or more than the youngest age"});
  for (const auto& ks : p.key_stages)
    if (!in_list(key_stages(), ks)) e.push_back({"key_stages", "Select key stages from the list"});
  for (const auto& s : p.specialisms)
    if (!in_list(specialisms(), s)) e.push_back({"specialisms", "Select specialisms from the list"});
  if (p.capacity && (*p.capacity < 0 || *p.capacity > 10000))
    e.push_back({"capacity", "Places must be a whole number from 0 to 10000"});
  if (p.cost_pence && *p.cost_pence < 0) e.push_back({"cost", "Cost must be 0 or more"});
  if (p.cost_pence && !p.cost_unit) e.push_back({"cost_unit", "Select whether the cost is per day or per session"});
  if (p.cost_unit && *p.cost_unit != "day" && *p.cost_unit != "session")
    e.push_back({"cost_unit", "Select whether the cost is per day or per session"});
  return e;
}

FieldErrors site_problems(Site& site) {
  FieldErrors e;
  if (site.name.empty()) e.push_back({"site_name", "Enter the site's name"});
  if (site.address.empty()) e.push_back({"address", "Enter the site's address"});
  if (auto postcode = normalise_postcode(site.postcode))
    site.postcode = *postcode;
  else
    e.push_back({"postcode", site.postcode.empty() ? "Enter the postcode" : "Enter a real postcode, like EX1 1AA"});
  if (!in_list(site_relationships(), site.relationship))
    e.push_back({"relationship", "Select whether this is the main site, a satellite or a sub-contracted site"});
  return e;
}

std::optional<std::string> normalise_postcode(std::string_view raw) {
  std::string compact;
  for (unsigned char c : raw)
    if (!std::isspace(c)) compact += static_cast<char>(std::toupper(c));
  // Outward code: 1-2 letters, a digit, then an optional letter or digit; inward: digit, two letters.
  if (compact.size() < 5 || compact.size() > 7) return std::nullopt;
  const auto inward = compact.substr(compact.size() - 3);
  const auto outward = compact.substr(0, compact.size() - 3);
  const auto alpha = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  if (!digit(inward[0]) || !alpha(inward[1]) || !alpha(inward[2])) return std::nullopt;
  std::size_t i = 0;
  while (i < outward.size() && alpha(outward[i])) ++i;
  if (i < 1 || i > 2 || i >= outward.size() || !digit(outward[i])) return std::nullopt;
  const auto rest = outward.substr(i + 1);
  if (rest.size() > 1 || (rest.size() == 1 && !alpha(rest[0]) && !digit(rest[0]))) return std::nullopt;
  return outward + " " + inward;
}

std::vector<std::string> changed_fields(const ProviderProfile& b, const ProviderProfile& a) {
  std::vector<std::string> out;
  auto note = [&](bool changed, const char* label) {
    if (changed) out.emplace_back(label);
  };
  // Lists are sets: the store may give them back in another order than they were typed.
  auto differ = [](std::vector<std::string> x, std::vector<std::string> y) {
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    return x != y;
  };
  note(b.name != a.name, "Name");
  note(b.kind != a.kind, "Kind of provider");
  note(b.urn != a.urn, "URN");
  note(b.ukprn != a.ukprn, "UKPRN");
  note(b.ofsted_judgement != a.ofsted_judgement || b.ofsted_date != a.ofsted_date, "Ofsted judgement");
  note(b.contact_name != a.contact_name, "Person to contact");
  note(b.contact_email != a.contact_email, "Contact email");
  note(b.contact_phone != a.contact_phone, "Contact phone");
  note(b.age_from != a.age_from || b.age_to != a.age_to, "Ages");
  note(differ(b.key_stages, a.key_stages), "Key stages");
  note(differ(b.specialisms, a.specialisms), "Specialisms");
  note(differ(b.subjects, a.subjects), "Subjects");
  note(differ(b.qualifications, a.qualifications), "Qualifications");
  note(differ(b.courses, a.courses), "Vocational courses");
  note(b.delivery != a.delivery, "How the provider teaches");
  note(b.capacity != a.capacity, "Places");
  note(b.cost_pence != a.cost_pence || b.cost_unit != a.cost_unit, "Cost");
  note(b.description != a.description, "Description");
  return out;
}

}  // namespace waypoint::domain
