#include "domain/providers/evidence.hpp"

namespace waypoint::domain {

std::optional<std::string> sniff_evidence_type(std::string_view b) {
  if (b.substr(0, 5) == "%PDF-") return "application/pdf";
  if (b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return "image/png";
  if (b.substr(0, 3) == "\xFF\xD8\xFF") return "image/jpeg";
  return std::nullopt;
}

std::optional<std::string> evidence_file_problem(std::string_view filename, std::string_view bytes, std::size_t limit) {
  if (filename.empty() || bytes.empty()) return "The selected file is empty";
  if (bytes.size() > limit)
    return "The selected file must be smaller than " + std::to_string(limit / (1024 * 1024)) + " MB";
  if (!sniff_evidence_type(bytes)) return "The selected file must be a PDF, JPG or PNG";
  return std::nullopt;
}

std::string safe_filename(std::string_view filename) {
  if (auto slash = filename.find_last_of("/\\"); slash != std::string_view::npos) filename.remove_prefix(slash + 1);
  std::string out;
  for (unsigned char c : filename) {
    if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F) continue;
    out += static_cast<char>(c);
  }
  if (out.empty() || out == "." || out == "..") out = "evidence";
  return out.substr(0, 200);
}

}  // namespace waypoint::domain
