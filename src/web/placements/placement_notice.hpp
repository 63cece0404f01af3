#pragma once
// The off-site direction notice as a printable page and as a PDF, from one set of sentences.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "app/placements/placements.hpp"

namespace waypoint::web {

nlohmann::json notice_json(const app::NoticeView& v);
std::string notice_pdf(const app::NoticeView& v);

}  // namespace waypoint::web
