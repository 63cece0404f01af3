#pragma once
// Sending mail is the outside world's business: the server gives the use cases something that sends.
#include <string>

namespace waypoint::app {

class MailSender {
 public:
  virtual ~MailSender() = default;
  // Throws std::exception with the reason when the message could not be handed over.
  virtual void send(const std::string& to, const std::string& subject, const std::string& body) const = 0;
};

}  // namespace waypoint::app
