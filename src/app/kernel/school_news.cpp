#include "app/kernel/school_news.hpp"

#include "domain/kernel/access_policy.hpp"
#include "store/kernel/mail_store.hpp"

namespace waypoint::app {

void tell_school(store::Connection& c, const Services& s, std::int64_t school_id, domain::SchoolNews news,
                 const std::string& path) {
  if (!s.settings.mail_enabled) return;
  std::vector<std::string> roles;
  for (const auto r : domain::told_at_once(news)) roles.emplace_back(domain::role_code(r));
  const auto mail = domain::school_news_mail(news, s.settings.public_url + path);
  for (const auto& to : store::addresses_of(c, school_id, roles))
    store::queue_mail(c, to, mail.subject, mail.body, s.now_iso());
}

}  // namespace waypoint::app
