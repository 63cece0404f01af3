#pragma once
// How long each typed field may be, and which fields are one line: one table for every form and
// API call, so a name cannot be 10,000 characters in one place and 100 in another. Short fields
// (names, addresses, contact details) refuse control characters; every field refuses the
// characters that override the direction of the text around them, which could make a name shown
// on a page read as something else.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace waypoint::domain {

struct TextLimit {
  std::size_t max_characters;
  bool one_line;  // control characters (line breaks, tabs, ...) refused
};

// The limit for a field, by its name in forms and the API.
TextLimit text_limit_for(std::string_view field);

// "given_name" as a person reads it: "Given name".
std::string field_label(std::string_view field);

// What is wrong with `value` for `field`, if anything: not UTF-8, too long, a control character in
// a one-line field, or a character that overrides the direction of the text.
std::optional<std::string> text_problem(std::string_view field, std::string_view value);

// Text as a page may show it, whatever was stored before these rules: every character that could
// reorder the text after it (direction overrides, embeddings, isolates, marks), every control
// character but line breaks and tabs, and every byte that is not UTF-8 shows as U+FFFD, so a name
// saved years ago cannot make the rest of a sentence read differently.
std::string displayable_text(std::string_view value);
// Printable ASCII, line breaks and tabs only: text displayable_text gives back unchanged.
bool plain_text(std::string_view value);
// One byte of plain text (the templates' escaping reads text a byte at a time by this rule).
constexpr bool plain_byte(char ch) {
  const auto b = static_cast<unsigned char>(ch);
  return (b >= 0x20 && b < 0x7F) || ch == '\n' || ch == '\r' || ch == '\t';
}

}  // namespace waypoint::domain
