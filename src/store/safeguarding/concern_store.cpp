#include "store/safeguarding/concern_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kConcernSelect =
    "SELECT c.id, c.pupil_id, c.school_id, c.category, c.happened_on, c.what_happened, c.action_taken, "
    "c.logged_by, u.display_name || ', ' || o.name, c.logged_at FROM safeguarding_concerns c "
    "JOIN users u ON u.id = c.logged_by JOIN organisations o ON o.id = u.organisation_id ";

ConcernRow concern_from_row(const Row& r) {
  return ConcernRow{r.integer(0), r.integer(1), r.integer(2), r.text(3), r.text(4),
                    r.text(5),    r.text(6),    r.integer(7), r.text(8), r.text(9)};
}

}  // namespace

std::int64_t insert_concern(Connection& c, const ConcernRow& row) {
  return c.insert(
      "INSERT INTO safeguarding_concerns (pupil_id, school_id, category, happened_on, what_happened, action_taken, "
      "logged_by, logged_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {integer(row.pupil_id), integer(row.school_id), row.category, row.happened_on, row.what_happened,
       row.action_taken, integer(row.logged_by), row.logged_at});
}

std::optional<ConcernRow> find_concern(Connection& c, std::int64_t id) {
  auto r = c.query_one(kConcernSelect + std::string("WHERE c.id = $1"), {integer(id)});
  if (!r) return std::nullopt;
  return concern_from_row(*r);
}

Page<ConcernRow> concerns_of_pupil(Connection& c, std::int64_t pupil_id, const PageRequest& page) {
  auto rows = c.query(kConcernSelect + std::string("WHERE c.pupil_id = $1 ORDER BY c.id DESC LIMIT $2 OFFSET $3"),
                      {integer(pupil_id), integer(page.size + 1), integer(page.offset())});
  return make_page(map_rows(rows, concern_from_row), page);
}

void insert_follow_up(Connection& c, std::int64_t concern_id, const std::string& note, std::int64_t user_id,
                      const std::string& now) {
  c.exec("INSERT INTO concern_follow_ups (concern_id, note, by_user, at) VALUES ($1, $2, $3, $4)",
         {integer(concern_id), note, integer(user_id), now});
}

std::vector<FollowUp> follow_ups_of(Connection& c, std::int64_t concern_id) {
  auto rows = c.query(
      "SELECT f.note, u.display_name, f.at FROM concern_follow_ups f JOIN users u ON u.id = f.by_user "
      "WHERE f.concern_id = $1 ORDER BY f.id",
      {integer(concern_id)});
  return map_rows(rows, [](const Row& r) { return FollowUp{r.text(0), r.text(1), r.text(2)}; });
}

bool is_concern_reader(Connection& c, std::int64_t school_id, std::int64_t user_id) {
  return c
      .query_one("SELECT 1 FROM concern_readers WHERE school_id = $1 AND user_id = $2",
                 {integer(school_id), integer(user_id)})
      .has_value();
}

std::vector<ConcernReader> concern_readers(Connection& c, std::int64_t school_id) {
  auto rows = c.query(
      "SELECT r.user_id, u.display_name, u.email, b.display_name, r.allowed_at FROM concern_readers r "
      "JOIN users u ON u.id = r.user_id JOIN users b ON b.id = r.allowed_by WHERE r.school_id = $1 "
      "ORDER BY u.display_name",
      {integer(school_id)});
  return map_rows(rows, [](const Row& r) {
    return ConcernReader{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4)};
  });
}

void allow_concern_reader(Connection& c, std::int64_t school_id, std::int64_t user_id, std::int64_t by,
                          const std::string& now) {
  c.exec(
      "INSERT INTO concern_readers (school_id, user_id, allowed_by, allowed_at) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT DO NOTHING",
      {integer(school_id), integer(user_id), integer(by), now});
}

void remove_concern_reader(Connection& c, std::int64_t school_id, std::int64_t user_id) {
  c.exec("DELETE FROM concern_readers WHERE school_id = $1 AND user_id = $2", {integer(school_id), integer(user_id)});
}

}  // namespace waypoint::store
