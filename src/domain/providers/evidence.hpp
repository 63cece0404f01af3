#pragma once
// Evidence files for provider checks: PDFs and images only, judged by their content, not by the
// name or type the browser claims, and no larger than the configured limit.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace waypoint::domain {

constexpr std::size_t kDefaultEvidenceLimit = 10 * 1024 * 1024;

// "application/pdf", "image/png" or "image/jpeg" from the file's first bytes; nothing otherwise.
std::optional<std::string> sniff_evidence_type(std::string_view bytes);

// Why a file cannot be evidence, in words for the person uploading it; nothing if it can.
std::optional<std::string> evidence_file_problem(std::string_view filename, std::string_view bytes,
                                                 std::size_t limit = kDefaultEvidenceLimit);

// A name safe to offer back in a download: no path, no quotes or control characters.
std::string safe_filename(std::string_view filename);

}  // namespace waypoint::domain
