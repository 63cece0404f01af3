#pragma once
#include <optional>
#include <string>

#include "domain/pupil.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

namespace waypoint::store {

std::int64_t insert_pupil(Connection& c, const domain::Pupil& p, const std::string& now);
std::optional<domain::Pupil> find_pupil(Connection& c, std::int64_t id);
void link_guardian(Connection& c, std::int64_t pupil_id, std::int64_t user_id);
bool is_guardian(Connection& c, std::int64_t pupil_id, std::int64_t user_id);

Page<domain::Pupil> list_pupils_of_school(Connection& c, std::int64_t school_id, const PageRequest& page);
Page<domain::Pupil> list_pupils_of_local_authority(Connection& c, std::int64_t la_id, const PageRequest& page);
Page<domain::Pupil> list_pupils_of_guardian(Connection& c, std::int64_t user_id, const PageRequest& page);

}  // namespace waypoint::store
