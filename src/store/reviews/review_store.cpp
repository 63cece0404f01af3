#include "store/reviews/review_store.hpp"

#include "domain/kernel/text.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kReviewSelect =
    "SELECT r.id, r.placement_id, r.pupil_id, r.held_on, r.attendees, r.other_attendees, r.la_invited_on, "
    "r.pupil_voice, r.parent_voice, r.since_date, r.sessions_possible, r.sessions_attended, r.engagement_total, "
    "r.engagement_logs, r.incidents, r.plan_version, r.decision, r.decision_notes, r.extended_to, "
    "r.new_plan_version, r.next_review_on, u.display_name, r.recorded_at FROM reviews r "
    "JOIN users u ON u.id = r.recorded_by ";

ReviewRow review_from(const Row& r) {
  ReviewRow v;
  v.id = r.integer(0);
  v.placement_id = r.integer(1);
  v.pupil_id = r.integer(2);
  v.held_on = r.text(3);
  for (auto& a : domain::split_list(r.text(4))) v.attendees.push_back(a);
  v.other_attendees = r.text(5);
  v.la_invited_on = r.opt_text(6);
  v.pupil_voice = r.text(7);
  v.parent_voice = r.text(8);
  v.since_date = r.text(9);
  v.sessions_possible = static_cast<int>(r.integer(10));
  v.sessions_attended = static_cast<int>(r.integer(11));
  v.engagement_total = static_cast<int>(r.integer(12));
  v.engagement_logs = static_cast<int>(r.integer(13));
  v.incidents = static_cast<int>(r.integer(14));
  v.plan_version = r.opt_integer(15);
  v.decision = r.text(16);
  v.decision_notes = r.text(17);
  v.extended_to = r.opt_text(18);
  v.new_plan_version = r.opt_integer(19);
  v.next_review_on = r.opt_text(20);
  v.recorded_by = r.text(21);
  v.recorded_at = r.text(22);
  return v;
}

}  // namespace

std::int64_t insert_review_request(Connection& c, const ReviewRequestRow& row, std::int64_t user_id,
                                   const std::string& now) {
  return c.insert(
      "INSERT INTO review_requests (placement_id, requested_by, requester_name, requested_on, owed_on, recorded_by, "
      "recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {integer(row.placement_id), row.requested_by, row.requester_name, row.requested_on, row.owed_on, integer(user_id),
       now});
}

std::vector<ReviewRequestRow> review_requests_of(Connection& c, const std::vector<std::int64_t>& placement_ids) {
  if (placement_ids.empty()) return {};
  Params params;
  const auto in = in_list(params, placement_ids);
  auto rows = c.query(
      "SELECT q.id, q.placement_id, q.requested_by, q.requester_name, q.requested_on, q.owed_on, u.display_name, "
      "q.recorded_at FROM review_requests q JOIN users u ON u.id = q.recorded_by WHERE q.placement_id IN (" +
          in + ") ORDER BY q.requested_on DESC, q.id DESC",
      params);
  return map_rows(rows, [](const Row& r) {
    return ReviewRequestRow{r.integer(0), r.integer(1),  r.text(2), r.text(3),
                            r.text(4),    r.opt_text(5), r.text(6), r.text(7)};
  });
}

std::int64_t insert_review(Connection& c, const ReviewRow& v, std::int64_t user_id, const std::string& now) {
  const auto id = c.insert(
      "INSERT INTO reviews (placement_id, pupil_id, held_on, attendees, other_attendees, la_invited_on, pupil_voice, "
      "parent_voice, since_date, sessions_possible, sessions_attended, engagement_total, engagement_logs, incidents, "
      "plan_version, decision, decision_notes, extended_to, new_plan_version, next_review_on, recorded_by, "
      "recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, "
      "$20, $21, $22) RETURNING id",
      {integer(v.placement_id),
       integer(v.pupil_id),
       v.held_on,
       domain::join_list(v.attendees),
       v.other_attendees,
       v.la_invited_on,
       v.pupil_voice,
       v.parent_voice,
       v.since_date,
       integer(v.sessions_possible),
       integer(v.sessions_attended),
       integer(v.engagement_total),
       integer(v.engagement_logs),
       integer(v.incidents),
       opt_integer(v.plan_version),
       v.decision,
       v.decision_notes,
       v.extended_to,
       opt_integer(v.new_plan_version),
       v.next_review_on,
       integer(user_id),
       now});
  for (const auto& o : v.objectives)
    c.exec(
        "INSERT INTO review_objectives (review_id, position, area, description, baseline, target, suggested_value, "
        "suggested_from, value, change_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        {integer(id), integer(o.position), o.area, o.description, o.baseline, o.target, o.suggested_value,
         o.suggested_from, o.value, o.change_reason});
  return id;
}

std::optional<ReviewRow> find_review(Connection& c, std::int64_t id) {
  auto r = c.query_one(kReviewSelect + std::string("WHERE r.id = $1"), {integer(id)});
  if (!r) return std::nullopt;
  auto v = review_from(*r);
  auto rows = c.query(
      "SELECT position, area, description, baseline, target, suggested_value, suggested_from, value, change_reason "
      "FROM review_objectives WHERE review_id = $1 ORDER BY position",
      {integer(id)});
  v.objectives = map_rows(rows, [](const Row& o) {
    return ReviewObjectiveRow{static_cast<int>(o.integer(0)),
                              o.text(1),
                              o.text(2),
                              o.text(3),
                              o.text(4),
                              o.text(5),
                              o.text(6),
                              o.text(7),
                              o.text(8)};
  });
  return v;
}

std::vector<ReviewRow> reviews_of(Connection& c, const std::vector<std::int64_t>& placement_ids) {
  if (placement_ids.empty()) return {};
  Params params;
  const auto in = in_list(params, placement_ids);
  auto rows = c.query(
      kReviewSelect + std::string("WHERE r.placement_id IN (") + in + ") ORDER BY r.held_on DESC, r.id DESC", params);
  return map_rows(rows, review_from);
}

}  // namespace waypoint::store
