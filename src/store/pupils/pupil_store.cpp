#include "store/pupils/pupil_store.hpp"

#include <array>

#include "domain/kernel/text.hpp"

namespace waypoint::store {

namespace {

constexpr std::array kPupilColumns{
    "id",     "school_id", "upn",          "given_name",    "family_name",          "date_of_birth",
    "gender", "needs",     "looked_after", "child_in_need", "child_protection_plan"};

}  // namespace

std::string pupil_columns(const std::string& alias) {
  std::string out;
  for (const auto* column : kPupilColumns) out += (out.empty() ? "" : ", ") + alias + "." + column;
  return out;
}

domain::Pupil pupil_from_row(const Row& r, std::size_t first) {
  domain::Pupil p;
  p.id = r.integer(first);
  p.school_id = r.integer(first + 1);
  p.upn = r.text(first + 2);
  p.given_name = r.text(first + 3);
  p.family_name = r.text(first + 4);
  p.date_of_birth = r.text(first + 5);
  p.gender = r.text(first + 6);
  p.needs = domain::split_list(r.text(first + 7));
  p.looked_after = r.boolean(first + 8);
  p.child_in_need = r.boolean(first + 9);
  p.child_protection_plan = r.boolean(first + 10);
  return p;
}

namespace {

const std::string kPupilSelect = "SELECT " + pupil_columns("p") + " FROM pupils p ";
constexpr const char* kPupilOrder = " ORDER BY p.family_name, p.given_name, p.id LIMIT $2 OFFSET $3";

Value flag(bool b) { return integer(b ? 1 : 0); }

// Each word of `search` as a LIKE pattern that finds it anywhere, its own % and _ taken as written.
// Both sides are lowered by the engine, so that a name and its search fold their letters alike.
std::vector<std::string> search_patterns(std::string_view search) {
  std::vector<std::string> out;
  std::string word;
  const auto end_word = [&] {
    if (!word.empty()) out.push_back("%" + word + "%");
    word.clear();
  };
  for (const char ch : search) {
    if (ch == ' ' || ch == '\t' || ch == ',') {
      end_word();
      continue;
    }
    if (ch == '%' || ch == '_' || ch == '\\') word += '\\';
    word += ch;
  }
  end_word();
  return out;
}

Page<domain::Pupil> page_of(Connection& c, const std::string& where, std::int64_t key, const PageRequest& page,
                            std::string_view search) {
  Params params{integer(key), integer(page.size + 1), integer(page.offset())};
  std::string matching;
  for (auto& pattern : search_patterns(search)) {
    params.push_back(std::move(pattern));
    matching += " AND LOWER(p.given_name || ' ' || p.family_name || ' ' || p.upn) LIKE LOWER($" +
                std::to_string(params.size()) + ") ESCAPE '\\'";
  }
  auto rows = c.query(kPupilSelect + where + matching + kPupilOrder, params);
  return make_page(map_rows(rows, [](const Row& r) { return pupil_from_row(r); }), page);
}

// Placements a provider teaches or is about to: not drafts still being planned, not ended ones.
constexpr const char* kPlacedWith = "pl.provider_id = $1 AND pl.status IN ('awaiting', 'active')";

}  // namespace

std::int64_t insert_pupil(Connection& c, const domain::Pupil& p, const std::string& now) {
  return c.insert(
      "INSERT INTO pupils (school_id, upn, given_name, family_name, date_of_birth, gender, needs, looked_after, "
      "child_in_need, child_protection_plan, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
      {integer(p.school_id), p.upn, p.given_name, p.family_name, p.date_of_birth, p.gender, domain::join_list(p.needs),
       flag(p.looked_after), flag(p.child_in_need), flag(p.child_protection_plan), now});
}

void update_pupil(Connection& c, const domain::Pupil& p, const std::string& now) {
  c.exec(
      "UPDATE pupils SET upn = $2, given_name = $3, family_name = $4, date_of_birth = $5, gender = $6, needs = $7, "
      "looked_after = $8, child_in_need = $9, child_protection_plan = $10, updated_at = $11 WHERE id = $1",
      {integer(p.id), p.upn, p.given_name, p.family_name, p.date_of_birth, p.gender, domain::join_list(p.needs),
       flag(p.looked_after), flag(p.child_in_need), flag(p.child_protection_plan), now});
}

std::optional<domain::Pupil> find_pupil(Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kPupilSelect) + "WHERE p.id = $1", {integer(id)});
  if (!r) return std::nullopt;
  return pupil_from_row(*r);
}

std::map<std::int64_t, domain::Pupil> find_pupils(Connection& c, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, domain::Pupil> out;
  if (ids.empty()) return out;
  Params params;
  const auto sql = std::string(kPupilSelect) + "WHERE p.id IN (" + in_list(params, ids) + ")";
  for (const auto& r : c.query(sql, params)) {
    auto p = pupil_from_row(r);
    out.emplace(p.id, std::move(p));
  }
  return out;
}

std::optional<domain::Pupil> find_pupil_by_upn(Connection& c, const std::string& upn) {
  auto r = c.query_one(std::string(kPupilSelect) + "WHERE p.upn = $1", {upn});
  if (!r) return std::nullopt;
  return pupil_from_row(*r);
}

void link_guardian(Connection& c, std::int64_t pupil_id, std::int64_t user_id) {
  c.exec("INSERT INTO pupil_guardians (pupil_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
         {integer(pupil_id), integer(user_id)});
}

