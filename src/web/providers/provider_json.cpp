#include "web/providers/provider_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/time.hpp"
#include "web/kernel/json_body.hpp"

namespace waypoint::web {
namespace {

std::string tag_class(std::string_view standing) {
  if (standing == "approved") return "govuk-tag--green";
  if (standing == "approved_with_actions") return "govuk-tag--yellow";
  if (standing == "lapsed") return "govuk-tag--orange";
  return "govuk-tag--red";
}

std::string standing_label_of(std::string_view code) {
  const auto s = domain::parse_standing(code);
  return s ? std::string(domain::standing_label(*s)) : std::string(code);
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

std::string joined_labels(const std::vector<domain::CodeLabel>& list, const std::vector<std::string>& codes) {
  std::vector<std::string> labels;
  for (const auto& c : codes) labels.emplace_back(domain::label_of(list, c));
  return joined(labels);
}

std::string money(std::int64_t pence) { return "£" + domain::format_pounds(pence); }

}  // namespace

app::DirectoryQuery directory_query(const Request& req) {
  return {req.query_value("kind"),      req.query_value("standing"),
          req.query_value("key_stage"), req.query_value("specialism"),
          req.query_value("offers"),    req.query_value("delivery"),
          req.query_value("name"),      req.query_value("has_capacity") == "yes"};
}

app::ProviderForm provider_form_from_json(const nlohmann::json& b) {
  return {text_of(b, "name"),
          text_of(b, "kind"),
          text_of(b, "urn"),
          text_of(b, "ukprn"),
          text_of(b, "ofsted_judgement"),
          text_of(b, "ofsted_date"),
          text_of(b, "contact_name"),
          text_of(b, "contact_email"),
          text_of(b, "contact_phone"),
          text_of(b, "age_from"),
          text_of(b, "age_to"),
          text_of(b, "delivery"),
          text_of(b, "capacity"),
          text_of(b, "cost"),
          text_of(b, "cost_unit"),
          text_of(b, "description"),
          text_of(b, "subjects"),
          text_of(b, "qualifications"),
          text_of(b, "courses"),
          list_of(b, "key_stages"),
          list_of(b, "specialisms")};
}

app::SiteForm site_form_from_json(const nlohmann::json& b) {
  return {text_of(b, "name"), text_of(b, "address"), text_of(b, "postcode"), text_of(b, "relationship")};
}

app::CheckForm check_form_from_json(const nlohmann::json& b) {
  return {text_of(b, "check_type"), text_of(b, "site_id"), text_of(b, "outcome"), text_of(b, "completed_on"),
          text_of(b, "expires_on"), text_of(b, "notes"),   std::nullopt};
}

nlohmann::json directory_entry_json(const store::DirectoryEntry& e) {
  const auto kind = domain::parse_provider_kind(e.kind);
  return {
      {"id", e.id},
      {"name", e.name},
      {"kind", e.kind},
      {"kind_label", kind ? std::string(domain::provider_kind_info(*kind).label) : e.kind},
      {"standing", e.standing},
      {"standing_label", standing_label_of(e.standing)},
      {"standing_class", tag_class(e.standing)},
      {"delivery", e.delivery},
      {"delivery_label",
       std::string(domain::delivery_label(domain::parse_delivery(e.delivery).value_or(domain::Delivery::InPerson)))},
      {"capacity", e.capacity ? nlohmann::json(*e.capacity) : nlohmann::json(nullptr)},
      {"key_stages", joined_labels(domain::key_stages(), e.key_stages)}};
}

nlohmann::json standing_json(const domain::StandingResult& r) {
  const auto code = std::string(domain::standing_code(r.standing));
  nlohmann::json expiring = nlohmann::json::array();
  for (const auto& e : r.expiring) expiring.push_back(e.text);
  return {{"code", code},
          {"label", std::string(domain::standing_label(r.standing))},
          {"class", tag_class(code)},
          {"reasons", r.reasons},
          {"has_reasons", !r.reasons.empty()},
          {"expiring", std::move(expiring)}};
}

nlohmann::json provider_view_json(const app::ProviderView& v) {
  const auto& p = v.profile;
  nlohmann::json sites = nlohmann::json::array();
  auto site_name = [&](std::optional<std::int64_t> id) {
    for (const auto& s : v.sites)
      if (id && s.id == *id) return s.name;
    return std::string();
  };
  for (const auto& s : v.sites)
    sites.push_back({{"id", s.id},
                     {"name", s.name},
                     {"address", s.address},
                     {"postcode", s.postcode},
                     {"relationship", std::string(domain::label_of(domain::site_relationships(), s.relationship))}});
  nlohmann::json checks = nlohmann::json::array();
  auto files_of = [&](std::int64_t check_id) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : v.evidence)
      if (f.check_id == check_id)
        files.push_back({{"id", f.id},
                         {"provider_id", p.id},
                         {"filename", f.filename},
                         {"content_type", f.content_type},
                         {"size_kb", std::to_string((f.size_bytes + 1023) / 1024)},
                         {"content_hash", f.content_hash}});
    return files;
  };
  for (const auto& c : v.checks)
    checks.push_back({{"id", c.id},
                      {"files", files_of(c.id)},
                      {"provider_id", p.id},
                      {"check", std::string(domain::check_type_info(c.check.type).label)},
                      {"site", site_name(c.check.site_id)},
                      {"outcome", std::string(domain::check_outcome_code(c.check.outcome))},
                      {"outcome_label", std::string(domain::check_outcome_label(c.check.outcome))},
                      {"completed_on", domain::format_date(c.check.completed_on)},
                      {"expires_on", domain::format_date(c.check.expires_on)},
                      {"completed_on_text", domain::date_text(c.check.completed_on)},
                      {"expires_on_text", domain::date_text(c.check.expires_on)},
                      {"verified", c.check.verified},
                      {"verified_by", c.verified_by},
                      {"recorded_by", c.recorded_by},
                      {"notes", c.notes},
                      {"can_verify_this", v.can_verify && !c.check.verified}});
  nlohmann::json out{
      {"id", p.id},
      {"name", p.name},
      {"kind", std::string(domain::provider_kind_info(p.kind).code)},
      {"kind_label", std::string(domain::provider_kind_info(p.kind).label)},
      {"urn", p.urn.value_or("")},
      {"ukprn", p.ukprn.value_or("")},
      {"ofsted_judgement",
       p.ofsted_judgement ? std::string(domain::label_of(domain::ofsted_judgements(), *p.ofsted_judgement)) : ""},
      {"ofsted_date", p.ofsted_date.value_or("")},
      {"ofsted_date_text", domain::date_text(p.ofsted_date.value_or(""))},
      {"contact", {{"name", p.contact_name}, {"email", p.contact_email}, {"phone", p.contact_phone}}},
      {"ages", p.age_from && p.age_to ? std::to_string(*p.age_from) + " to " + std::to_string(*p.age_to) : ""},
      {"delivery", std::string(domain::delivery_code(p.delivery))},
      {"delivery_label", std::string(domain::delivery_label(p.delivery))},
      {"capacity", p.capacity ? std::to_string(*p.capacity) : ""},
      {"cost", p.cost_pence ? money(*p.cost_pence) + " per " + p.cost_unit.value_or("day") : ""},
      {"description", p.description},
      {"key_stages", joined_labels(domain::key_stages(), p.key_stages)},
      {"specialisms", joined_labels(domain::specialisms(), p.specialisms)},
      {"subjects", joined(p.subjects)},
      {"qualifications", joined(p.qualifications)},
      {"courses", joined(p.courses)},
      {"standing", standing_json(v.standing)},
      {"sites", sites},
      {"has_sites", !v.sites.empty()},
      {"checks", checks},
      {"has_checks", !v.checks.empty()},
      {"can_manage", v.can_manage},
      {"can_edit", v.can_manage || v.can_submit},
      {"can_record", v.can_verify || v.can_submit},
      {"submits_for_verification", v.can_submit && !v.can_verify},
      {"can_accept", v.can_accept && !p.left_directory_on},
      {"can_remove", v.can_manage && !p.left_directory_on}};
  if (p.left_directory_on)
    out["left_directory"] = {{"on", p.left_directory_on->c_str()},
                             {"on_text", domain::date_text(*p.left_directory_on)},
                             {"reason", p.left_directory_reason}};
  if (v.school_acceptance)
    out["acceptance"] = {{"accepted_on", v.school_acceptance->accepted_on},
                         {"accepted_on_text", domain::date_text(v.school_acceptance->accepted_on)},
                         {"accepted_by", v.school_acceptance->accepted_by},
                         {"notes", v.school_acceptance->notes}};
  return out;
}

