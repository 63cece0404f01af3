#include "store/placements/consent_store.hpp"

namespace waypoint::store {

std::int64_t insert_consent_answer(Connection& c, const ConsentAnswerRow& r) {
  return c.insert(
      "INSERT INTO consent_answers (placement_id, answer, how, given_by, parent_user_id, recorded_by, comment, "
      "terms_shown, terms_version, answered_on, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
      "RETURNING id",
      {integer(r.placement_id), r.answer, r.how, r.given_by, opt_integer(r.parent_user_id), integer(r.recorded_by),
       r.comment, r.terms_shown, r.terms_version, r.answered_on, r.recorded_at});
}

std::vector<ConsentAnswerRow> consent_answers_of(Connection& c, std::int64_t placement_id) {
  return map_rows(
      c.query("SELECT a.id, a.placement_id, a.answer, a.how, a.given_by, a.parent_user_id, a.recorded_by, a.comment, "
              "a.terms_shown, a.terms_version, a.answered_on, a.recorded_at, u.display_name FROM consent_answers a "
              "JOIN users u ON u.id = a.recorded_by WHERE a.placement_id = $1 ORDER BY a.id",
              {integer(placement_id)}),
      [](const Row& r) {
        return ConsentAnswerRow{r.integer(0),     r.integer(1), r.text(2), r.text(3), r.text(4),
                                r.opt_integer(5), r.integer(6), r.text(7), r.text(8), r.text(9),
                                r.text(10),       r.text(11),   r.text(12)};
      });
}

void clear_parent_consent(Connection& c, std::int64_t placement_id, const std::string& now) {
  c.exec("UPDATE placements SET parent_consent_on = NULL, parent_consent_from = NULL, updated_at = $2 WHERE id = $1",
         {integer(placement_id), now});
}

}  // namespace waypoint::store
