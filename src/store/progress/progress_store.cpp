#include "store/progress/progress_store.hpp"

#include <map>

namespace waypoint::store {
namespace {

// A provider reads only its own: its id is the last parameter when the query is narrowed to it.
Params with_provider(Params params, std::optional<std::int64_t> provider_id) {
  if (provider_id) params.push_back(integer(*provider_id));
  return params;
}

}  // namespace

std::vector<ObjectiveRef> agreed_objectives(Connection& c, std::int64_t placement_id) {
  auto rows = c.query(
      "SELECT o.id, o.description, o.measure, o.unit, o.baseline_value, o.target, o.area, o.baseline_date, "
      "o.target_date FROM plan_objectives o "
      "WHERE o.plan_version_id = (SELECT id FROM plan_versions WHERE placement_id = $1 AND agreed_on IS NOT NULL "
      "ORDER BY version DESC LIMIT 1) ORDER BY o.position",
      {integer(placement_id)});
  return map_rows(rows, [](const Row& r) {
    return ObjectiveRef{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4),
                        r.text(5),    r.text(6), r.text(7), r.text(8)};
  });
}

std::int64_t save_progress_log(Connection& c, const ProgressLogRow& row, std::int64_t user_id, const std::string& now) {
  const auto old = c.query_one("SELECT id FROM progress_logs WHERE placement_id = $1 AND log_date = $2 AND period = $3",
                               {integer(row.placement_id), row.log_date, row.period});
  std::int64_t id = 0;
  if (old) {
    // The log sent before is kept in the history as it was; this one takes its place.
    id = old->integer(0);
    const auto history = c.insert(
        "INSERT INTO progress_log_history (log_id, engagement, behaviour, wellbeing, work_covered, logged_by, "
        "logged_at, superseded_by, superseded_at) SELECT id, engagement, behaviour, wellbeing, work_covered, "
        "logged_by, logged_at, $2, $3 FROM progress_logs WHERE id = $1 RETURNING id",
        {integer(id), integer(user_id), now});
    c.exec(
        "INSERT INTO progress_log_history_values (history_id, objective_id, value) SELECT $1, objective_id, value "
        "FROM objective_values WHERE log_id = $2",
        {integer(history), integer(id)});
    c.exec("DELETE FROM objective_values WHERE log_id = $1", {integer(id)});  // kept in the history just above
    c.exec(
        "UPDATE progress_logs SET engagement = $2, behaviour = $3, wellbeing = $4, work_covered = $5, logged_by = $6, "
        "logged_at = $7 WHERE id = $1",
        {integer(id), integer(row.engagement), row.behaviour, row.wellbeing, row.work_covered, integer(user_id), now});
  } else {
    id = c.insert(
        "INSERT INTO progress_logs (pupil_id, placement_id, provider_id, log_date, period, engagement, behaviour, "
        "wellbeing, work_covered, logged_by, logged_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
        "RETURNING id",
        {integer(row.pupil_id), integer(row.placement_id), integer(row.provider_id), row.log_date, row.period,
         integer(row.engagement), row.behaviour, row.wellbeing, row.work_covered, integer(user_id), now});
  }
  for (const auto& [objective, value] : row.values)
    c.exec("INSERT INTO objective_values (log_id, objective_id, value) VALUES ($1, $2, $3)",
           {integer(id), integer(objective), value});
  return id;
}

std::vector<Read> progress_logs_of_pupil_reads(std::int64_t pupil_id, const std::string& from, const std::string& to,
                                               std::optional<std::int64_t> provider_id, ProgressLogsRead& out) {
  return {
      read_into(out.logs,
                "SELECT l.id, l.pupil_id, l.placement_id, l.provider_id, o.name, l.log_date, l.period, "
                "l.engagement, l.behaviour, l.wellbeing, l.work_covered, u.display_name FROM progress_logs l "
                "JOIN organisations o ON o.id = l.provider_id JOIN users u ON u.id = l.logged_by "
                "WHERE l.pupil_id = $1 AND l.log_date >= $2 AND l.log_date <= $3 " +
                    std::string(provider_id ? "AND l.provider_id = $4 " : "") + "ORDER BY l.log_date, l.period, l.id",
                with_provider({integer(pupil_id), from, to}, provider_id),
                [](const Row& r) {
                  return ProgressLogRow{r.integer(0),
                                        r.integer(1),
                                        r.integer(2),
                                        r.integer(3),
                                        r.text(4),
                                        r.text(5),
                                        r.text(6),
                                        static_cast<int>(r.integer(7)),
                                        r.text(8),
                                        r.text(9),
                                        r.text(10),
                                        r.text(11),
                                        {}};
                }),
      read_into(out.values,
                "SELECT v.log_id, v.objective_id, v.value FROM objective_values v JOIN progress_logs l ON "
                "l.id = v.log_id WHERE l.pupil_id = $1 AND l.log_date >= $2 AND l.log_date <= $3 "
                "ORDER BY v.log_id, v.objective_id",
                {integer(pupil_id), from, to}, [](const Row& r) {
                  return ProgressLogsRead::Value{r.integer(0), r.integer(1), r.text(2)};
                })};
}