Page<domain::Pupil> list_pupils_of_school(Connection& c, std::int64_t school_id, const PageRequest& page,
                                          std::string_view search) {
  return page_of(c, "WHERE p.school_id = $1", school_id, page, search);
}

Page<domain::Pupil> list_pupils_of_local_authority(Connection& c, std::int64_t la_id, const PageRequest& page,
                                                   std::string_view search) {
  return page_of(c, "JOIN organisations s ON s.id = p.school_id WHERE s.parent_id = $1", la_id, page, search);
}

Page<domain::Pupil> list_pupils_of_guardian(Connection& c, std::int64_t user_id, const PageRequest& page,
                                            std::string_view search) {
  return page_of(c, "JOIN pupil_guardians g ON g.pupil_id = p.id WHERE g.user_id = $1 AND g.ended_at IS NULL", user_id,
                 page, search);
}

Page<domain::Pupil> list_pupils_placed_with(Connection& c, std::int64_t provider_id, const PageRequest& page,
                                            std::string_view search) {
  return page_of(
      c, std::string("WHERE EXISTS (SELECT 1 FROM placements pl WHERE pl.pupil_id = p.id AND ") + kPlacedWith + ")",
      provider_id, page, search);
}

namespace {

// The facts as columns, for the pupil and school named by `pupil` and `school` (parameters or
// columns), the person's organisation being $1 and the person `user`.
std::string scope_fact_columns(const std::string& pupil, const std::string& school, const std::string& user) {
  // CASE, not a bare EXISTS: PostgreSQL answers a boolean as 't' or 'f', SQLite as 1 or 0.
  return "(SELECT parent_id FROM organisations WHERE id = " + school +
         "), CASE WHEN EXISTS (SELECT 1 FROM pupil_guardians WHERE pupil_id = " + pupil + " AND user_id = " + user +
         " AND ended_at IS NULL) THEN 1 ELSE 0 END, CASE WHEN EXISTS (SELECT 1 FROM pupil_accounts WHERE pupil_id = " +
         pupil + " AND user_id = " + user +
         " AND ended_at IS NULL) THEN 1 ELSE 0 END, CASE WHEN EXISTS (SELECT 1 FROM placements pl WHERE " +
         kPlacedWith + " AND pl.pupil_id = " + pupil + ") THEN 1 ELSE 0 END";
}

PupilScopeFacts scope_facts_from_row(const Row& r, std::size_t first) {
  return {r.opt_integer(first), r.boolean(first + 1), r.boolean(first + 2), r.boolean(first + 3)};
}

}  // namespace

PupilScopeFacts pupil_scope_facts(Connection& c, std::int64_t pupil_id, std::int64_t school_id, std::int64_t user_id,
                                  std::int64_t organisation_id) {
  const auto r = c.query_one("SELECT " + scope_fact_columns("$2", "$3", "$4"),
                             {integer(organisation_id), integer(pupil_id), integer(school_id), integer(user_id)});
  return scope_facts_from_row(*r, 0);
}

std::optional<PupilInScope> find_pupil_in_scope(Connection& c, std::int64_t pupil_id, std::int64_t user_id,
                                                std::int64_t organisation_id) {
  static const auto sql = "SELECT " + pupil_columns("p") + ", " + scope_fact_columns("p.id", "p.school_id", "$3") +
                          " FROM pupils p WHERE p.id = $2";
  const auto r = c.query_one(sql, {integer(organisation_id), integer(pupil_id), integer(user_id)});
  if (!r) return std::nullopt;
  return PupilInScope{pupil_from_row(*r), scope_facts_from_row(*r, kPupilColumns.size())};
}

std::int64_t insert_contact(Connection& c, const domain::PupilContact& k, const std::string& now) {
  return c.insert(
      "INSERT INTO pupil_contacts (pupil_id, contact_role, name, relationship, parental_responsibility, email, phone, "
      "address, preferred_contact, created_at, involved_since, preferred_language, needs_interpreter) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
      {integer(k.pupil_id), k.role, k.name, k.relationship, flag(k.parental_responsibility), k.email, k.phone,
       k.address, k.preferred_contact, now, k.involved_since.empty() ? null() : Value(k.involved_since),
       k.preferred_language, flag(k.needs_interpreter)});
}

std::vector<domain::PupilContact> list_contacts(Connection& c, std::int64_t pupil_id) {
  auto rows = c.query(
      "SELECT id, pupil_id, contact_role, name, relationship, parental_responsibility, email, phone, address, "
      "preferred_contact, involved_since, preferred_language, needs_interpreter FROM pupil_contacts WHERE pupil_id = "
      "$1 AND removed_at IS NULL ORDER BY "
      "contact_role, id",
      {integer(pupil_id)});
  return map_rows(rows, [](const Row& r) {
    return domain::PupilContact{r.integer(0),
                                r.integer(1),
                                r.text(2),
                                r.text(3),
                                r.text(4),
                                r.boolean(5),
                                r.text(6),
                                r.text(7),
                                r.text(8),
                                r.text(9),
                                r.opt_text(10).value_or(""),
                                r.text(11),
                                r.boolean(12)};
  });
}

void remove_contact(Connection& c, std::int64_t pupil_id, std::int64_t contact_id, const std::string& now) {
  c.exec("UPDATE pupil_contacts SET removed_at = $3 WHERE id = $2 AND pupil_id = $1 AND removed_at IS NULL",
         {integer(pupil_id), integer(contact_id), now});
}

}  // namespace waypoint::store
