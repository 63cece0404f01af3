#include "app/kernel/services.hpp"

#include "store/kernel/embedded.hpp"

namespace waypoint::app {

domain::CommonPasswords bundled_common_passwords() {
  return domain::CommonPasswords::from_text(
      store::embedded_file("resources/common-passwords.txt").value_or(std::string_view()));
}

}  // namespace waypoint::app
