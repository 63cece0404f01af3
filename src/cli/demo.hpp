#pragma once
#include <string>
#include <vector>

#include "app/kernel/services.hpp"

namespace waypoint::cli {

struct DemoSignIn {
  std::string role;
  std::string email;
};

extern const char* const kDemoPassword;

// Loads the demo area (one LA, three schools, four providers, twenty pupils, a user per role)
// into an empty database. Returns the sign-ins, or nothing if the database already held data.
std::vector<DemoSignIn> load_demo_data(const app::Services& s);

// The demo sign-ins, for printing whether or not they were just loaded.
std::vector<DemoSignIn> demo_sign_ins();

}  // namespace waypoint::cli