nlohmann::json provider_change_json(const store::ProviderChange& c) {
  const auto detail = nlohmann::json::parse(c.detail, nullptr, false);
  const auto field = [&](const char* key) {
    return detail.is_object() && detail.contains(key) && detail[key].is_string() ? detail[key].get<std::string>() : "";
  };
  const auto check = [&] {
    const auto type = domain::parse_check_type(field("check_type"));
    return type ? std::string(domain::check_type_info(*type).label) : std::string("A check");
  };
  std::string what = c.action, details;
  if (c.action == "provider.create") {
    what = "Added to the directory";
  } else if (c.action == "provider.update") {
    what = "Details changed";
    if (detail.is_object() && detail.contains("changed") && detail["changed"].is_array())
      for (const auto& f : detail["changed"])
        if (f.is_string()) details += (details.empty() ? "" : ", ") + f.get<std::string>();
  } else if (c.action == "provider.site_add") {
    what = "Site added";
    details = field("name") + (field("postcode").empty() ? "" : ", " + field("postcode"));
  } else if (c.action == "provider.check_record") {
    what = "Check recorded";
    details = check();
  } else if (c.action == "provider.evidence_submit") {
    what = "Evidence sent by the provider, to be verified";
    details = check();
  } else if (c.action == "provider.check_verify") {
    what = "Check verified";
  }
  // "2026-11-24T09:15:02Z" reads as "2026-11-24 09:15".
  const auto at = domain::uk_time_text(c.at);
  return {
      {"at", at},
      {"who", c.who.empty() ? std::string("Waypoint") : c.who + (c.organisation.empty() ? "" : ", " + c.organisation)},
      {"what", what},
      {"details", details}};
}

}  // namespace waypoint::web
