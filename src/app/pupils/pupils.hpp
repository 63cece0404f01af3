#pragma once
#include <string_view>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/pupils/pupil.hpp"
#include "domain/pupils/pupil_import.hpp"
#include "store/kernel/page.hpp"
#include "store/outreach/outreach_store.hpp"
#include "store/placements/placement_store.hpp"

namespace waypoint::app {

// The pupils within the actor's scope; those whose names and UPN hold every word of `search`, when it
// is given (one line of up to 100 characters, else Invalid naming "q").
store::Page<domain::Pupil> list_pupils(const Services& s, const Actor& a, const store::PageRequest& page,
                                       std::string_view search = {});

// One pupil's record. Out of scope answers NotFound (so ids reveal nothing) and is audited.
domain::Pupil view_pupil(const Services& s, const Actor& a, std::int64_t pupil_id);

// Everything the pupil's page shows, each part only to those who may see it.
struct PupilRecord {
  domain::Pupil pupil;
  std::vector<domain::PupilContact> contacts;  // only for those who may see them (not a parent)
  bool can_see_contacts = false;
  std::vector<store::PlacementRecord> placements;  // a provider sees only its own
  bool can_edit = false;                           // the home school keeps the record
  bool can_manage_family = false;                  // invites parents and carers, and ends their access
  bool can_see_letters = false;                    // the school's letters to the parents
  bool can_read_voice = false;                     // the pupil's own words: not their parents'
  bool can_read_outreach = false;                  // home visits and sessions of an outreach worker
  std::vector<store::OutreachCaseRow> outreach;    // for those who may read it, newest first
  bool can_see_week = false;                       // the family's page: a parent, and the school to see it as they do
  bool can_place = false;                          // under the school's powers
  bool can_arrange = false;                        // as the LA, under s19
};
PupilRecord view_pupil_record(const Services& s, const Actor& a, std::int64_t pupil_id);

struct PupilForm {
  std::string upn, given_name, family_name, date_of_birth, gender;
  std::vector<std::string> needs;
  bool looked_after = false, child_in_need = false, child_protection_plan = false;
};
// The home school's staff add and correct their pupils.
std::int64_t add_pupil(const Services& s, const Actor& a, const PupilForm& f);
void update_pupil(const Services& s, const Actor& a, std::int64_t pupil_id, const PupilForm& f);
std::int64_t add_contact(const Services& s, const Actor& a, std::int64_t pupil_id, domain::PupilContact contact);
void remove_contact(const Services& s, const Actor& a, std::int64_t pupil_id, std::int64_t contact_id);

struct PupilImportReport {
  int created = 0;
  int updated = 0;
  std::vector<domain::RejectedPupil> rejected;
};
// Adds the school's pupils from a file's records, idempotent on UPN: a pupil the school already
// has is refreshed (names, date of birth, gender, and needs or care status the file states), not
// duplicated. A UPN on another school's roll is rejected, as is every record the rules refuse.
// `source` ("csv" or "ctf") is kept on the audit trail.
PupilImportReport import_pupils(const Services& s, const Actor& a, const std::vector<domain::RawPupil>& rows,
                                const std::string& source);

}  // namespace waypoint::app
