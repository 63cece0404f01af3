#include "web/pupils/placement_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/calendar_date.hpp"
#include "domain/reintegration/reintegration.hpp"
#include "web/kernel/json_value.hpp"

namespace waypoint::web {
namespace {

// The GOV.UK tag colour for each stage of a placement's life.
const char* status_class(const std::string& status) {
  if (status == "active") return "govuk-tag--green";
  if (status == "awaiting") return "govuk-tag--yellow";
  if (status == "ended") return "govuk-tag--grey";
  return "govuk-tag--blue";
}

}  // namespace

nlohmann::json placement_json(const store::PlacementRecord& p) {
  const auto& t = p.terms;
  const auto status = domain::parse_status(p.status).value_or(domain::PlacementStatus::Draft);
  return {{"id", p.id},
          {"pupil_id", p.pupil_id},
          {"pupil_name", p.pupil_name},
          {"school_id", p.school_id},
          {"school_name", p.school_name},
          {"provider_id", p.provider_id},
          {"provider_name", p.provider_name},
          {"commissioner_id", p.commissioner_id},
          {"commissioner_name", p.commissioner_name},
          {"legal_basis", t.legal_basis},
          {"legal_basis_label", std::string(domain::label_of(domain::legal_bases(), t.legal_basis))},
          {"reason", t.reason},
          {"reason_label", std::string(domain::label_of(domain::placement_reasons(), t.reason))},
          {"reason_detail", t.reason_detail},
          {"tier", domain::tier_of(t)},
          {"tier_label", std::string(domain::label_of(domain::placement_tiers(), std::to_string(domain::tier_of(t))))},
          {"objectives", t.objectives},
          {"start_date", t.start_date},
          {"planned_end_date", t.planned_end_date},
          {"start_date_text", domain::date_text(t.start_date)},
          {"planned_end_date_text", domain::date_text(t.planned_end_date)},
          {"cost", t.cost},
          {"cost_unit", t.cost_unit},
          {"paid_by", t.paid_by},
          {"paid_by_label", std::string(domain::label_of(domain::payers(), t.paid_by))},
          {"report_to", t.report_to},
          {"breaks", t.breaks},
          {"review_interval_weeks", domain::review_interval_of(t)},
          {"first_review_on", t.first_review_on.empty() ? nlohmann::json() : nlohmann::json(t.first_review_on)},
          {"first_review_on_text", domain::date_text(t.first_review_on)},
          {"site_ids", t.site_ids},
          {"status", p.status},
          {"status_label", std::string(domain::status_label(status))},
          {"status_class", status_class(p.status)},
          {"notice_sent_on", json_or_null(p.notice_sent_on)},
          {"la_informed_on", json_or_null(p.la_informed_on)},
          {"parent_consent_on", json_or_null(p.parent_consent_on)},
          {"parent_consent_from", json_or_null(p.parent_consent_from)},
          {"authority_consent_on", json_or_null(p.authority_consent_on)},
          {"override_reason", json_or_null(p.override_reason)},
          {"activated_on", json_or_null(p.activated_on)},
          {"ended_on", json_or_null(p.ended_on)},
          {"destination", json_or_null(p.destination)},
          {"destination_label",
           p.destination ? nlohmann::json(std::string(domain::label_of(domain::destinations(), *p.destination)))
                         : nlohmann::json()},
          {"pupil_assessment", json_or_null(p.pupil_assessment)},
          {"parent_view", json_or_null(p.parent_view)},
          {"end_reason", json_or_null(p.end_reason)},
          {"end_reason_label",
           p.end_reason ? nlohmann::json(std::string(domain::label_of(domain::placement_end_reasons(), *p.end_reason)))
                        : nlohmann::json()}};
}

}  // namespace waypoint::web
