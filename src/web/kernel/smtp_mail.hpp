#pragma once
// Mail handed to an SMTP server: a relay on the same machine or network, which does the rest.
#include <cstdint>
#include <string>

#include "app/kernel/mail_sender.hpp"

namespace waypoint::web {

class SmtpMailSender final : public app::MailSender {
 public:
  SmtpMailSender(std::string host, std::uint16_t port, std::string from);
  void send(const std::string& to, const std::string& subject, const std::string& body) const override;

 private:
  std::string host_;
  std::uint16_t port_;
  std::string from_;
};

}  // namespace waypoint::web
