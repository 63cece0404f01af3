#include "domain/kernel/numbers.hpp"

#include <cctype>
#include <string>

#include "domain/kernel/text.hpp"

namespace waypoint::domain {
std::optional<std::int64_t> parse_whole_number(std::string_view text) {
  const auto t = trimmed(text);
  if (t.empty() || t.size() > 15) return std::nullopt;
  std::int64_t n = 0;
  for (char c : t) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<std::int64_t> parse_pounds(std::string_view text) {
  auto owned = trimmed(text);
  std::string_view t = owned;
  if (t.rfind("£", 0) == 0) t.remove_prefix(std::string_view("£").size());
  std::string digits;
  for (char c : t)
    if (c != ',') digits += c;
  const auto dot = digits.find('.');
  const auto whole = parse_whole_number(std::string_view(digits).substr(0, dot));
  if (!whole) return std::nullopt;
  std::int64_t pence = 0;
  if (dot != std::string::npos) {
    const auto fraction = std::string_view(digits).substr(dot + 1);
    if (fraction.empty() || fraction.size() > 2) return std::nullopt;
    const auto f = parse_whole_number(fraction);
    if (!f) return std::nullopt;
    pence = fraction.size() == 1 ? *f * 10 : *f;
  }
  return *whole * 100 + pence;
}

std::string format_pounds(std::int64_t pence) {
  const auto p = std::to_string(pence % 100);
  return std::to_string(pence / 100) + "." + (p.size() == 1 ? "0" + p : p);
}

std::string one_decimal(double v) {
  const long long tenths = static_cast<long long>(v * 10 + 0.5);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::string count_text(std::int64_t n) {
  const auto digits = std::to_string(n);
  const std::size_t sign = n < 0 ? 1 : 0;
  std::string out(digits, 0, sign);
  for (std::size_t i = sign; i < digits.size(); ++i) {
    if (i > sign && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace waypoint::domain
