#pragma once
// A school's own units: an on-site inclusion or learning support unit where the school gives Tier 1
// support. Each is a provider entry of the school's own, offered to nobody else, so a place there
// uses the same plan, timetable, register, reviews and outcomes as a place with a provider.
#include <cstdint>
#include <string>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "store/kernel/page.hpp"
#include "store/providers/provider_store.hpp"

namespace waypoint::app {

struct SchoolUnitForm {
  std::string name, contact_name, contact_email, contact_phone, description, room, address, postcode;
};

// Adds a unit of the actor's school, with the room or building where pupils are taught as its site.
std::int64_t add_school_unit(const Services& s, const Actor& a, const SchoolUnitForm& f);

// The actor's school's units.
store::Page<store::DirectoryEntry> school_units(const Services& s, const Actor& a, const store::PageRequest& page);

}  // namespace waypoint::app
