#include "store/letters/letter_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kLetterSelect =
    "SELECT l.id, l.pupil_id, l.kind, l.about_id, l.title, l.recipient_name, l.contact_id, l.user_id, l.channel, "
    "l.address, l.created_at, l.sent_at, l.posted_on, l.first_read_at, p.given_name || ' ' || p.family_name "
    "FROM letters l JOIN pupils p ON p.id = l.pupil_id ";

LetterRow letter_from_row(const Row& r) {
  return {r.integer(0), r.integer(1),     r.text(2),        r.integer(3),   r.text(4),
          r.text(5),    r.opt_integer(6), r.opt_integer(7), r.text(8),      r.text(9),
          r.text(10),   r.opt_text(11),   r.opt_text(12),   r.opt_text(13), r.text(14)};
}

}  // namespace

std::int64_t insert_letter(Connection& c, const LetterRow& l) {
  return c.insert(
      "INSERT INTO letters (pupil_id, kind, about_id, title, recipient_name, contact_id, user_id, channel, address, "
      "created_at, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
      {integer(l.pupil_id), l.kind, integer(l.about_id), l.title, l.recipient_name, opt_integer(l.contact_id),
       opt_integer(l.user_id), l.channel, l.address, l.created_at, l.sent_at});
}

std::vector<LetterRow> letters_of_pupil(Connection& c, std::int64_t pupil_id) {
  return map_rows(c.query(kLetterSelect + std::string("WHERE l.pupil_id = $1 ORDER BY l.id DESC"), {integer(pupil_id)}),
                  letter_from_row);
}

std::vector<LetterRow> letters_to_user(Connection& c, std::int64_t user_id) {
  return map_rows(c.query(kLetterSelect + std::string("WHERE l.user_id = $1 ORDER BY l.id DESC"), {integer(user_id)}),
                  letter_from_row);
}

std::optional<LetterRow> find_letter(Connection& c, std::int64_t id) {
  const auto rows = c.query(kLetterSelect + std::string("WHERE l.id = $1"), {integer(id)});
  if (rows.empty()) return std::nullopt;
  return letter_from_row(rows.front());
}

void mark_letters_read(Connection& c, std::int64_t user_id, const std::string& kind, std::int64_t about_id,
                       const std::string& now) {
  c.exec(
      "UPDATE letters SET first_read_at = $4 WHERE user_id = $1 AND kind = $2 AND about_id = $3 "
      "AND first_read_at IS NULL",
      {integer(user_id), kind, integer(about_id), now});
}

bool mark_letter_posted(Connection& c, std::int64_t id, const std::string& posted_on, std::int64_t posted_by,
                        const std::string& now) {
  const auto rows = c.query(
      "UPDATE letters SET posted_on = $2, posted_by = $3, sent_at = $4 WHERE id = $1 AND channel = 'post' "
      "AND posted_on IS NULL RETURNING id",
      {integer(id), posted_on, integer(posted_by), now});
  return !rows.empty();
}

}  // namespace waypoint::store
