#include "domain/kernel/school_news.hpp"

namespace waypoint::domain {

MailText school_news_mail(SchoolNews news, const std::string& link) {
  const auto with_link = [&](std::string what) { return what + " Sign in to see it:\r\n\r\n" + link + "\r\n"; };
  switch (news) {
    case SchoolNews::ConsentAnswered:
      return {"Waypoint: a parent has answered a request for consent",
              with_link("A parent has answered the request for consent to a placement.")};
    case SchoolNews::InterventionRecordedElsewhere:
      return {"Waypoint: a restrictive intervention was recorded",
              with_link("A provider has recorded a use of force, restraint or seclusion with one of your pupils.")};
    case SchoolNews::DataRequestMade:
      return {"Waypoint: a data protection request",
              with_link("A parent or pupil has made a data protection request in Waypoint. Its clock has started.")};
    case SchoolNews::ProviderReportSent:
      return {"Waypoint: a provider has sent its report",
              with_link("A provider has sent its regular report on a placement.")};
    case SchoolNews::PupilAnswered:
      return {"Waypoint: a pupil has said how it is going",
              with_link("A pupil has answered \"how is it going\" in their own Waypoint account.")};
  }
  return {};
}

}  // namespace waypoint::domain
