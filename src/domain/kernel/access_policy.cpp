#include "domain/kernel/access_policy.hpp"

#include <algorithm>

namespace waypoint::domain {
namespace {

bool school_staff(Role r) { return r == Role::ApLead || r == Role::SchoolDsl || r == Role::Headteacher; }
bool commissioner(Role r) { return r == Role::ApLead || r == Role::Headteacher; }
bool provider_staff(Role r) { return r == Role::ProviderManager || r == Role::ProviderStaff; }
// The challenge is the actor's own, or their school's when they work there (a parent's account also
// hangs off the school, but the school's challenges are not theirs).
bool owns_challenge(Role r, const Scope& s) {
  return s.actor_raised_it || (s.actor_organisation_raised_it && works_at_organisation(r));
}
// The pupil in their own account, on their own record.
bool the_pupil(Role r, const Scope& s) { return r == Role::Pupil && s.actor_is_pupil; }

template <class T>
bool same(const std::optional<T>& x, const std::optional<T>& y) {
  return x && y && *x == *y;
}

bool at_school(const Principal& w, const Scope& s) { return s.school_id && *s.school_id == w.organisation_id; }
bool at_provider(const Principal& w, const Scope& s) { return s.provider_id && *s.provider_id == w.organisation_id; }
bool in_area(const Principal& w, const Scope& s) { return same(w.local_authority_id, s.local_authority_id); }

// Whether the record is the actor's to know about at all.
bool sees_pupil(const Principal& w, const Scope& s) {
  switch (w.role) {
    case Role::ApLead:
    case Role::SchoolDsl:
    case Role::Headteacher:
      return at_school(w, s);
    case Role::LaOfficer:
    case Role::LaDesignatedOfficer:
      return in_area(w, s);
    case Role::Parent:
      return s.actor_is_guardian;
    case Role::Pupil:
      return s.actor_is_pupil;
    case Role::ProviderManager:
    case Role::ProviderStaff:
      return s.placed_with_actor || s.actor_is_outreach_worker;
    case Role::Administrator:
      return false;  // administrators run accounts and settings, not children's records
  }
  return false;
}

bool sees_placement(const Principal& w, const Scope& s) {
  if (provider_staff(w.role)) return at_provider(w, s) && !s.draft_placement;
  if (w.role == Role::LaDesignatedOfficer) return false;  // they read concerns, not placements
  return sees_pupil(w, s);
}

bool sees_provider(const Principal& w, const Scope& s) {
  if (provider_staff(w.role)) return at_provider(w, s);
  return school_staff(w.role) || w.role == Role::LaOfficer;
}

bool sees_alert(const Principal& w, const Scope& s) {
  if (!s.alert_organisation_id || *s.alert_organisation_id != w.organisation_id || !s.alert_role) return false;
  const auto roles = alerts_read_by(w.role);
  return std::find(roles.begin(), roles.end(), *s.alert_role) != roles.end();
}

bool manages_placement(const Principal& w, const Scope& s) {
  if (commissioner(w.role)) return s.commissioner_id && *s.commissioner_id == w.organisation_id;
  if (w.role == Role::LaOfficer) return same(w.local_authority_id, s.commissioner_id);
  return false;
}

// The rule for each action, taking for granted that the actor sees the record.
bool permits(const Principal& w, Action action, const Scope& s) {
  const Role r = w.role;
  switch (action) {
    case Action::Administer:
    case Action::SearchAudit:
    case Action::KeepRetention:
      return r == Role::Administrator;

    case Action::BrowseDirectory:
    case Action::SeeChecksRunningOut:
      return school_staff(r) || (r == Role::LaOfficer && w.local_authority_id);
    case Action::ViewProvider:
      return true;
    case Action::AddProvider:
    case Action::ImportProviders:
    case Action::SeeRegistrationThreshold:
    case Action::SeeArea:
    case Action::MakeAreaReturns:
      return r == Role::LaOfficer && w.local_authority_id.has_value();
    case Action::ManageProvider:
    case Action::VerifyChecks:
      return r == Role::LaOfficer && in_area(w, s);
    case Action::EditProviderDetails:
      return (r == Role::ProviderManager && at_provider(w, s)) || (r == Role::LaOfficer && in_area(w, s));
    case Action::SubmitEvidence:
      return r == Role::ProviderManager && at_provider(w, s);
    case Action::DownloadEvidence:
      return (r == Role::ProviderManager && at_provider(w, s)) || (r == Role::LaOfficer && in_area(w, s)) ||
             (commissioner(r) && s.actor_school_places_there);
    case Action::AcceptProvider:
    case Action::KeepSchoolUnits:
      return commissioner(r);

    case Action::ViewPupil:
    case Action::ViewPlacement:
      // The pupil reads their week and plan in their own words, not the adults' record and terms.
      return r != Role::Pupil;
    case Action::AddPupil:
      return school_staff(r);
    case Action::ImportPupils:
      return commissioner(r);
    case Action::EditPupil:
    case Action::ManageFamilyAccess:
      return school_staff(r) && at_school(w, s);
    case Action::ChoosePupilAccounts:
      return r == Role::Headteacher;
    case Action::SeeContacts:
      return works_at_organisation(r);
    case Action::SeeChildWeek:
      return (r == Role::Parent && s.actor_is_guardian) || the_pupil(r, s) || (school_staff(r) && at_school(w, s));
    case Action::SendLetters:
      return school_staff(r) && at_school(w, s);
    case Action::ReadOwnLetters:
      return r == Role::Parent;
    case Action::RecordRestrictiveIntervention:
      return (school_staff(r) && at_school(w, s)) || (provider_staff(r) && s.placed_with_actor);
    case Action::ReadRestrictiveInterventions:
      // Decided by whether the actor sees the pupil; the pupil hears of it from the adults who debrief them.
      return r != Role::Pupil;
    case Action::SeeInterventionTrend:
      return r == Role::LaOfficer && w.local_authority_id.has_value();
    case Action::HearPupilVoice:
      return school_staff(r) && at_school(w, s);
    case Action::ReadPupilVoice:
      return r != Role::Parent;
    case Action::SayHowItIsGoing:
      return the_pupil(r, s);
    case Action::MakeDataRequest:
      return (r == Role::Parent && s.actor_is_guardian) || the_pupil(r, s);
    case Action::HandleDataRequests:
      return r == Role::Headteacher && at_school(w, s);
    case Action::ListDataRequests:
      return r == Role::Headteacher;

    case Action::CommissionPlacement:
      return commissioner(r) && at_school(w, s);
    case Action::ArrangePlacement:
      return r == Role::LaOfficer && in_area(w, s);
    case Action::ManagePlacement:
      return manages_placement(w, s);
    case Action::RespondAsParent:
      return r == Role::Parent && s.actor_is_guardian;
    case Action::ReadDraftPlan:
      return works_at_organisation(r);
    case Action::RecordVisit:
      if (school_staff(r)) return s.commissioner_id && *s.commissioner_id == w.organisation_id;
      return r == Role::LaOfficer && same(w.local_authority_id, s.commissioner_id);
    case Action::ReadVisits:
      return works_at_organisation(r);
    case Action::FollowVisits:
      return commissioner(r);
    case Action::SeeAreaVisits:
    case Action::SeeAreaChallenges:
      return r == Role::LaOfficer && w.local_authority_id.has_value();
    case Action::RaiseChallenge:
      if (school_staff(r)) return s.commissioner_id && *s.commissioner_id == w.organisation_id;
      return r == Role::Parent && s.actor_is_guardian;
    case Action::ReadChallenge:
      return (works_at_organisation(r) && r != Role::Administrator) || owns_challenge(r, s);
    case Action::AnswerChallenge:
      return r == Role::ProviderManager && at_provider(w, s);
    case Action::ResolveChallenge:
      return owns_challenge(r, s);
    case Action::SettleChallenge:
      return r == Role::LaOfficer && in_area(w, s);
    case Action::SendProviderReport:
      return provider_staff(r) && at_provider(w, s);
    case Action::ReadProviderReports:
      return (works_at_organisation(r) && r != Role::Administrator) ||
             (r == Role::Parent && s.actor_is_guardian && s.reports_shared_with_family);
    case Action::FollowProviderReports:
      return provider_staff(r) || commissioner(r);
    case Action::EditTimetable:
      return (commissioner(r) && at_school(w, s)) || (r == Role::LaOfficer && in_area(w, s));
    case Action::KeepCalendar:
      return commissioner(r) || (r == Role::LaOfficer && w.local_authority_id);
    case Action::OpenOutreachCase:
      return (commissioner(r) && at_school(w, s)) || (r == Role::LaOfficer && in_area(w, s));
    case Action::ReadOutreach:
      return (school_staff(r) && at_school(w, s)) || (r == Role::LaOfficer && in_area(w, s)) ||
             (may_do_outreach(r) && s.actor_is_outreach_worker);
    case Action::WorkOutreachCase:
      return may_do_outreach(r) && s.actor_is_outreach_worker;
    case Action::CloseOutreachCase:
      return manages_placement(w, s);  // the commissioner is whoever arranged the outreach
    case Action::FollowCaseload:
      return may_do_outreach(r);
    case Action::SeeAreaOutreach:
      return r == Role::LaOfficer && w.local_authority_id.has_value();

    case Action::TakeRegister:
      return provider_staff(r);
    case Action::SeeTodayBoard:
    case Action::ExportAttendance:
      return school_staff(r);
    case Action::LogProgress:
      return provider_staff(r) && at_provider(w, s);

    case Action::ReadAlerts:
    case Action::HandleAlert:
    case Action::RecordConcern:
      return works_at_organisation(r) && r != Role::Administrator;
    case Action::ReadConcerns:
      if (at_school(w, s)) return r == Role::SchoolDsl || (school_staff(r) && s.actor_allowed_by_dsl);
      return r == Role::LaDesignatedOfficer && in_area(w, s);
    case Action::ChooseConcernReaders:
      return r == Role::SchoolDsl && (!s.school_id || at_school(w, s));

    case Action::FollowReviews:
    case Action::MakeSchoolReturns:
      return commissioner(r);
    case Action::SeeOutcomes:
      return commissioner(r) || r == Role::ProviderManager || (r == Role::LaOfficer && w.local_authority_id);
    case Action::ManageApiTokens:
      return true;
    case Action::ListPupils:
      return pupil_listing(w, w.user_id).scope != ListScope::None;
    case Action::ListPlacements:
      return placement_listing(w).scope != ListScope::None;
    case Action::ViewCalendar:
      return calendar_keeper(w).scope != ListScope::None;
    case Action::ReadConcern:
      return true;  // decided in whether the actor sees it
  }
  return false;
}

// The record each action is about, and so whether refusing it should reveal that it exists.
enum class Noun { None, Pupil, Placement, Provider, Alert, Account, Concern };

Noun noun_of(Action a) {
  switch (a) {
    case Action::ViewProvider:
    case Action::ManageProvider:
    case Action::EditProviderDetails:
    case Action::VerifyChecks:
    case Action::SubmitEvidence:
    case Action::DownloadEvidence:
    case Action::AcceptProvider:
      return Noun::Provider;
    case Action::ViewPupil:
    case Action::EditPupil:
    case Action::ManageFamilyAccess:
    case Action::SeeContacts:
    case Action::SeeChildWeek:
    case Action::SendLetters:
    case Action::RecordRestrictiveIntervention:
    case Action::ReadRestrictiveInterventions:
    case Action::HearPupilVoice:
    case Action::ReadPupilVoice:
    case Action::SayHowItIsGoing:
    case Action::MakeDataRequest:
    case Action::HandleDataRequests:
    case Action::CommissionPlacement:
    case Action::ArrangePlacement:
    case Action::EditTimetable:
    case Action::OpenOutreachCase:
    case Action::ReadOutreach:
    case Action::WorkOutreachCase:
    case Action::CloseOutreachCase:
    case Action::RecordConcern:
    case Action::ReadConcerns:
      return Noun::Pupil;
    case Action::ViewPlacement:
    case Action::ManagePlacement:
    case Action::RespondAsParent:
    case Action::ReadDraftPlan:
    case Action::RecordVisit:
    case Action::ReadVisits:
    case Action::RaiseChallenge:
    case Action::ReadChallenge:
    case Action::AnswerChallenge:
    case Action::ResolveChallenge:
    case Action::SettleChallenge:
    case Action::SendProviderReport:
    case Action::ReadProviderReports:
    case Action::LogProgress:
      return Noun::Placement;
    case Action::HandleAlert:
      return Noun::Alert;
    case Action::ManageApiTokens:
      return Noun::Account;
    case Action::ReadConcern:
      return Noun::Concern;
    default:
      return Noun::None;
  }
}

struct ActionName {
  Action action;
  std::string_view name;
};

constexpr ActionName kActions[] = {
    {Action::Administer, "administer"},
    {Action::SearchAudit, "search_audit"},
    {Action::KeepRetention, "keep_retention"},
    {Action::BrowseDirectory, "browse_directory"},
    {Action::ViewProvider, "view_provider"},
    {Action::AddProvider, "add_provider"},
    {Action::ImportProviders, "import_providers"},
    {Action::ManageProvider, "manage_provider"},
    {Action::EditProviderDetails, "edit_provider_details"},
    {Action::VerifyChecks, "verify_checks"},
    {Action::SubmitEvidence, "submit_evidence"},
    {Action::DownloadEvidence, "download_evidence"},
    {Action::AcceptProvider, "accept_provider"},
    {Action::SeeChecksRunningOut, "see_checks_running_out"},
    {Action::SeeRegistrationThreshold, "see_registration_threshold"},
    {Action::KeepSchoolUnits, "keep_school_units"},
    {Action::ViewPupil, "view_pupil"},
    {Action::AddPupil, "add_pupil"},
    {Action::ImportPupils, "import_pupils"},
    {Action::EditPupil, "edit_pupil"},
    {Action::ManageFamilyAccess, "manage_family_access"},
    {Action::ChoosePupilAccounts, "choose_pupil_accounts"},
    {Action::SeeContacts, "see_contacts"},
    {Action::SeeChildWeek, "see_child_week"},
    {Action::SendLetters, "send_letters"},
    {Action::ReadOwnLetters, "read_own_letters"},
    {Action::RecordRestrictiveIntervention, "record_restrictive_intervention"},
    {Action::ReadRestrictiveInterventions, "read_restrictive_interventions"},
    {Action::SeeInterventionTrend, "see_intervention_trend"},
    {Action::HearPupilVoice, "hear_pupil_voice"},
    {Action::ReadPupilVoice, "read_pupil_voice"},
    {Action::SayHowItIsGoing, "say_how_it_is_going"},
    {Action::MakeDataRequest, "make_data_request"},
    {Action::HandleDataRequests, "handle_data_requests"},
    {Action::ListDataRequests, "list_data_requests"},
    {Action::CommissionPlacement, "commission_placement"},
    {Action::ArrangePlacement, "arrange_placement"},
    {Action::ViewPlacement, "view_placement"},
    {Action::ManagePlacement, "manage_placement"},
    {Action::RespondAsParent, "respond_as_parent"},
    {Action::ReadDraftPlan, "read_draft_plan"},
    {Action::RecordVisit, "record_visit"},
    {Action::ReadVisits, "read_visits"},
    {Action::FollowVisits, "follow_visits"},
    {Action::SeeAreaVisits, "see_area_visits"},
    {Action::RaiseChallenge, "raise_challenge"},
    {Action::ReadChallenge, "read_challenge"},
    {Action::AnswerChallenge, "answer_challenge"},
    {Action::ResolveChallenge, "resolve_challenge"},
    {Action::SettleChallenge, "settle_challenge"},
    {Action::SeeAreaChallenges, "see_area_challenges"},
    {Action::SendProviderReport, "send_provider_report"},
    {Action::ReadProviderReports, "read_provider_reports"},
    {Action::FollowProviderReports, "follow_provider_reports"},
    {Action::EditTimetable, "edit_timetable"},
    {Action::KeepCalendar, "keep_calendar"},
    {Action::OpenOutreachCase, "open_outreach_case"},
    {Action::ReadOutreach, "read_outreach"},
    {Action::WorkOutreachCase, "work_outreach_case"},
    {Action::CloseOutreachCase, "close_outreach_case"},
    {Action::FollowCaseload, "follow_caseload"},
    {Action::SeeAreaOutreach, "see_area_outreach"},
    {Action::TakeRegister, "take_register"},
    {Action::SeeTodayBoard, "see_today_board"},
    {Action::ExportAttendance, "export_attendance"},
    {Action::LogProgress, "log_progress"},
    {Action::ReadAlerts, "read_alerts"},
    {Action::HandleAlert, "handle_alert"},
    {Action::RecordConcern, "record_concern"},
    {Action::ReadConcerns, "read_concerns"},
    {Action::ChooseConcernReaders, "choose_concern_readers"},
    {Action::FollowReviews, "follow_reviews"},
    {Action::SeeOutcomes, "see_outcomes"},
    {Action::SeeArea, "see_area"},
    {Action::MakeSchoolReturns, "make_school_returns"},
    {Action::MakeAreaReturns, "make_area_returns"},
    {Action::ManageApiTokens, "manage_api_tokens"},
    {Action::ListPupils, "list_pupils"},
    {Action::ListPlacements, "list_placements"},
    {Action::ViewCalendar, "view_calendar"},
    {Action::ReadConcern, "read_concern"},
};

}  // namespace

const std::vector<Action>& all_actions() {
  static const std::vector<Action> actions = [] {
    std::vector<Action> v;
    for (const auto& a : kActions) v.push_back(a.action);
    return v;
  }();
  return actions;
}

std::string_view action_name(Action a) {
  for (const auto& x : kActions)
    if (x.action == a) return x.name;
  return "unknown";
}

Decision decide(const Principal& who, Action action, const Scope& subject) {
  bool sees = true;
  switch (noun_of(action)) {
    case Noun::Pupil:
      sees = sees_pupil(who, subject);
      break;
    case Noun::Placement:
      sees = sees_placement(who, subject);
      break;
    case Noun::Provider:
      sees = sees_provider(who, subject);
      break;
    case Noun::Alert:
      sees = sees_alert(who, subject);
      break;
    case Noun::Concern:
      // A concern is not revealed even to those who see the pupil but may not read it.
      sees = sees_pupil(who, subject) && permits(who, Action::ReadConcerns, subject);
      break;
    case Noun::Account:
      sees = who.role == Role::Administrator ||
             (subject.account_user_id && who.user_id != 0 && *subject.account_user_id == who.user_id);
      break;
    case Noun::None:
      break;
  }
  if (!sees) return Decision::Hide;
  return permits(who, action, subject) ? Decision::Allow : Decision::Forbid;
}

Listing pupil_listing(const Principal& w, std::int64_t user_id) {
  if (school_staff(w.role)) return {ListScope::School, w.organisation_id};
  // The designated officer finds the pupils whose concerns they read.
  if ((w.role == Role::LaOfficer || w.role == Role::LaDesignatedOfficer) && w.local_authority_id)
    return {ListScope::Area, *w.local_authority_id};
  if (w.role == Role::Parent) return {ListScope::Guardian, user_id};
  if (provider_staff(w.role)) return {ListScope::Provider, w.organisation_id};
  return {};
}

Listing placement_listing(const Principal& w) {
  if (w.role == Role::LaDesignatedOfficer || w.role == Role::Parent) return {};
  return pupil_listing(w, 0);
}

Listing outcome_listing(const Principal& w) {
  if (!allows(w, Action::SeeOutcomes)) return {};
  if (w.role == Role::LaOfficer) return {ListScope::Area, *w.local_authority_id};
  if (w.role == Role::ProviderManager) return {ListScope::Provider, w.organisation_id};
  return {ListScope::School, w.organisation_id};
}

Listing calendar_keeper(const Principal& w) {
  if (school_staff(w.role)) return {ListScope::School, w.organisation_id};
  if (w.role == Role::LaOfficer && w.local_authority_id) return {ListScope::Area, *w.local_authority_id};
  return {};
}

std::optional<std::int64_t> own_provider(const Principal& w) {
  if (provider_staff(w.role)) return w.organisation_id;
  return std::nullopt;
}

Role alert_addressee(std::string_view kind, OrganisationKind at) {
  if (kind == "register_not_taken") return at == OrganisationKind::Provider ? Role::ProviderStaff : Role::ApLead;
  // The LA's officers watch for children missing education, an outreach pupil not seen among them.
  if (kind == "missing_education" || at == OrganisationKind::LocalAuthority) return Role::LaOfficer;
  return Role::SchoolDsl;
}

std::vector<Role> readers_of_alerts_for(Role alerted) {
  if (alerted == Role::ProviderStaff) return {Role::ProviderStaff, Role::ProviderManager};
  return {alerted};
}

std::vector<Role> alerts_read_by(Role reader) {
  if (reader == Role::ProviderManager) return {Role::ProviderManager, Role::ProviderStaff};
  return {reader};
}

std::vector<Role> told_at_once(SchoolNews news) {
  switch (news) {
    case SchoolNews::ConsentAnswered:
      return {Role::ApLead, Role::Headteacher};
    case SchoolNews::InterventionRecordedElsewhere:
      return {Role::ApLead, Role::SchoolDsl};
    case SchoolNews::DataRequestMade:
      return {Role::Headteacher};
    case SchoolNews::PupilAnswered:
    case SchoolNews::ProviderReportSent:
      return {Role::ApLead};
  }
  return {};
}

bool may_be_concern_reader(Role r) { return school_staff(r); }

bool may_do_outreach(Role r) { return r == Role::LaOfficer || provider_staff(r); }

Role carer_account_role() { return Role::Parent; }

bool may_be_linked_to_children(Role r) { return r == carer_account_role(); }

Role pupil_account_role() { return Role::Pupil; }

}  // namespace waypoint::domain
