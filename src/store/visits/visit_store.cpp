#include "store/visits/visit_store.hpp"

#include <functional>
#include <map>

namespace waypoint::store {
namespace {

constexpr const char* kVisitColumns =
    "v.id, v.placement_id, v.visited_on, v.visitors, v.pupil_seen_learning, v.what_seen, v.safeguarding, "
    "u.display_name, v.recorded_at";

VisitRow visit_from_row(const Row& r) {
  VisitRow v;
  v.id = r.integer(0);
  v.placement_id = r.integer(1);
  v.visit.visited_on = r.text(2);
  v.visit.visitors = r.text(3);
  v.visit.pupil_seen_learning = r.boolean(4) ? "yes" : "no";
  v.visit.what_seen = r.text(5);
  v.visit.safeguarding = r.text(6);
  v.recorded_by_name = r.text(7);
  v.recorded_at = r.text(8);
  return v;
}

// The actions of the visits given, in the order they were agreed.
void add_actions(Connection& c, const std::string& visits_where, const Params& params,
                 const std::function<VisitRow*(std::int64_t)>& visit) {
  for (const auto& r :
       c.query("SELECT a.visit_id, a.action, a.owner, a.due_on FROM visit_actions a WHERE a.visit_id IN "
               "(SELECT v.id FROM provider_visits v " +
                   visits_where + ") ORDER BY a.visit_id, a.id",
               params))
    if (auto* v = visit(r.integer(0))) v->visit.actions.push_back({r.text(1), r.text(2), r.text(3)});
}

VisitScheduleRow schedule_from_row(const Row& r) {
  return {r.integer(0), r.integer(1), r.integer(2), r.text(3),    r.text(4),
          r.text(5),    r.text(6),    r.text(7),    r.opt_text(8)};
}

const std::string kScheduleSelect =
    "SELECT pl.id, pl.pupil_id, pl.school_id, pu.given_name || ' ' || pu.family_name, sc.name, pr.name, "
    "COALESCE(pl.activated_on, pl.start_date), pl.visit_every, "
    "(SELECT MAX(v.visited_on) FROM provider_visits v WHERE v.placement_id = pl.id) "
    "FROM placements pl JOIN pupils pu ON pu.id = pl.pupil_id JOIN organisations sc ON sc.id = pl.school_id "
    "JOIN organisations pr ON pr.id = pl.provider_id WHERE pl.status = 'active' AND ";

}  // namespace

std::int64_t insert_visit(Connection& c, std::int64_t placement_id, const domain::VisitInput& v,
                          std::int64_t recorded_by, const std::string& now) {
  const auto id = c.insert(
      "INSERT INTO provider_visits (placement_id, visited_on, visitors, pupil_seen_learning, what_seen, safeguarding, "
      "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {integer(placement_id), v.visited_on, v.visitors, integer(v.pupil_seen_learning == "yes" ? 1 : 0), v.what_seen,
       v.safeguarding, integer(recorded_by), now});
  for (const auto& a : v.actions)
    c.exec("INSERT INTO visit_actions (visit_id, action, owner, due_on) VALUES ($1, $2, $3, $4)",
           {integer(id), a.action, a.owner, a.due_on});
  return id;
}

std::vector<VisitRow> visits_of(Connection& c, std::int64_t placement_id) {
  auto out = map_rows(c.query(std::string("SELECT ") + kVisitColumns +
                                  " FROM provider_visits v JOIN users u ON u.id = v.recorded_by "
                                  "WHERE v.placement_id = $1 ORDER BY v.visited_on DESC, v.id DESC",
                              {integer(placement_id)}),
                      visit_from_row);
  std::map<std::int64_t, VisitRow*> by_id;
  for (auto& v : out) by_id[v.id] = &v;
  add_actions(c, "WHERE v.placement_id = $1", {integer(placement_id)},
              [&](std::int64_t id) { return by_id.count(id) ? by_id[id] : nullptr; });
  return out;
}

void set_visit_interval(Connection& c, std::int64_t placement_id, const std::string& every) {
  c.exec("UPDATE placements SET visit_every = $2 WHERE id = $1", {integer(placement_id), every});
}

std::string visit_interval_of(Connection& c, std::int64_t placement_id) {
  const auto r = c.query_one("SELECT visit_every FROM placements WHERE id = $1", {integer(placement_id)});
  return r ? r->text(0) : std::string(domain::kDefaultVisitInterval);
}

std::vector<VisitScheduleRow> visit_schedule_of_commissioner(Connection& c, std::int64_t commissioner_id) {
  return map_rows(c.query(kScheduleSelect + "pl.commissioner_id = $1 ORDER BY pu.family_name, pu.given_name, pl.id",
                          {integer(commissioner_id)}),
                  schedule_from_row);
}

std::vector<VisitScheduleRow> visit_schedule_of_area(Connection& c, std::int64_t la_id) {
  return map_rows(
      c.query(kScheduleSelect + "sc.parent_id = $1 ORDER BY pu.family_name, pu.given_name, pl.id", {integer(la_id)}),
      schedule_from_row);
}

std::vector<AreaVisitRow> area_visits(Connection& c, std::int64_t la_id, const std::string& from) {
  const std::string joins =
      "JOIN placements pl ON pl.id = v.placement_id JOIN organisations sc ON sc.id = pl.school_id ";
  const std::string where = "WHERE sc.parent_id = $1 AND v.visited_on >= $2";
  auto out = map_rows(
      c.query(std::string("SELECT ") + kVisitColumns +
                  ", pu.given_name || ' ' || pu.family_name, sc.name, pr.name, pl.pupil_id "
                  "FROM provider_visits v JOIN users u ON u.id = v.recorded_by " +
                  joins + "JOIN pupils pu ON pu.id = pl.pupil_id JOIN organisations pr ON pr.id = pl.provider_id " +
                  where + " ORDER BY v.visited_on DESC, v.id DESC",
              {integer(la_id), from}),
      [](const Row& r) {
        return AreaVisitRow{visit_from_row(r), r.text(9), r.text(10), r.text(11), r.integer(12)};
      });
  std::map<std::int64_t, VisitRow*> by_id;
  for (auto& v : out) by_id[v.row.id] = &v.row;
  add_actions(c, joins + where, {integer(la_id), from},
              [&](std::int64_t id) { return by_id.count(id) ? by_id[id] : nullptr; });
  return out;
}

}  // namespace waypoint::store
