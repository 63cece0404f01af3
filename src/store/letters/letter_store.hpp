#pragma once
// Letters to parents and carers, a row a recipient, with when each was sent, posted and first read.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct LetterRow {
  std::int64_t id = 0;
  std::int64_t pupil_id = 0;
  std::string kind;  // direction_notice (a placement), review_summary (a review), restrictive_intervention
  std::int64_t about_id = 0;
  std::string title;
  std::string recipient_name;
  std::optional<std::int64_t> contact_id;
  std::optional<std::int64_t> user_id;
  std::string channel;  // waypoint, post
  std::string address;
  std::string created_at;
  std::optional<std::string> sent_at;
  std::optional<std::string> posted_on;
  std::optional<std::string> first_read_at;
  std::string pupil_name;  // for reading
};

std::int64_t insert_letter(Connection& c, const LetterRow& row);
// Newest first.
std::vector<LetterRow> letters_of_pupil(Connection& c, std::int64_t pupil_id);
std::vector<LetterRow> letters_to_user(Connection& c, std::int64_t user_id);
std::optional<LetterRow> find_letter(Connection& c, std::int64_t id);
// The first time `user_id` opens the document a letter of theirs is about; later openings change nothing.
void mark_letters_read(Connection& c, std::int64_t user_id, const std::string& kind, std::int64_t about_id,
                       const std::string& now);
// Answers whether it was waiting to be posted.
bool mark_letter_posted(Connection& c, std::int64_t id, const std::string& posted_on, std::int64_t posted_by,
                        const std::string& now);

}  // namespace waypoint::store
