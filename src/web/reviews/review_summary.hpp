#pragma once
// A review in words for everyone who reads it, parents first: the page and the printable PDF
// print the same sections. And the review as JSON for the API.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "app/reviews/reviews.hpp"
#include "web/kernel/pdf.hpp"

namespace waypoint::web {

std::vector<PdfSection> review_sections(const app::ReviewView& v);
std::string review_pdf(const app::ReviewView& v);
nlohmann::json review_json(const store::ReviewRow& r);
// "Overdue", "Due today", "Due soon", "Scheduled", and the tag colour for each.
const char* review_state_label(domain::ReviewState s);
const char* review_state_class(domain::ReviewState s);

}  // namespace waypoint::web
