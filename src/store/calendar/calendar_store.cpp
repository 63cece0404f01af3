#include "store/calendar/calendar_store.hpp"

namespace waypoint::store {

std::vector<TermRow> terms_of(Connection& c, std::int64_t organisation_id) {
  auto rows =
      c.query("SELECT id, name, first_day, last_day FROM calendar_terms WHERE organisation_id = $1 ORDER BY first_day",
              {integer(organisation_id)});
  return map_rows(rows, [](const Row& r) { return TermRow{r.integer(0), r.text(1), r.text(2), r.text(3)}; });
}

namespace {
constexpr const char* kRevision = "SELECT revision FROM calendar_revisions WHERE id = 1";
}  // namespace

std::int64_t calendar_revision(Connection& c) {
  const auto r = c.query_one(kRevision);
  return r ? r->integer(0) : 0;
}

Read calendar_revision_read(std::int64_t& out) {
  out = 0;
  return {kRevision, {}, [&out](const Row& r) { out = r.integer(0); }};
}

bool keeps_own_calendar(Connection& c, std::int64_t organisation_id) {
  return c
      .query_one(
          "SELECT 1 FROM calendar_terms WHERE organisation_id = $1 UNION ALL SELECT 1 FROM calendar_closures WHERE "
          "organisation_id = $1 LIMIT 1",
          {integer(organisation_id)})
      .has_value();
}

std::map<std::int64_t, SchoolCalendarKeeper> school_calendar_keepers(Connection& c) {
  std::map<std::int64_t, SchoolCalendarKeeper> out;
  c.each_row(
      "SELECT o.id, o.parent_id, CASE WHEN EXISTS (SELECT 1 FROM calendar_terms t WHERE t.organisation_id = o.id) "
      "OR EXISTS (SELECT 1 FROM calendar_closures k WHERE k.organisation_id = o.id) THEN 1 ELSE 0 END "
      "FROM organisations o WHERE o.kind = 'school'",
      {}, [&](const Row& r) {
        out.emplace(r.integer(0), SchoolCalendarKeeper{r.opt_integer(1), r.integer(2) == 1});
      });
  return out;
}

std::vector<ClosureRow> closures_of(Connection& c, std::int64_t organisation_id) {
  auto rows = c.query("SELECT day, reason FROM calendar_closures WHERE organisation_id = $1 ORDER BY day",
                      {integer(organisation_id)});
  return map_rows(rows, [](const Row& r) { return ClosureRow{r.text(0), r.text(1)}; });
}

std::map<std::int64_t, std::vector<TermRow>> terms_of_each(Connection& c, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::vector<TermRow>> out;
  if (ids.empty()) return out;
  Params params;
  const auto in = in_list(params, ids);
  for (const auto& r : c.query("SELECT organisation_id, id, name, first_day, last_day FROM calendar_terms WHERE "
                               "organisation_id IN (" +
                                   in + ") ORDER BY organisation_id, first_day",
                               params))
    out[r.integer(0)].push_back(TermRow{r.integer(1), r.text(2), r.text(3), r.text(4)});
  return out;
}

std::set<std::int64_t> closed_on(Connection& c, const std::vector<std::int64_t>& ids, const std::string& day) {
  std::set<std::int64_t> out;
  if (ids.empty()) return out;
  Params params{day};
  const auto in = in_list(params, ids);
  for (const auto& r : c.query("SELECT DISTINCT organisation_id FROM calendar_closures WHERE day = $1 AND "
                               "organisation_id IN (" +
                                   in + ")",
                               params))
    out.insert(r.integer(0));
  return out;
}

std::int64_t insert_term(Connection& c, std::int64_t organisation_id, const TermRow& t) {
  return c.insert(
      "INSERT INTO calendar_terms (organisation_id, name, first_day, last_day) VALUES ($1, $2, $3, $4) RETURNING id",
      {integer(organisation_id), t.name, t.first_day, t.last_day});
}

void delete_term(Connection& c, std::int64_t organisation_id, std::int64_t term_id, const std::string& now) {
  const Params params{integer(organisation_id), integer(term_id)};
  c.exec(
      "INSERT INTO calendar_term_history (term_id, organisation_id, name, first_day, last_day, removed_at) "
      "SELECT id, organisation_id, name, first_day, last_day, $3 FROM calendar_terms "
      "WHERE organisation_id = $1 AND id = $2",
      {params[0], params[1], now});
  c.exec("DELETE FROM calendar_terms WHERE organisation_id = $1 AND id = $2", params);
}

namespace {
// Keeps the closure on `day`, if there is one, as it was until now.
void keep_closure(Connection& c, std::int64_t organisation_id, const std::string& day, const std::string& now) {
  c.exec(
      "INSERT INTO calendar_closure_history (organisation_id, day, reason, superseded_at) "
      "SELECT organisation_id, day, reason, $3 FROM calendar_closures WHERE organisation_id = $1 AND day = $2",
      {integer(organisation_id), day, now});
}
}  // namespace

void insert_closure(Connection& c, std::int64_t organisation_id, const ClosureRow& r, const std::string& now) {
  keep_closure(c, organisation_id, r.day, now);
  c.exec(
      "INSERT INTO calendar_closures (organisation_id, day, reason) VALUES ($1, $2, $3) "
      "ON CONFLICT (organisation_id, day) DO UPDATE SET reason = excluded.reason",
      {integer(organisation_id), r.day, r.reason});
}

void delete_closure(Connection& c, std::int64_t organisation_id, const std::string& day, const std::string& now) {
  keep_closure(c, organisation_id, day, now);
  c.exec("DELETE FROM calendar_closures WHERE organisation_id = $1 AND day = $2", {integer(organisation_id), day});
}

std::optional<int> full_time_minutes(Connection& c, std::int64_t school_id) {
  auto r = c.query_one("SELECT full_time_minutes FROM school_settings WHERE school_id = $1", {integer(school_id)});
  if (!r) return std::nullopt;
  return static_cast<int>(r->integer(0));
}

void save_full_time_minutes(Connection& c, std::int64_t school_id, int minutes) {
  c.exec(
      "INSERT INTO school_settings (school_id, full_time_minutes) VALUES ($1, $2) "
      "ON CONFLICT (school_id) DO UPDATE SET full_time_minutes = excluded.full_time_minutes",
      {integer(school_id), integer(minutes)});
}

}  // namespace waypoint::store
