#include "web/kernel/smtp_mail.hpp"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

namespace waypoint::web {

SmtpMailSender::SmtpMailSender(std::string host, std::uint16_t port, std::string from)
    : host_(std::move(host)), port_(port), from_(std::move(from)) {}

void SmtpMailSender::send(const std::string& to, const std::string& subject, const std::string& body) const {
  const Poco::Timespan timeout(10, 0);  // a relay that hangs must not hold the alerts back for long
  Poco::Net::StreamSocket socket;
  socket.connect(Poco::Net::SocketAddress(host_, port_), timeout);
  Poco::Net::SMTPClientSession session(socket);
  session.setTimeout(timeout);
  session.login("waypoint");
  Poco::Net::MailMessage message;
  message.setSender(from_);
  message.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, to));
  message.setSubject(Poco::Net::MailMessage::encodeWord(subject, "UTF-8"));
  message.setContentType("text/plain; charset=UTF-8");
  message.setContent(body, Poco::Net::MailMessage::ENCODING_8BIT);
  session.sendMessage(message);
  session.close();
}

}  // namespace waypoint::web
