#pragma once
// One shape for reviews in pages and in the API: each review, request and due date as recorded,
// and beside them their labels and dates as people read them.
#include <nlohmann/json_fwd.hpp>

#include "app/reviews/reviews.hpp"

namespace waypoint::web {

nlohmann::json review_json(const store::ReviewRow& r);
nlohmann::json review_status_json(const app::ReviewStatus& s);
nlohmann::json review_request_json(const store::ReviewRequestRow& r);
// A placement's review due: its status and whose it is.
nlohmann::json review_due_json(const app::DueReview& d);
// {status, reviews, requests}
nlohmann::json placement_reviews_json(const app::PlacementReviews& v);

// "Overdue", "Due today", "Due soon", "Scheduled", and the tag colour pages give each.
const char* review_state_label(domain::ReviewState s);
const char* review_state_class(domain::ReviewState s);

}  // namespace waypoint::web
