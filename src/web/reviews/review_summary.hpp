#pragma once
// A review in words for everyone who reads it, parents first: the page, the API's summary and
// the printable PDF give the same sections.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "app/reviews/reviews.hpp"
#include "web/kernel/pdf.hpp"

namespace waypoint::web {

std::vector<PdfSection> review_sections(const app::ReviewView& v);
// The same sections as [{heading, lines}].
nlohmann::json review_summary_json(const app::ReviewView& v);
std::string review_pdf(const app::ReviewView& v);

}  // namespace waypoint::web
