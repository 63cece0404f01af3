#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/reviews/reviews.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "web/kernel/application.hpp"
#include "web/reviews/review_summary.hpp"

namespace waypoint::web {
namespace {

using domain::Role;

struct Task {
  const char* href;
  const char* title;
  const char* description;
};

const Task kSchoolPupils{"/pupils", "Your school's pupils",
                         "See the pupils on your school's roll and open their records."};
const Task kDirectory{"/providers", "Provider directory",
                      "Find checked providers by need, key stage and offer, and see each one's standing."};
const Task kPlacements{"/placements", "Placements",
                       "Follow each placement from draft to its start: the notice or consent, the week and the plan."};
const Task kRunningOut{"/providers/running-out", "Checks running out",
                       "Checks at providers where your pupils are placed that run out soon."};
const Task kToday{"/today", "Today",
                  "Every pupil in alternative provision today: where they should be, registers in, who is absent."};
const Task kCalendar{"/calendar", "School calendar",
                     "Term dates, INSET days and the full-time week that every deadline counts with."};
const Task kRegisters{"/register", "Take the register",
                      "Mark each pupil expected with you this session: present, late or absent with a reason."};
const Task kOutcomes{"/outcomes", "Outcomes",
                     "What placements achieved: returns to school and whether they held, attendance, destinations."};
const Task kProviderPupils{"/pupils", "Pupils placed with you",
                           "See the pupils schools have placed with your provider."};

// What each role does in Waypoint, in its own words; links only to what is built.
std::pair<const char*, std::vector<Task>> tasks_for(Role role) {
  switch (role) {
    case Role::ApLead:
      return {"You arrange and oversee alternative provision for your school's pupils.",
              {kToday, kSchoolPupils, kPlacements, kOutcomes, kDirectory, kRunningOut, kCalendar}};
    case Role::SchoolDsl:
      return {"You keep pupils in alternative provision safe: absences and concerns reach you first.",
              {kToday, kSchoolPupils, kPlacements, kDirectory}};
    case Role::Headteacher:
      return {"You approve placements and see your school's alternative provision as a whole.",
              {kToday, kSchoolPupils, kPlacements, kOutcomes, kDirectory, kRunningOut, kCalendar}};
    case Role::ProviderManager:
      return {"You run a provider: you see only the pupils placed with you.",
              {kRegisters,
               kProviderPupils,
               {"/placements", "Placements with you", "The placements schools have agreed with your provider."},
               {"/providers", "Your provider's entry", "See your standing and send evidence of your checks."},
               kOutcomes}};
    case Role::ProviderStaff:
      return {"You teach pupils placed with your provider and take their registers.", {kRegisters, kProviderPupils}};
    case Role::LaOfficer:
      return {
          "You see alternative provision across your local authority's area.",
          {{"/pupils", "Pupils in your area", "See pupils on the rolls of schools in your area."},
           {"/providers", "Provider directory", "Keep the directory: add providers and sites, and record checks."},
           {"/providers/running-out", "Checks running out",
            "Providers' checks in your area that run out soon, before their standing lapses."},
           {"/placements", "Placements in your area", "Every placement made for pupils of schools in your area."},
           {"/outcomes", "Outcomes in your area",
            "Returns to school and whether they held, attendance and destinations, school by school and by provider."},
           {"/registration-threshold", "Unregistered providers teaching full time",
            "Providers that may have to register as a school, counted across every commissioner."},
           {"/calendar", "Term dates",
            "The area's term dates and closures, which schools follow unless they keep their own."}}};
    case Role::Parent:
      return {"You can see your child's plan, timetable, attendance and reviews.",
              {{"/pupils", "Your child", "See the record the school keeps about your child."}}};
    case Role::Administrator:
      return {"You look after Waypoint's organisations, user accounts and audit trail.",
              {{"/admin/organisations", "Organisations", "Add local authorities, schools and providers."},
               {"/admin/users", "Users", "Add people, reset passwords and disable accounts."},
               {"/admin/audit", "Audit trail", "Search who did what, and when, by user, pupil and date."}}};
  }
  return {"", {}};
}

}  // namespace

void add_home_routes(Router& r) {
  r.add("GET", "/", [](Request&, RequestContext& ctx) {
    const auto& a = ctx.actor();
    const auto [summary, tasks] = tasks_for(a.role);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : tasks) list.push_back({{"href", t.href}, {"title", t.title}, {"description", t.description}});
    nlohmann::json data{{"title", "Home"},
                        {"greeting", a.display_name},
                        {"role", std::string(domain::role_label(a.role))},
                        {"organisation", a.organisation_name},
                        {"summary", summary},
                        {"tasks", list}};
    nlohmann::json due = nlohmann::json::array();
    for (const auto& d : app::reviews_due(ctx.services, a))
      due.push_back({{"placement_id", d.placement.id},
                     {"pupil_name", d.placement.pupil_name},
                     {"provider_name", d.placement.provider_name},
                     {"due_on", domain::format_date(d.status.due.on)},
                     {"requested", d.status.due.requested},
                     {"label", review_state_label(d.status.state)},
                     {"class", review_state_class(d.status.state)}});
    data["reviews_due"] = due;
    data["has_reviews_due"] = !due.empty();
    data["follows_reviews"] = app::may_follow_reviews(a);
    return ctx.page("home", data);
  });
}

}  // namespace waypoint::web
