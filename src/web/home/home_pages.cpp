#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/pupils/pupil_accounts.hpp"
#include "app/pupils/pupils.hpp"
#include "app/reports/provider_reports.hpp"
#include "app/reviews/reviews.hpp"
#include "app/visits/visits.hpp"
#include "web/kernel/application.hpp"
#include "web/reports/report_json.hpp"
#include "web/reviews/review_json.hpp"
#include "web/visits/visit_json.hpp"

namespace waypoint::web {
namespace {

struct Task {
  std::string href;
  std::string title;
  std::string description;
};

using domain::Action;
using domain::ListScope;

// The tasks the policy allows the actor, in the words of their part in the work. Links only to
// what is built.
std::vector<Task> tasks_for(const app::Actor& a) {
  const auto who = app::principal_of(a);
  const auto may = [&](Action action) { return app::allowed(a, action); };
  const auto listing = domain::pupil_listing(who, a.user_id).scope;
  const bool lists_placements = domain::placement_listing(who).scope != ListScope::None;
  const bool keeps_directory = may(Action::AddProvider);
  std::vector<Task> tasks;
  if (may(Action::SeeArea))
    tasks.push_back({"/area", "Where are our children?",
                     "Your area at a glance: placements by status, tier, reason and provider, what needs attention, "
                     "and attendance at providers this half term."});
  if (may(Action::SeeTodayBoard))
    tasks.push_back({"/today", "Today",
                     "Every pupil in alternative provision today: where they should be, registers in, who is absent."});
  if (may(Action::TakeRegister))
    tasks.push_back({"/register", "Take the register",
                     "Mark each pupil expected with you this session: present, late or absent with a reason."});
  switch (listing) {
    case ListScope::School:
      tasks.push_back(
          {"/pupils", "Your school's pupils", "See the pupils on your school's roll and open their records."});
      tasks.push_back({"/placements", "Placements",
                       "Follow each placement from draft to its start: the notice or consent, the week and the plan."});
      break;
    case ListScope::Area:
      tasks.push_back({"/pupils", "Pupils in your area", "See pupils on the rolls of schools in your area."});
      if (lists_placements)
        tasks.push_back(
            {"/placements", "Placements in your area", "Every placement made for pupils of schools in your area."});
      break;
    case ListScope::Provider:
      tasks.push_back({"/pupils", "Pupils placed with you", "See the pupils schools have placed with your provider."});
      tasks.push_back({"/placements", "Placements with you", "The placements schools have agreed with your provider."});
      break;
    case ListScope::Guardian:
      tasks.push_back({"/pupils", "Your children's records", "See the record each school keeps about your child."});
      break;
    case ListScope::None:
      break;
  }
  if (may(Action::SeeAreaVisits))
    tasks.push_back({"/area/visits", "Visits to providers",
                     "Schools' monitoring visits across your area this year, and placements whose visit is overdue."});
  if (may(Action::FollowCaseload))
    tasks.push_back({"/outreach", "Your outreach caseload",
                     "The children you visit at home, when each next visit is due, their plans and sessions."});
  if (may(Action::SeeAreaOutreach))
    tasks.push_back({"/area/outreach", "Outreach in your area",
                     "Caseloads, home visits due and overdue, and how many children moved on to a placement or back "
                     "to school."});
  if (may(Action::SeeAreaChallenges))
    tasks.push_back({"/area/challenges", "Challenges to providers",
                     "Schools' and parents' challenges to providers, those now with you, and each provider's record."});
  if (may(Action::SeeInterventionTrend))
    tasks.push_back({"/area/interventions", "Restrictive interventions by provider",
                     "Force, restraint and seclusion recorded for your area's pupils, month by month."});
  if (may(Action::ListDataRequests))
    tasks.push_back({"/data-requests", "Data protection requests",
                     "Parents' requests for a copy of their child's record, and complaints, each with its clock."});
  if (may(Action::KeepSchoolUnits))
    tasks.push_back({"/school/units", "Your school's own units",
                     "The on-site inclusion or learning support units where you give Tier 1 support."});
  if (may(Action::ChoosePupilAccounts))
    tasks.push_back({"/school/pupil-accounts", "Pupils' own accounts",
                     "Whether your school gives its pupils of 11 and over their own Waypoint accounts."});
  if (may(Action::ReadOwnLetters))
    tasks.push_back(
        {"/letters", "Letters", "Notices and review summaries from your child's school, and when you read them."});
  if (may(Action::SeeOutcomes))
    tasks.push_back(keeps_directory
                        ? Task{"/outcomes", "Outcomes in your area",
                               "Returns to school and whether they held, attendance and destinations, school by "
                               "school and by provider."}
                        : Task{"/outcomes", "Outcomes",
                               "What placements achieved: returns to school and whether they held, attendance, "
                               "destinations."});
  if (may(Action::MakeAreaReturns))
    tasks.push_back({"/returns/ap-census", "Alternative provision census (January)",
                     "The census's items for each child in a placement your authority arranged, checked, as CSV or "
                     "Excel."});
  if (may(Action::MakeSchoolReturns)) {
    tasks.push_back({"/returns/school-census", "School census: AP placements",
                     "The census's items for each placement you arranged, checked as the census checks them, as CSV "
                     "or Excel."});
    tasks.push_back({"/returns/ap-list", "Your AP list for an inspection",
                     "Each provider you use, its registration, address and latest visit, and your pupils there."});
  }
  if (may(Action::BrowseDirectory))
    tasks.push_back(keeps_directory
                        ? Task{"/providers", "Provider directory",
                               "Keep the directory: add providers and sites, and record checks."}
                        : Task{"/providers", "Provider directory",
                               "Find checked providers by need, key stage and offer, and see each one's standing."});
  else if (app::allowed(a, Action::ViewProvider, domain::scope_of_provider(a.organisation_id)))
    tasks.push_back({"/providers", "Your provider's entry", "See your standing and send evidence of your checks."});
  if (may(Action::SeeChecksRunningOut))
    tasks.push_back(keeps_directory
                        ? Task{"/providers/running-out", "Checks running out",
                               "Providers' checks in your area that run out soon, before their standing lapses."}
                        : Task{"/providers/running-out", "Checks running out",
                               "Checks at providers where your pupils are placed that run out soon."});
  if (may(Action::SeeRegistrationThreshold))
    tasks.push_back({"/registration-threshold", "Unregistered providers teaching full time",
                     "Providers that may have to register as a school, counted across every commissioner."});
  if (may(Action::KeepCalendar))
    tasks.push_back(domain::calendar_keeper(who).scope == ListScope::Area
                        ? Task{"/calendar", "Term dates",
                               "The area's term dates and closures, which schools follow unless they keep their own."}
                        : Task{"/calendar", "School calendar",
                               "Term dates, INSET days and the full-time week that every deadline counts with."});
  if (may(Action::Administer)) {
    tasks.push_back({"/admin/organisations", "Organisations", "Add local authorities, schools and providers."});
    tasks.push_back({"/admin/users", "Users", "Add people, reset passwords and disable accounts."});
  }
  if (may(Action::SearchAudit))
    tasks.push_back({"/admin/audit", "Audit trail", "Search who did what, and when, by user, pupil and date."});
  if (may(Action::KeepRetention))
    tasks.push_back({"/admin/retention", "Retention and disposal",
                     "The retention schedule, legal holds, and the log of what was disposed of."});
  return tasks;
}

}  // namespace

void add_home_routes(Router& r) {
  r.add("GET", "/", [](Request&, RequestContext& ctx) {
    const auto& a = ctx.actor();
    auto tasks = tasks_for(a);
    // A parent starts from each child's week: where they should be, who to call, what is next.
    if (domain::pupil_listing(app::principal_of(a), a.user_id).scope == ListScope::Guardian) {
      std::vector<Task> children;
      for (const auto& p : app::list_pupils(ctx.services, a, {}).items)
        children.push_back(
            {"/pupils/" + std::to_string(p.id) + "/week", p.given_name + "'s week",
             "Where " + p.given_name + " should be each day, who to contact, attendance, the plan and reviews."});
      tasks.insert(tasks.begin(), children.begin(), children.end());
    }
    // A pupil in their own account starts from their week and the question of how it is going.
    if (const auto me = app::own_pupil_record(ctx.services, a)) {
      const auto base = "/pupils/" + std::to_string(me->id);
      tasks.insert(tasks.begin(),
                   {{base + "/week", "Your week", "Where you should be each day, who to contact, and your plan."},
                    {base + "/how-is-it-going", "How is it going?", "Tell your school how things are going for you."},
                    {base + "/data-rights", "What Waypoint keeps about you", "Ask for a copy of it."}});
    }
    const auto summary = std::string(domain::role_summary(a.role));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : tasks) list.push_back({{"href", t.href}, {"title", t.title}, {"description", t.description}});
    nlohmann::json data{{"title", "Home"},
                        {"greeting", a.display_name},
                        {"role", std::string(domain::role_label(a.role))},
                        {"organisation", a.organisation_name},
                        {"summary", summary},
                        {"tasks", std::move(list)}};
    nlohmann::json due = nlohmann::json::array();
    for (const auto& d : app::reviews_due(ctx.services, a)) {
      auto row = review_due_json(d);
      row["class"] = review_state_class(d.status.state);
      due.push_back(row);
    }
    data["reviews_due"] = due;
    data["has_reviews_due"] = !due.empty();
    data["follows_reviews"] = app::allowed(a, domain::Action::FollowReviews);
    data["follows_visits"] = app::allowed(a, domain::Action::FollowVisits);
    data["visits_due"] = visits_due_json(app::visits_due(ctx.services, a));
    data["has_visits_due"] = !data["visits_due"].empty();
    nlohmann::json reports = nlohmann::json::array();
    for (const auto& d : app::reports_to_follow(ctx.services, a)) reports.push_back(report_due_json(d));
    data["follows_reports"] = app::allowed(a, domain::Action::FollowProviderReports);
    data["sends_reports"] = domain::own_provider(app::principal_of(a)).has_value();
    data["has_reports_due"] = !reports.empty();
    data["reports_due"] = std::move(reports);
    return ctx.page("home", std::move(data));
  });
}

}  // namespace waypoint::web
