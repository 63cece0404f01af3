#pragma once
// An e-mail Waypoint sends: plain text, naming no child (mail is not a safe place for that), with a
// link to where the reader signs in to see more.
#include <string>

namespace waypoint::domain {

struct MailText {
  std::string subject;
  std::string body;
};

}  // namespace waypoint::domain
