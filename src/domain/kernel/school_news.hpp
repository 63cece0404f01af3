#pragma once
// What a school hears of at once, by e-mail, when it happens elsewhere: a parent's answer to a
// request for consent, a restrictive intervention recorded by a provider, a data protection request,
// a pupil saying in their own account how it is going, a provider's regular report.
// Who at the school is told is the access policy's (`told_at_once`).
#include <string>

#include "domain/kernel/mail_text.hpp"

namespace waypoint::domain {

enum class SchoolNews {
  ConsentAnswered,
  InterventionRecordedElsewhere,
  DataRequestMade,
  PupilAnswered,
  ProviderReportSent,
};

// The e-mail: what happened, and the link to it; no child's name.
MailText school_news_mail(SchoolNews news, const std::string& link);

}  // namespace waypoint::domain
