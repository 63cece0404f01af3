#pragma once
// The access policy: who may do what to which record. The only place in Waypoint where a role is
// compared. It is a pure function of the acting user, the action and the subject's scope (the
// facts about the record that decide access), so every rule is tested as a row of a table.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/kernel/role.hpp"
#include "domain/kernel/school_news.hpp"

namespace waypoint::domain {

enum class Action {
  // Running the service
  Administer,     // users, organisations and settings
  SearchAudit,    // read the audit trail
  KeepRetention,  // the retention schedule, legal holds, disposal and its log
  // The provider directory (a provider's details are not children's data)
  BrowseDirectory,
  ViewProvider,
  AddProvider,
  ImportProviders,
  ManageProvider,       // registration facts, sites, the standing: the provider's own LA
  EditProviderDetails,  // contact and offer: the provider's manager, or its LA
  VerifyChecks,         // record checks that count for everyone, and verify submitted ones
  SubmitEvidence,
  DownloadEvidence,
  AcceptProvider,  // a school's own due diligence, which counts only for that school
  SeeChecksRunningOut,
  SeeRegistrationThreshold,
  KeepSchoolUnits,  // the school's own on-site units, where it gives Tier 1 support: its AP lead and head
  // Pupils
  ViewPupil,
  AddPupil,
  ImportPupils,
  EditPupil,            // details, needs, contacts, attendance corrections
  ManageFamilyAccess,   // invite a parent or carer, or the pupil themselves, to Waypoint, and end their access
  ChoosePupilAccounts,  // whether the school gives its pupils of 11 and over their own accounts: the headteacher
  SeeContacts,          // the people around a child: another carer's address is not a parent's to see
  SeeChildWeek,         // the family's page: the week, contacts, what is due; the school sees what they see
  SendLetters,          // the school's letters to a child's parents: who was sent what, and recording the posted ones
  ReadOwnLetters,       // a parent's letters from their children's schools
  RecordRestrictiveIntervention,  // force, restraint or seclusion, by the school or the provider where it happened
  ReadRestrictiveInterventions,   // everyone around the child, the parents included; a provider its own
  SeeInterventionTrend,           // the LA's count by provider and month
  HearPupilVoice,                 // the school records what the pupil says of how it is going
  ReadPupilVoice,                 // the pupil's own words: the adults around them and the pupil, not their parents
  SayHowItIsGoing,                // the pupil answers for themselves, in their own account
  MakeDataRequest,                // a parent asks for a copy of the record, or complains about its handling
  HandleDataRequests,             // the school's data protection lead (the headteacher) answers them
  ListDataRequests,
  // Placements, plans and timetables
  CommissionPlacement,  // under the school's own powers
  ArrangePlacement,     // by the LA under s19
  ViewPlacement,
  ManagePlacement,  // terms, notices, plan, reviews, the return, the end
  RespondAsParent,  // a parent's own answers on their child's placement: a review asked for, a notice read
  ReadDraftPlan,
  RecordVisit,            // a monitoring visit to the provider, and the visit schedule: the commissioner
  ReadVisits,             // the visits made to a placement: the staff around it, the provider's included
  FollowVisits,           // visits due and overdue across the school's placements
  SeeAreaVisits,          // the LA's record of visits across its area
  RaiseChallenge,         // challenge the provider: the commissioning school, or a parent about their child's placement
  ReadChallenge,          // one challenge: the staff around the placement, and whoever raised it
  AnswerChallenge,        // the provider's manager
  ResolveChallenge,       // whoever raised it: satisfied, or sent on to the LA
  SettleChallenge,        // the LA records the outcome
  SeeAreaChallenges,      // the LA's list of challenges and providers' quality records
  SendProviderReport,     // the provider's regular report on a placement: its staff
  ReadProviderReports,    // the staff around the placement, and the parents when the school shares them
  FollowProviderReports,  // reports ready and late: the provider's, and the commissioning school's once late
  EditTimetable,
  KeepCalendar,
  // Outreach to children referred to AP who do not attend, or who are missing education
  OpenOutreachCase,   // put a pupil on a worker's caseload: the school (its arrangement) or the LA (the LA's)
  ReadOutreach,       // the pupil's outreach: home visits, barriers, plan and sessions
  WorkOutreachCase,   // record home visits, the barrier assessment, the plan and its sessions: the named worker
  CloseOutreachCase,  // whoever arranged it records how the case ended
  FollowCaseload,     // a worker's own caseload, with visits due
  SeeAreaOutreach,    // the LA's caseloads, visits due and overdue, and who moved on
  // Attendance and progress
  TakeRegister,
  SeeTodayBoard,
  ExportAttendance,
  LogProgress,
  // Alerts and safeguarding
  ReadAlerts,   // have an inbox
  HandleAlert,  // read one alert, log what was done, close it
  RecordConcern,
  ReadConcerns,
  ChooseConcernReaders,
  // Reviews and outcomes
  FollowReviews,
  SeeOutcomes,
  SeeArea,            // the LA's picture of its area: where its children are, what needs attention
  MakeSchoolReturns,  // the school's census AP items and its AP list for an inspection
  MakeAreaReturns,    // the LA's January AP census of the placements it arranges
  // Accounts
  ManageApiTokens,  // make, list and revoke API tokens: their owner, or an administrator
  ListPupils,       // list the pupils of one's school, area, children or provider (pupil_listing)
  ListPlacements,   // list the placements of one's school, area or provider (placement_listing)
  ViewCalendar,     // read the term dates and closures of one's school or LA (calendar_keeper)
  ReadConcern,      // one concern: as ReadConcerns, but to anyone else it does not exist (404)
};

const std::vector<Action>& all_actions();
std::string_view action_name(Action a);

// The acting user, as far as the policy needs to know them.
struct Principal {
  Role role = Role::Parent;
  std::int64_t organisation_id = 0;
  std::optional<std::int64_t> local_authority_id;  // the LA whose area they work in
  std::int64_t user_id = 0;
};

// The facts about the subject record that decide access. A use case fills in those its record has;
// an action on no record in particular (browse, add) leaves them empty.
struct Scope {
  std::optional<std::int64_t> school_id;           // the pupil's home school
  std::optional<std::int64_t> provider_id;         // the provider, or the placement's provider
  std::optional<std::int64_t> local_authority_id;  // the LA of the school's area, or the provider's LA
  // Who commissioned the placement: a school's id, or an LA's for an LA arrangement.
  std::optional<std::int64_t> commissioner_id;
  bool draft_placement = false;               // not yet agreed: the provider does not see it yet
  bool actor_is_guardian = false;             // the actor is a parent of the pupil
  bool actor_is_pupil = false;                // the actor's own account is this pupil's
  bool placed_with_actor = false;             // the pupil has an agreed or running placement at the actor's provider
  bool actor_allowed_by_dsl = false;          // the school's DSL let the actor read its concerns
  bool actor_school_places_there = false;     // the actor's school has an agreed or running placement at the provider
  bool actor_raised_it = false;               // the actor raised the challenge
  bool actor_organisation_raised_it = false;  // staff of the actor's organisation raised it
  bool reports_shared_with_family = false;    // the school shares the provider's reports with the parents
  bool actor_is_outreach_worker = false;      // the actor is the worker on an open outreach case of the pupil
  // An alert's addressee: the organisation and the role it was raised for.
  std::optional<std::int64_t> alert_organisation_id;
  std::optional<Role> alert_role;
  std::optional<std::int64_t> account_user_id;  // whose account the record (an API token) belongs to
};

// A provider's own entry, as its staff see it.
inline Scope scope_of_provider(std::int64_t provider_id) {
  Scope s;
  s.provider_id = provider_id;
  return s;
}

// A placement is seen through its pupil: the pupil's scope with the placement's provider, its
// commissioner and whether it is still a draft.
inline Scope scope_of_placement(Scope pupil, std::int64_t provider_id, std::int64_t commissioner_id, bool draft) {
  pupil.provider_id = provider_id;
  pupil.commissioner_id = commissioner_id;
  pupil.draft_placement = draft;
  return pupil;
}

enum class Decision {
  Allow,
  Forbid,  // the record is theirs to see, but not to do this to: 403
  Hide,    // the record is not theirs to know about: 404, as if it did not exist
};

Decision decide(const Principal& who, Action action, const Scope& subject);
inline bool allows(const Principal& who, Action action, const Scope& subject = {}) {
  return decide(who, action, subject) == Decision::Allow;
}

// Which records a list shows: a school's, an LA's area, a provider's, a parent's own children.
enum class ListScope { None, School, Area, Provider, Guardian };
struct Listing {
  ListScope scope = ListScope::None;
  std::int64_t id = 0;  // the school, LA, provider or parent user
};
// Lists of pupils and of placements. `user_id` is the parent's own account.
Listing pupil_listing(const Principal& who, std::int64_t user_id);
// Lists of placements: a parent reads them on their child's record, a designated officer not at all.
Listing placement_listing(const Principal& who);
// Outcomes are counted for a school, an LA's area or a provider.
Listing outcome_listing(const Principal& who);
// Whose calendar the actor keeps: their school's or their LA's.
Listing calendar_keeper(const Principal& who);

// The provider whose records alone the actor sees within a pupil's record (marks, logs, placements),
// when they work at one.
std::optional<std::int64_t> own_provider(const Principal& who);

// Whom an alert of `kind` is raised for at an organisation of kind `at`: the DSL for absences,
// concerns and incidents; the school's AP lead and the provider's staff for a register not taken;
// the LA's officers for a child missing education, and for whatever else is raised for the LA (an
// outreach pupil not seen twice, or a worry at a home visit, which also goes to the DSL).
Role alert_addressee(std::string_view kind, OrganisationKind at);

// Who reads alerts raised for a role: a provider's alerts go to its staff and its manager.
std::vector<Role> readers_of_alerts_for(Role alerted);
// The roles whose alerts a reader sees.
std::vector<Role> alerts_read_by(Role reader);

// Who at a school is e-mailed at once of `news`: the AP lead and head teacher of a parent's answer to
// a request for consent; the AP lead and DSL of force used at a provider; the head teacher, as data
// protection lead, of a data protection request.
std::vector<Role> told_at_once(SchoolNews news);

// Who may work an outreach caseload: an LA's officers and a provider's staff.
bool may_do_outreach(Role r);

// Who may be allowed by a DSL to read the school's concerns: the school's own staff.
bool may_be_concern_reader(Role r);

// The role of a carer's account made through a school's invitation. Only accounts of that role are
// linked to children: a staff account never is, whatever address it has.
Role carer_account_role();
bool may_be_linked_to_children(Role r);
// The role of a pupil's own account, made through their school's invitation.
Role pupil_account_role();

}  // namespace waypoint::domain