Read engagement_of_pupil_read(std::int64_t pupil_id, const std::string& from, const std::string& to,
                              std::optional<std::int64_t> provider_id, std::vector<LoggedEngagement>& out) {
  return read_into(out,
                   "SELECT log_date, engagement FROM progress_logs WHERE pupil_id = $1 AND log_date >= $2 AND "
                   "log_date <= $3 " +
                       std::string(provider_id ? "AND provider_id = $4 " : "") + "ORDER BY log_date, period, id",
                   with_provider({integer(pupil_id), from, to}, provider_id), [](const Row& r) {
                     return LoggedEngagement{r.text(0), static_cast<int>(r.integer(1))};
                   });
}

std::vector<ProgressLogRow> logs_with_values(ProgressLogsRead&& read) {
  std::map<std::int64_t, ProgressLogRow*> by_id;
  for (auto& l : read.logs) by_id[l.id] = &l;
  // Values of another provider's logs were read too (the read of values has no provider): left out.
  for (auto& v : read.values)
    if (const auto it = by_id.find(v.log_id); it != by_id.end())
      it->second->values.emplace_back(v.objective_id, std::move(v.value));
  return std::move(read.logs);
}

std::vector<ProgressLogRow> progress_logs_of_pupil(Connection& c, std::int64_t pupil_id, const std::string& from,
                                                   const std::string& to, std::optional<std::int64_t> provider_id) {
  ProgressLogsRead read;
  c.each_row_together(progress_logs_of_pupil_reads(pupil_id, from, to, provider_id, read));
  return logs_with_values(std::move(read));
}

std::int64_t insert_incident(Connection& c, const IncidentRow& row, std::int64_t user_id, const std::string& now) {
  return c.insert(
      "INSERT INTO incidents (pupil_id, placement_id, provider_id, happened_on, severity, description, action_taken, "
      "logged_by, logged_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {integer(row.pupil_id), integer(row.placement_id), integer(row.provider_id), row.happened_on, row.severity,
       row.description, row.action_taken, integer(user_id), now});
}

Read incidents_of_pupil_read(std::int64_t pupil_id, const std::string& from, std::optional<std::int64_t> provider_id,
                             std::vector<IncidentRow>& out) {
  return read_into(out,
                   "SELECT i.id, i.pupil_id, i.placement_id, i.provider_id, o.name, i.happened_on, i.severity, "
                   "i.description, i.action_taken, u.display_name FROM incidents i JOIN organisations o ON o.id = "
                   "i.provider_id JOIN users u ON u.id = i.logged_by WHERE i.pupil_id = $1 AND i.happened_on >= $2 " +
                       std::string(provider_id ? "AND i.provider_id = $3 " : "") +
                       "ORDER BY i.happened_on DESC, i.id DESC",
                   with_provider({integer(pupil_id), from}, provider_id), [](const Row& r) {
                     return IncidentRow{r.integer(0), r.integer(1), r.integer(2), r.integer(3), r.text(4),
                                        r.text(5),    r.text(6),    r.text(7),    r.text(8),    r.text(9)};
                   });
}

std::vector<IncidentRow> incidents_of_pupil(Connection& c, std::int64_t pupil_id, const std::string& from,
                                            std::optional<std::int64_t> provider_id) {
  std::vector<IncidentRow> out;
  c.each_row_together({incidents_of_pupil_read(pupil_id, from, provider_id, out)});
  return out;
}

}  // namespace waypoint::store
