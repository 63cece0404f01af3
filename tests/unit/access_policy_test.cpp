// The access policy as a table: every role, every action, on a record of the actor's own
// organisation, of another organisation in the same area, and of another area.
#include "domain/kernel/access_policy.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace waypoint::domain {
// Its own namespace, so the roles named bare here (`using enum Role`) do not meet the Pupil record
// in test files compiled beside it.
namespace access_policy_table {

// The world of the table: LA 1 holds schools 10 and 12 and providers 20 and 21; LA 2 holds school 11
// and provider 22. Each actor belongs to school 10, provider 20 or LA 1.
enum Relation { Own, OtherOrganisation, OtherArea };

// Each actor's own user id is 100 plus their role's place in the list.
std::int64_t user_of(Role r) { return 100 + static_cast<std::int64_t>(r); }

Principal actor(Role r) {
  switch (organisation_kind_for(r)) {
    case OrganisationKind::School:
      return {r, 10, 1, user_of(r)};
    case OrganisationKind::Provider:
      return {r, 20, 1, user_of(r)};
    case OrganisationKind::LocalAuthority:
      return {r, 1, 1, user_of(r)};
    case OrganisationKind::Waypoint:
      break;
  }
  return {r, 99, std::nullopt, user_of(r)};
}

bool la_kind(Role r) { return organisation_kind_for(r) == OrganisationKind::LocalAuthority; }

// A record (pupil, placement, provider) in the given relation to the actor. Facts that belong to the
// actor's own record (a parent's child, a pupil placed with the provider) hold only for their own.
Scope record(Role r, Relation rel) {
  Scope s;
  switch (rel) {
    case Own:
      s.school_id = 10;
      s.provider_id = 20;
      s.local_authority_id = 1;
      s.commissioner_id = la_kind(r) ? 1 : 10;  // an LA's own placements are the ones it arranged
      s.actor_is_guardian = r == Role::Parent;
      s.actor_is_pupil = r == Role::Pupil;
      s.placed_with_actor = organisation_kind_for(r) == OrganisationKind::Provider;
      s.actor_is_outreach_worker = may_do_outreach(r);
      s.actor_school_places_there = organisation_kind_for(r) == OrganisationKind::School;
      s.alert_organisation_id = actor(r).organisation_id;
      s.alert_role = r;
      s.account_user_id = user_of(r);
      break;
    case OtherOrganisation:
      s.school_id = 12;
      s.provider_id = 21;
      s.local_authority_id = 1;
      s.commissioner_id = 12;
      s.alert_organisation_id = 12;
      s.alert_role = r;
      s.account_user_id = 200;  // a colleague's account elsewhere
      break;
    case OtherArea:
      s.school_id = 11;
      s.provider_id = 22;
      s.local_authority_id = 2;
      s.commissioner_id = 11;
      s.alert_organisation_id = 11;
      s.alert_role = r;
      s.account_user_id = 300;
      break;
  }
  return s;
}

// One letter for each relation, own first: A allow, F forbid (403), H hide (404).
struct Row {
  Action action;
  std::map<Role, std::string> cells;
};

using enum Role;

// clang-format off
const std::vector<Row> kTable = {
  {Action::Administer,            {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"AAA"}}},
  {Action::SearchAudit,           {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"AAA"}}},
  {Action::KeepRetention,         {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"AAA"}}},
  {Action::BrowseDirectory,       {{ApLead,"AAA"},{SchoolDsl,"AAA"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::ViewProvider,          {{ApLead,"AAA"},{SchoolDsl,"AAA"},{Headteacher,"AAA"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"HHH"},{Parent,"HHH"},{Pupil,"HHH"},{Administrator,"HHH"}}},
  {Action::AddProvider,           {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::ImportProviders,       {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::ManageProvider,        {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"AAF"},{LaDesignatedOfficer,"HHH"},{Parent,"HHH"},{Pupil,"HHH"},{Administrator,"HHH"}}},
  {Action::EditProviderDetails,   {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"AHH"},{ProviderStaff,"FHH"},{LaOfficer,"AAF"},{LaDesignatedOfficer,"HHH"},{Parent,"HHH"},{Pupil,"HHH"},{Administrator,"HHH"}}},
  {Action::VerifyChecks,          {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"AAF"},{LaDesignatedOfficer,"HHH"},{Parent,"HHH"},{Pupil,"HHH"},{Administrator,"HHH"}}},
  {Action::SubmitEvidence,        {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"AHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"HHH"},{Parent,"HHH"},{Pupil,"HHH"},{Administrator,"HHH"}}},
  {Action::DownloadEvidence,      {{ApLead,"AFF"},{SchoolDsl,"FFF"},{Headteacher,"AFF"},{ProviderManager,"AHH"},{ProviderStaff,"FHH"},{LaOfficer,"AAF"},{LaDesignatedOfficer,"HHH"},{Parent,"HHH"},{Pupil,"HHH"},{Administrator,"HHH"}}},
  {Action::AcceptProvider,        {{ApLead,"AAA"},{SchoolDsl,"FFF"},{Headteacher,"AAA"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"HHH"},{Parent,"HHH"},{Pupil,"HHH"},{Administrator,"HHH"}}},
  {Action::SeeChecksRunningOut,   {{ApLead,"AAA"},{SchoolDsl,"AAA"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::SeeRegistrationThreshold,{{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::KeepSchoolUnits,       {{ApLead,"AAA"},{SchoolDsl,"FFF"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::ViewPupil,             {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"AAH"},{Parent,"AHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::AddPupil,              {{ApLead,"AAA"},{SchoolDsl,"AAA"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::ImportPupils,          {{ApLead,"AAA"},{SchoolDsl,"FFF"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::EditPupil,             {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::SeeContacts,           {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"AAH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::SeeChildWeek,          {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"FFH"},{Parent,"AHH"},{Pupil,"AHH"},{Administrator,"HHH"}}},
  {Action::SendLetters,           {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ReadOwnLetters,        {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"AAA"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::RecordRestrictiveIntervention, {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ReadRestrictiveInterventions,  {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"AAH"},{Parent,"AHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::SeeInterventionTrend,  {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::HearPupilVoice,        {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ReadPupilVoice,        {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"AAH"},{Parent,"FHH"},{Pupil,"AHH"},{Administrator,"HHH"}}},
  {Action::SayHowItIsGoing,       {{ApLead,"FHH"},{SchoolDsl,"FHH"},{Headteacher,"FHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"AHH"},{Administrator,"HHH"}}},
  {Action::MakeDataRequest,       {{ApLead,"FHH"},{SchoolDsl,"FHH"},{Headteacher,"FHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"FFH"},{Parent,"AHH"},{Pupil,"AHH"},{Administrator,"HHH"}}},
  {Action::HandleDataRequests,    {{ApLead,"FHH"},{SchoolDsl,"FHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ListDataRequests,      {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::ManageFamilyAccess,    {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ChoosePupilAccounts,   {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::CommissionPlacement,   {{ApLead,"AHH"},{SchoolDsl,"FHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ArrangePlacement,      {{ApLead,"FHH"},{SchoolDsl,"FHH"},{Headteacher,"FHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ViewPlacement,         {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"HHH"},{Parent,"AHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ManagePlacement,       {{ApLead,"AHH"},{SchoolDsl,"FHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"AFH"},{LaDesignatedOfficer,"HHH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::RespondAsParent,          {{ApLead,"FHH"},{SchoolDsl,"FHH"},{Headteacher,"FHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"HHH"},{Parent,"AHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ReadDraftPlan,         {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"HHH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::RecordVisit,           {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"AFH"},{LaDesignatedOfficer,"HHH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ReadVisits,            {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"HHH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::FollowVisits,          {{ApLead,"AAA"},{SchoolDsl,"FFF"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::SeeAreaVisits,         {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::RaiseChallenge, {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"HHH"},{Parent,"AHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ReadChallenge, {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"HHH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::AnswerChallenge, {{ApLead,"FHH"},{SchoolDsl,"FHH"},{Headteacher,"FHH"},{ProviderManager,"AHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"HHH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ResolveChallenge, {{ApLead,"FHH"},{SchoolDsl,"FHH"},{Headteacher,"FHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"HHH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::SettleChallenge, {{ApLead,"FHH"},{SchoolDsl,"FHH"},{Headteacher,"FHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"HHH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::SeeAreaChallenges, {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::SendProviderReport, {{ApLead,"FHH"},{SchoolDsl,"FHH"},{Headteacher,"FHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"HHH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ReadProviderReports, {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"HHH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::FollowProviderReports, {{ApLead,"AAA"},{SchoolDsl,"FFF"},{Headteacher,"AAA"},{ProviderManager,"AAA"},{ProviderStaff,"AAA"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::EditTimetable,         {{ApLead,"AHH"},{SchoolDsl,"FHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::KeepCalendar,          {{ApLead,"AAA"},{SchoolDsl,"FFF"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::OpenOutreachCase,      {{ApLead,"AHH"},{SchoolDsl,"FHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ReadOutreach,          {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::WorkOutreachCase,      {{ApLead,"FHH"},{SchoolDsl,"FHH"},{Headteacher,"FHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AFH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::CloseOutreachCase,     {{ApLead,"AHH"},{SchoolDsl,"FHH"},{Headteacher,"AHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"AFH"},{LaDesignatedOfficer,"FFH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::FollowCaseload,        {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"AAA"},{ProviderStaff,"AAA"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::SeeAreaOutreach,       {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::TakeRegister,          {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"AAA"},{ProviderStaff,"AAA"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::SeeTodayBoard,         {{ApLead,"AAA"},{SchoolDsl,"AAA"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::ExportAttendance,      {{ApLead,"AAA"},{SchoolDsl,"AAA"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::LogProgress,           {{ApLead,"FHH"},{SchoolDsl,"FHH"},{Headteacher,"FHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"HHH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ReadAlerts,            {{ApLead,"AAA"},{SchoolDsl,"AAA"},{Headteacher,"AAA"},{ProviderManager,"AAA"},{ProviderStaff,"AAA"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"AAA"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::HandleAlert,           {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AHH"},{LaDesignatedOfficer,"AHH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"FHH"}}},
  {Action::RecordConcern,         {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AAH"},{LaDesignatedOfficer,"AAH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ReadConcerns,          {{ApLead,"FHH"},{SchoolDsl,"AHH"},{Headteacher,"FHH"},{ProviderManager,"FHH"},{ProviderStaff,"FHH"},{LaOfficer,"FFH"},{LaDesignatedOfficer,"AAH"},{Parent,"FHH"},{Pupil,"FHH"},{Administrator,"HHH"}}},
  {Action::ChooseConcernReaders,  {{ApLead,"FFF"},{SchoolDsl,"AFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::FollowReviews,         {{ApLead,"AAA"},{SchoolDsl,"FFF"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::SeeOutcomes,           {{ApLead,"AAA"},{SchoolDsl,"FFF"},{Headteacher,"AAA"},{ProviderManager,"AAA"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::SeeArea,               {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::MakeSchoolReturns,     {{ApLead,"AAA"},{SchoolDsl,"FFF"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"FFF"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::MakeAreaReturns,       {{ApLead,"FFF"},{SchoolDsl,"FFF"},{Headteacher,"FFF"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::ManageApiTokens,        {{ApLead,"AHH"},{SchoolDsl,"AHH"},{Headteacher,"AHH"},{ProviderManager,"AHH"},{ProviderStaff,"AHH"},{LaOfficer,"AHH"},{LaDesignatedOfficer,"AHH"},{Parent,"AHH"},{Pupil,"AHH"},{Administrator,"AAA"}}},
  {Action::ListPupils,            {{ApLead,"AAA"},{SchoolDsl,"AAA"},{Headteacher,"AAA"},{ProviderManager,"AAA"},{ProviderStaff,"AAA"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"AAA"},{Parent,"AAA"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::ListPlacements,        {{ApLead,"AAA"},{SchoolDsl,"AAA"},{Headteacher,"AAA"},{ProviderManager,"AAA"},{ProviderStaff,"AAA"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
  {Action::ReadConcern,           {{ApLead,"HHH"},{SchoolDsl,"AHH"},{Headteacher,"HHH"},{ProviderManager,"HHH"},{ProviderStaff,"HHH"},{LaOfficer,"HHH"},{LaDesignatedOfficer,"AAH"},{Parent,"HHH"},{Pupil,"HHH"},{Administrator,"HHH"}}},
  {Action::ViewCalendar,          {{ApLead,"AAA"},{SchoolDsl,"AAA"},{Headteacher,"AAA"},{ProviderManager,"FFF"},{ProviderStaff,"FFF"},{LaOfficer,"AAA"},{LaDesignatedOfficer,"FFF"},{Parent,"FFF"},{Pupil,"FFF"},{Administrator,"FFF"}}},
};
// clang-format on

char letter(Decision d) {
  switch (d) {
    case Decision::Allow:
      return 'A';
    case Decision::Forbid:
      return 'F';
    case Decision::Hide:
      return 'H';
  }
  return '?';
}

TEST(AccessPolicy, EveryRoleAndActionOnOwnAnotherOrganisationsAndAnotherAreasRecords) {
  std::map<Action, const Row*> rows;
  for (const auto& row : kTable) rows[row.action] = &row;
  for (const auto action : all_actions()) {
    ASSERT_TRUE(rows.count(action)) << "no row for " << action_name(action);
    for (const auto role : all_roles()) {
      ASSERT_TRUE(rows[action]->cells.count(role)) << action_name(action) << " has no cell for " << role_code(role);
      const auto& want = rows[action]->cells.at(role);
      std::string got;
      for (const auto rel : {Own, OtherOrganisation, OtherArea})
        got += letter(decide(actor(role), action, record(role, rel)));
      EXPECT_EQ(got, want) << role_code(role) << " " << action_name(action);
    }
  }
  EXPECT_EQ(kTable.size(), all_actions().size());
}

TEST(AccessPolicy, AColleagueTheDslAllowsReadsTheSchoolsConcernsAndNoOtherSchools) {
  auto own = record(ApLead, Own);
  own.actor_allowed_by_dsl = true;
  EXPECT_EQ(decide(actor(ApLead), Action::ReadConcern, own), Decision::Allow);
  EXPECT_EQ(decide(actor(ApLead), Action::ReadConcerns, own), Decision::Allow);
  EXPECT_EQ(decide(actor(Headteacher), Action::ReadConcerns, own), Decision::Allow);
  // Only the school's staff can be allowed: the flag means nothing to anyone else.
  auto placed = record(ProviderStaff, Own);
  placed.actor_allowed_by_dsl = true;
  EXPECT_EQ(decide(actor(ProviderStaff), Action::ReadConcerns, placed), Decision::Forbid);
  EXPECT_EQ(decide(actor(LaOfficer), Action::ReadConcerns, own), Decision::Forbid);
}

TEST(AccessPolicy, APupilSeesOnlyTheirOwnRecordNotAClassmatesAtTheSameSchool) {
  auto classmate = record(Pupil, Own);
  classmate.actor_is_pupil = false;
  EXPECT_EQ(decide(actor(Pupil), Action::SeeChildWeek, classmate), Decision::Hide);
  EXPECT_EQ(decide(actor(Pupil), Action::SayHowItIsGoing, classmate), Decision::Hide);
  EXPECT_EQ(decide(actor(Pupil), Action::MakeDataRequest, classmate), Decision::Hide);
  // Being a pupil's guardian means nothing to a pupil's own account, and being the pupil nothing to a parent.
  classmate.actor_is_guardian = true;
  EXPECT_EQ(decide(actor(Pupil), Action::SeeChildWeek, classmate), Decision::Hide);
  auto parent_view = record(Parent, Own);
  parent_view.actor_is_guardian = false;
  parent_view.actor_is_pupil = true;
  EXPECT_EQ(decide(actor(Parent), Action::SeeChildWeek, parent_view), Decision::Hide);
}

TEST(AccessPolicy, WhoeverRaisedAChallengeReadsAndSettlesItAndOnlyThey) {
  auto mine = record(Parent, Own);
  mine.actor_raised_it = true;
  EXPECT_EQ(decide(actor(Parent), Action::ReadChallenge, mine), Decision::Allow);
  EXPECT_EQ(decide(actor(Parent), Action::ResolveChallenge, mine), Decision::Allow);
  auto school = record(ApLead, Own);
  school.actor_organisation_raised_it = true;  // a colleague raised it
  EXPECT_EQ(decide(actor(ApLead), Action::ResolveChallenge, school), Decision::Allow);
  // A parent's account hangs off the school, but the school's challenge is not theirs.
  auto schools = record(Parent, Own);
  schools.actor_organisation_raised_it = true;
  EXPECT_EQ(decide(actor(Parent), Action::ReadChallenge, schools), Decision::Forbid);
  EXPECT_EQ(decide(actor(Parent), Action::ResolveChallenge, schools), Decision::Forbid);
  // Raised by someone else: a parent does not read the school's challenge, nor the school settle a parent's.
  EXPECT_EQ(decide(actor(Parent), Action::ReadChallenge, record(Parent, Own)), Decision::Forbid);
  EXPECT_EQ(decide(actor(ApLead), Action::ResolveChallenge, record(ApLead, Own)), Decision::Forbid);
  // The flag means nothing on a record the actor does not see.
  auto elsewhere = record(Parent, OtherOrganisation);
  elsewhere.actor_raised_it = true;
  EXPECT_EQ(decide(actor(Parent), Action::ReadChallenge, elsewhere), Decision::Hide);
}

TEST(AccessPolicy, ParentsReadTheProvidersReportsOnlyWhenTheSchoolSharesThem) {
  auto shared = record(Parent, Own);
  shared.reports_shared_with_family = true;
  EXPECT_EQ(decide(actor(Parent), Action::ReadProviderReports, shared), Decision::Allow);
  EXPECT_EQ(decide(actor(Parent), Action::ReadProviderReports, record(Parent, Own)), Decision::Forbid);
  auto pupil = record(Pupil, Own);
  pupil.reports_shared_with_family = true;
  EXPECT_EQ(decide(actor(Pupil), Action::ReadProviderReports, pupil), Decision::Forbid);
}

TEST(AccessPolicy, AProviderDoesNotSeeAPlacementUntilItIsAgreed) {
  auto draft = record(ProviderManager, Own);
  draft.draft_placement = true;
  EXPECT_EQ(decide(actor(ProviderManager), Action::ViewPlacement, draft), Decision::Hide);
  EXPECT_EQ(decide(actor(ProviderStaff), Action::LogProgress, draft), Decision::Hide);
  EXPECT_EQ(decide(actor(ApLead), Action::ViewPlacement, draft), Decision::Allow);
}

TEST(AccessPolicy, AnLaOfficerManagesOnlyThePlacementsTheLaArranged) {
  auto school_placement = record(LaOfficer, Own);
  school_placement.commissioner_id = 10;
  EXPECT_EQ(decide(actor(LaOfficer), Action::ManagePlacement, school_placement), Decision::Forbid);
  EXPECT_EQ(decide(actor(LaOfficer), Action::ViewPlacement, school_placement), Decision::Allow);
}

TEST(AccessPolicy, AnLaOfficerWithNoAreaKeepsNothing) {
  const Principal lost{LaOfficer, 5, std::nullopt, 9};
  for (const auto action : {Action::AddProvider, Action::KeepCalendar, Action::SeeOutcomes, Action::BrowseDirectory})
    EXPECT_NE(decide(lost, action, {}), Decision::Allow) << action_name(action);
  EXPECT_EQ(decide(lost, Action::ViewPupil, record(LaOfficer, OtherArea)), Decision::Hide);
}

TEST(AccessPolicy, ListsShowEachRoleItsOwnRecords) {
  EXPECT_EQ(pupil_listing(actor(SchoolDsl), 7).scope, ListScope::School);
  EXPECT_EQ(pupil_listing(actor(SchoolDsl), 7).id, 10);
  EXPECT_EQ(pupil_listing(actor(LaOfficer), 7).scope, ListScope::Area);
  EXPECT_EQ(pupil_listing(actor(Parent), 7).scope, ListScope::Guardian);
  EXPECT_EQ(pupil_listing(actor(Parent), 7).id, 7);
  EXPECT_EQ(pupil_listing(actor(ProviderStaff), 7).scope, ListScope::Provider);
  EXPECT_EQ(pupil_listing(actor(ProviderStaff), 7).id, 20);
  EXPECT_EQ(pupil_listing(actor(Administrator), 7).scope, ListScope::None);
  EXPECT_EQ(pupil_listing(actor(LaDesignatedOfficer), 7).scope, ListScope::Area);
  EXPECT_EQ(placement_listing(actor(LaDesignatedOfficer)).scope, ListScope::None);
  EXPECT_EQ(placement_listing(actor(Parent)).scope, ListScope::None);
  EXPECT_EQ(placement_listing(actor(LaOfficer)).scope, ListScope::Area);
  EXPECT_EQ(placement_listing(actor(ProviderManager)).id, 20);
  EXPECT_EQ(outcome_listing(actor(ProviderManager)).scope, ListScope::Provider);
  EXPECT_EQ(outcome_listing(actor(ProviderStaff)).scope, ListScope::None);
  EXPECT_EQ(outcome_listing(actor(LaOfficer)).id, 1);
  EXPECT_EQ(calendar_keeper(actor(Headteacher)).scope, ListScope::School);
  EXPECT_EQ(calendar_keeper(actor(LaOfficer)).scope, ListScope::Area);
  EXPECT_EQ(calendar_keeper(actor(Parent)).scope, ListScope::None);
}

TEST(AccessPolicy, AnAlertIsHandledByTheRoleItWasRaisedForAtItsOrganisation) {
  auto for_dsl = record(SchoolDsl, Own);
  EXPECT_EQ(decide(actor(SchoolDsl), Action::HandleAlert, for_dsl), Decision::Allow);
  EXPECT_EQ(decide(actor(ApLead), Action::HandleAlert, for_dsl), Decision::Hide) << "a colleague's alert";
  auto for_staff = record(ProviderStaff, Own);
  EXPECT_EQ(decide(actor(ProviderManager), Action::HandleAlert, for_staff), Decision::Allow);
  auto for_manager = record(ProviderManager, Own);
  EXPECT_EQ(decide(actor(ProviderStaff), Action::HandleAlert, for_manager), Decision::Hide);
}

TEST(AccessPolicy, EachKindOfAlertIsRaisedForTheRoleThatActsOnIt) {
  EXPECT_EQ(alert_addressee("unexplained_absence", OrganisationKind::School), SchoolDsl);
  EXPECT_EQ(alert_addressee("safeguarding_concern", OrganisationKind::School), SchoolDsl);
  EXPECT_EQ(alert_addressee("serious_incident", OrganisationKind::School), SchoolDsl);
  EXPECT_EQ(alert_addressee("register_not_taken", OrganisationKind::School), ApLead);
  EXPECT_EQ(alert_addressee("register_not_taken", OrganisationKind::Provider), ProviderStaff);
  EXPECT_EQ(alert_addressee("missing_education", OrganisationKind::LocalAuthority), LaOfficer);
  EXPECT_EQ(alert_addressee("outreach_not_seen", OrganisationKind::School), SchoolDsl);
  EXPECT_EQ(alert_addressee("outreach_not_seen", OrganisationKind::LocalAuthority), LaOfficer);
  EXPECT_EQ(alert_addressee("outreach_worry", OrganisationKind::School), SchoolDsl);
  EXPECT_EQ(alert_addressee("outreach_worry", OrganisationKind::LocalAuthority), LaOfficer);
}

TEST(AccessPolicy, AProvidersManagerReadsItsStaffsAlerts) {
  EXPECT_EQ(alerts_read_by(ProviderManager), (std::vector<Role>{ProviderManager, ProviderStaff}));
  EXPECT_EQ(alerts_read_by(SchoolDsl), (std::vector<Role>{SchoolDsl}));
  EXPECT_EQ(readers_of_alerts_for(ProviderStaff), (std::vector<Role>{ProviderStaff, ProviderManager}));
  EXPECT_EQ(readers_of_alerts_for(LaOfficer), (std::vector<Role>{LaOfficer}));
}

TEST(AccessPolicy, WhoAtASchoolIsToldAtOnce) {
  EXPECT_EQ(told_at_once(SchoolNews::ConsentAnswered), (std::vector<Role>{ApLead, Headteacher}));
  EXPECT_EQ(told_at_once(SchoolNews::InterventionRecordedElsewhere), (std::vector<Role>{ApLead, SchoolDsl}));
  EXPECT_EQ(told_at_once(SchoolNews::DataRequestMade), (std::vector<Role>{Headteacher}));
  EXPECT_EQ(told_at_once(SchoolNews::PupilAnswered), (std::vector<Role>{ApLead}));
  EXPECT_EQ(told_at_once(SchoolNews::ProviderReportSent), (std::vector<Role>{ApLead}));
  // Each e-mail says what happened and links to it, and never names a child.
  const auto mail = school_news_mail(SchoolNews::InterventionRecordedElsewhere, "https://w.example/interventions/3");
  EXPECT_EQ(mail.subject, "Waypoint: a restrictive intervention was recorded");
  EXPECT_NE(mail.body.find("https://w.example/interventions/3"), std::string::npos);
}

}  // namespace access_policy_table
}  // namespace waypoint::domain
