#pragma once
#include <memory>
#include <string>

#include "store/kernel/database.hpp"

namespace waypoint::store {

std::unique_ptr<Database> open_sqlite(const std::string& path);
std::unique_ptr<Database> open_postgres(const std::string& conninfo, bool named_statements = true);

}  // namespace waypoint::store
