#include "domain/kernel/text_rules.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace waypoint::domain {
namespace {

constexpr std::size_t kLongText = 10000;  // notes, descriptions, what happened

struct Named {
  std::string_view field;
  TextLimit limit;
};

// Fields named exactly.
constexpr std::array<Named, 36> kNamed{{
    {"name", {100, true}},
    {"search", {100, true}},  // words to find in a list
    {"relationship", {100, true}},
    {"role", {100, true}},
    {"label", {100, true}},
    {"email", {254, true}},
    {"user", {254, true}},
    {"phone", {30, true}},
    {"postcode", {10, true}},
    {"upn", {20, true}},
    {"urn", {20, true}},
    {"ukprn", {20, true}},
    {"address", {300, true}},
    {"cost_unit", {50, true}},
    {"session", {20, true}},
    // A restrictive intervention's one-line items, and the codes answers are chosen from.
    {"place", {200, true}},
    {"staff", {500, true}},
    {"time", {10, true}},
    {"minutes", {10, true}},
    {"kind", {40, true}},
    {"feeling", {40, true}},
    {"back_to_school", {40, true}},
    {"how", {40, true}},
    {"answer", {40, true}},
    {"outcome", {40, true}},
    {"terms_version", {40, true}},
    {"visitors", {300, true}},
    {"owner", {200, true}},
    {"visit_every", {40, true}},
    {"pupil_seen_learning", {40, true}},
    // An outreach worker's home visit and plan.
    {"who_seen", {300, true}},
    {"child_seen", {40, true}},
    {"worry", {40, true}},
    {"referred_because", {40, true}},
    {"focus", {40, true}},
    {"subject", {100, true}},
}};

// Fields named by how they end.
constexpr std::array<Named, 10> kEndings{{
    {"_name", {100, true}},
    {"_email", {254, true}},
    {"_phone", {30, true}},
    {"_postcode", {10, true}},
    {"_address", {300, true}},
    {"_on", {40, true}},
    {"_date", {40, true}},
    {"date", {40, true}},
    {"_id", {40, true}},
    {"_code", {20, true}},
}};

// Decodes one UTF-8 character at `i`, or nothing when the bytes are not UTF-8.
std::optional<char32_t> next_character(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  int extra = 0;
  char32_t c = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1, c = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2, c = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3, c = lead & 0x07;
  } else {
    return std::nullopt;
  }
  if (i + extra >= s.size()) return std::nullopt;
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return std::nullopt;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values past Unicode are not UTF-8.
  static constexpr std::array<char32_t, 4> kSmallest{0, 0x80, 0x800, 0x10000};
  if (c < kSmallest[extra] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return std::nullopt;
  i += extra + 1;
  return c;
}

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// Embeddings, overrides and isolates, and the marks that would steer neighbouring text.
bool overrides_direction(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

}  // namespace

TextLimit text_limit_for(std::string_view field) {
  for (const auto& n : kNamed)
    if (n.field == field) return n.limit;
  for (const auto& n : kEndings)
    if (field.size() >= n.field.size() && field.substr(field.size() - n.field.size()) == n.field) return n.limit;
  return {kLongText, false};
}

std::string field_label(std::string_view field) {
  std::string out(field);
  for (auto& ch : out)
    if (ch == '_') ch = ' ';
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::optional<std::string> text_problem(std::string_view field, std::string_view value) {
  const auto limit = text_limit_for(field);
  const auto label = field_label(field);
  std::size_t characters = 0;
  for (std::size_t i = 0; i < value.size();) {
    const auto c = next_character(value, i);
    if (!c) return label + " must be text (UTF-8)";
    ++characters;
    if (overrides_direction(*c))
      return label + " must not contain characters that change the direction of the text around them";
    const bool line_break = *c == '\n' || *c == '\r' || *c == '\t';
    if (is_control(*c) && (limit.one_line || !line_break))
      return label + (limit.one_line ? " must be one line, without control characters"
                                     : " must not contain control characters");
  }
  if (characters > limit.max_characters)
    return label + " must be " + std::to_string(limit.max_characters) + " characters or fewer";
  return std::nullopt;
}

// Eight bytes at a time where none is a control character, DEL or past ASCII (the usual case: pages
// pass every value they show through here, a register's rows some 70 kB); a word that has one is
// looked at a byte at a time, as line breaks and tabs are plain.
bool plain_text(std::string_view value) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= value.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, value.data() + i, 8);
    const auto below_space = (w - kOnes * 0x20) & ~w;  // high bit set in a byte under 0x20 (or past ASCII)
    const auto del = w ^ (kOnes * 0x7F);
    const auto is_del = (del - kOnes) & ~del;  // high bit set in a byte that was 0x7F
    if (((w | below_space | is_del) & kHighs) == 0) continue;
    if (!std::all_of(value.begin() + static_cast<std::ptrdiff_t>(i), value.begin() + static_cast<std::ptrdiff_t>(i + 8),
                     plain_byte))
      return false;
  }
  return std::all_of(value.begin() + static_cast<std::ptrdiff_t>(i), value.end(), plain_byte);
}

std::string displayable_text(std::string_view value) {
  // Most text is plain ASCII without controls: it is shown as it is, without copying character by character.
  if (plain_text(value)) return std::string(value);
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size();) {
    const auto start = i;
    const auto c = next_character(value, i);
    if (!c) {
      out += kReplacement;
      ++i;  // one byte that is not UTF-8
      continue;
    }
    const bool line_break = *c == '\n' || *c == '\r' || *c == '\t';
    if (overrides_direction(*c) || (is_control(*c) && !line_break))
      out += kReplacement;
    else
      out.append(value.substr(start, i - start));
  }
  return out;
}

}  // namespace waypoint::domain
