#pragma once
// Telling a school at once, inside the use case where something happened: an e-mail with a link to
// the staff the policy says are told (`domain::told_at_once`), when this Waypoint sends mail.
#include <cstdint>
#include <string>

#include "app/kernel/services.hpp"
#include "domain/kernel/school_news.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::app {

// `path` is where the news is read, like "/interventions/12".
void tell_school(store::Connection& c, const Services& s, std::int64_t school_id, domain::SchoolNews news,
                 const std::string& path);

}  // namespace waypoint::app
