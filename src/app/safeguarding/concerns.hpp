#pragma once
// Safeguarding concerns: anyone working with a pupil records one; only the home school's DSL, the
// colleagues the DSL allows and the area's LA officers read them. Append-only; every view audited.
#include <cstdint>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/pupils/pupil.hpp"
#include "domain/safeguarding/concern.hpp"
#include "store/kernel/page.hpp"
#include "store/safeguarding/concern_store.hpp"

namespace waypoint::app {

// Raises an alert for the home school's DSL. Answers the concern's id, which the person who
// recorded it cannot open afterwards unless they are one of its readers.
std::int64_t record_concern(const Services& s, const Actor& a, std::int64_t pupil_id, const domain::ConcernInput& in);

struct PupilConcerns {
  domain::Pupil pupil;
  std::string school_name;
  bool may_read = false;  // false: the page offers only "record a concern"
  store::Page<store::ConcernRow> concerns;
};
PupilConcerns concerns_of_pupil(const Services& s, const Actor& a, std::int64_t pupil_id,
                                const store::PageRequest& page);

// For the form: the pupil, if the actor may record a concern about them.
PupilConcerns start_concern(const Services& s, const Actor& a, std::int64_t pupil_id);

struct ConcernView {
  store::ConcernRow concern;
  domain::Pupil pupil;
  std::vector<store::FollowUp> follow_ups;
};
// To anyone who may not read it, a concern does not exist (404), and the attempt is audited.
ConcernView view_concern(const Services& s, const Actor& a, std::int64_t concern_id);
void add_follow_up(const Services& s, const Actor& a, std::int64_t concern_id, const std::string& note);

// The DSL's list of colleagues at the school allowed to read its pupils' concerns.
std::vector<store::ConcernReader> concern_readers(const Services& s, const Actor& a);
void allow_concern_reader(const Services& s, const Actor& a, const std::string& email);
void remove_concern_reader(const Services& s, const Actor& a, std::int64_t user_id);

}  // namespace waypoint::app
