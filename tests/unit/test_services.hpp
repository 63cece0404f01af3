#pragma once
// A migrated database of the test's own (test_database.hpp), with the services a use case is given:
// the system's clock and an audit key, no caches.
#include <memory>
#include <string>

#include "app/kernel/clock.hpp"
#include "app/kernel/services.hpp"
#include "store/kernel/migrations.hpp"
#include "test_database.hpp"

namespace waypoint::test_support {

struct MigratedServices {
  std::unique_ptr<store::Database> db = fresh_database();
  app::SystemClock clock;
  app::Services services{*db, clock, {}, {}, nullptr, nullptr, nullptr, nullptr};
  MigratedServices() {
    store::migrate(*db);
    services.settings.audit_key = std::string(32, 'k');
  }
};

}  // namespace waypoint::test_support
