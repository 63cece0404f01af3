#pragma once
// Mail waiting to go out, and what became of it.
#include <cstdint>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct OutboundMail {
  std::int64_t id = 0;
  std::string to;
  std::string subject;
  std::string body;
  int attempts = 0;
};

void queue_mail(Connection& c, const std::string& to, const std::string& subject, const std::string& body,
                const std::string& now);
// Oldest first; mail that has failed `max_attempts` times is left for an administrator to see.
std::vector<OutboundMail> waiting_mail(Connection& c, int max_attempts, int limit);
void mail_sent(Connection& c, std::int64_t id, const std::string& now);
void mail_failed(Connection& c, std::int64_t id, const std::string& error);

// The addresses of the enabled users with one of `roles` at an organisation.
std::vector<std::string> addresses_of(Connection& c, std::int64_t organisation_id,
                                      const std::vector<std::string>& roles);

}  // namespace waypoint::store
