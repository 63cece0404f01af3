#include "store/pupil_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kSelect =
    "SELECT p.id, p.school_id, p.upn, p.given_name, p.family_name, p.date_of_birth FROM pupils p ";
constexpr const char* kOrder = " ORDER BY p.family_name, p.given_name, p.id LIMIT $2 OFFSET $3";

domain::Pupil from_row(const Row& r) {
  return domain::Pupil{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5)};
}

Page<domain::Pupil> page_of(Connection& c, const std::string& where, std::int64_t key, const PageRequest& page) {
  auto rows = c.query(kSelect + where + kOrder, {integer(key), integer(page.size + 1), integer(page.offset())});
  return make_page(map_rows(rows, from_row), page);
}

}  // namespace

std::int64_t insert_pupil(Connection& c, const domain::Pupil& p, const std::string& now) {
  return c.insert(
      "INSERT INTO pupils (school_id, upn, given_name, family_name, date_of_birth, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {integer(p.school_id), p.upn, p.given_name, p.family_name, p.date_of_birth, now});
}

std::optional<domain::Pupil> find_pupil(Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kSelect) + "WHERE p.id = $1", {integer(id)});
  if (!r) return std::nullopt;
  return from_row(*r);
}

void link_guardian(Connection& c, std::int64_t pupil_id, std::int64_t user_id) {
  c.exec("INSERT INTO pupil_guardians (pupil_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
         {integer(pupil_id), integer(user_id)});
}

bool is_guardian(Connection& c, std::int64_t pupil_id, std::int64_t user_id) {
  return c
      .query_one("SELECT 1 FROM pupil_guardians WHERE pupil_id = $1 AND user_id = $2",
                 {integer(pupil_id), integer(user_id)})
      .has_value();
}

Page<domain::Pupil> list_pupils_of_school(Connection& c, std::int64_t school_id, const PageRequest& page) {
  return page_of(c, "WHERE p.school_id = $1", school_id, page);
}

Page<domain::Pupil> list_pupils_of_local_authority(Connection& c, std::int64_t la_id, const PageRequest& page) {
  return page_of(c, "JOIN organisations s ON s.id = p.school_id WHERE s.parent_id = $1", la_id, page);
}

Page<domain::Pupil> list_pupils_of_guardian(Connection& c, std::int64_t user_id, const PageRequest& page) {
  return page_of(c, "JOIN pupil_guardians g ON g.pupil_id = p.id WHERE g.user_id = $1", user_id, page);
}

}  // namespace waypoint::store
