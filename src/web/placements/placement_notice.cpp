#include "web/placements/placement_notice.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/time.hpp"
#include "web/kernel/pdf.hpp"

namespace waypoint::web {
namespace {

// The notice's words, section by section: the page and the PDF both print these.
std::vector<PdfSection> sections(const domain::DirectionNotice& n) {
  std::vector<PdfSection> out;
  std::string to;
  for (const auto& name : n.addressed_to) to += (to.empty() ? "" : "; ") + name;
  out.push_back(
      {"",
       {"Date of this notice: " + domain::date_text(n.date_of_notice),
        "To: " + (to.empty() ? "(no parent recorded)" : to),
        "Pupil: " + n.pupil_name + ", born " + domain::date_text(n.pupil_date_of_birth) + ", of " + n.school_name}});
  std::vector<std::string> where{n.school_name + " has directed that " + n.pupil_name +
                                 " attend education away from the school, with " + n.provider_name + ", at:"};
  for (const auto& a : n.provider_addresses) where.push_back(a.name + ", " + a.address);
  where.push_back("On arrival, " + n.pupil_name +
                  " should report to: " + (n.report_to.empty() ? "(not yet named)" : n.report_to) + ".");
  out.push_back({"Where", where});
  out.push_back({"When",
                 {"First day: " + domain::weekday_date_text(n.first_day) +
                      ". Planned last day: " + domain::weekday_date_text(n.planned_last_day) + ".",
                  "Number of days: " + std::to_string(n.days_per_week) + (n.days_per_week == 1 ? " day" : " days") +
                      " a week, " + std::to_string(n.school_days_in_all) + " school days in all."}});
  std::vector<std::string> times;
  for (const auto& s : n.sessions) times.push_back(s.day + ": " + s.times);
  if (times.empty()) times.push_back("(no sessions timetabled yet)");
  if (!n.breaks.empty()) times.push_back("Breaks: " + n.breaks);
  out.push_back({"Session times", times});
  out.push_back(
      {"Why", {"Reasons for the direction: " + n.reasons, "What the placement aims to achieve: " + n.objectives}});
  std::vector<std::string> rights{
      n.pupil_name + " stays on the roll of " + n.school_name +
          ". You will be invited to reviews of the placement and to say what you think.",
      "You may ask the school's governing body in writing to review the direction. If there has been no review in "
      "the previous 10 weeks, one must be held."};
  if (n.copy_to_local_authority)
    rights.push_back(
        "Because " + n.pupil_name + " has an education, health and care plan, a copy of this notice goes to " +
        (n.local_authority_name.empty() ? std::string("the local authority") : n.local_authority_name) + ".");
  out.push_back({"Reviews and your rights", rights});
  return out;
}

}  // namespace

nlohmann::json notice_json(const app::NoticeView& v) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : sections(v.notice)) list.push_back({{"heading", s.heading}, {"lines", s.lines}});
  nlohmann::json read_by = nlohmann::json::array();
  for (const auto& x : v.acknowledgements)
    read_by.push_back({{"name", x.name},
                       {"user_id", x.user_id},
                       {"notice_sent_on", x.notice_sent_on},
                       {"notice_sent_on_text", domain::date_text(x.notice_sent_on)},
                       {"acknowledged_at", x.acknowledged_at},
                       {"acknowledged_at_text", domain::uk_time_text(x.acknowledged_at)}});
  return {{"title", "Notice of a direction to attend education off-site"},
          {"placement_id", v.notice.placement_id},
          {"sections", std::move(list)},
          {"missing", v.missing},
          {"has_missing", !v.missing.empty()},
          {"acknowledgements", std::move(read_by)},
          {"has_acknowledgements", !v.acknowledgements.empty()},
          {"can_acknowledge", v.can_acknowledge}};
}

std::string notice_pdf(const app::NoticeView& v) {
  return render_sections_pdf("Notice of a direction to attend education off-site", sections(v.notice));
}

}  // namespace waypoint::web
