#include "store/challenges/challenge_store.hpp"

namespace waypoint::store {
namespace {

const std::string kChallengeSelect =
    "SELECT ch.id, ch.placement_id, ch.provider_id, pl.pupil_id, ch.raised_by, ch.raised_by_organisation, "
    "ch.category, ch.what_happened, ch.asked_for, ch.answer_by, ch.raised_at, ch.answer, ch.answered_at, "
    "ch.resolved_at, ch.referred_at, ch.outcome, ch.la_note, ch.settled_at, ru.display_name, "
    "COALESCE(au.display_name, ''), COALESCE(su.display_name, ''), pu.given_name || ' ' || pu.family_name, sc.name, "
    "pr.name FROM provider_challenges ch JOIN placements pl ON pl.id = ch.placement_id "
    "JOIN pupils pu ON pu.id = pl.pupil_id JOIN organisations sc ON sc.id = pl.school_id "
    "JOIN organisations pr ON pr.id = ch.provider_id JOIN users ru ON ru.id = ch.raised_by "
    "LEFT JOIN users au ON au.id = ch.answered_by LEFT JOIN users su ON su.id = ch.settled_by ";

ChallengeRow challenge_from_row(const Row& r) {
  ChallengeRow c;
  c.id = r.integer(0);
  c.placement_id = r.integer(1);
  c.provider_id = r.integer(2);
  c.pupil_id = r.integer(3);
  c.raised_by = r.integer(4);
  c.raised_by_organisation = r.opt_integer(5);
  c.input = {r.text(6), r.text(7), r.text(8), r.text(9)};
  c.raised_at = r.text(10);
  c.answer = r.opt_text(11);
  c.answered_at = r.opt_text(12);
  c.resolved_at = r.opt_text(13);
  c.referred_at = r.opt_text(14);
  c.outcome = r.opt_text(15);
  c.la_note = r.opt_text(16);
  c.settled_at = r.opt_text(17);
  c.raised_by_name = r.text(18);
  c.answered_by_name = r.text(19);
  c.settled_by_name = r.text(20);
  c.pupil_name = r.text(21);
  c.school_name = r.text(22);
  c.provider_name = r.text(23);
  return c;
}

}  // namespace

std::int64_t insert_challenge(Connection& c, const ChallengeRow& row) {
  return c.insert(
      "INSERT INTO provider_challenges (placement_id, provider_id, raised_by, raised_by_organisation, raised_at, "
      "category, what_happened, asked_for, answer_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {integer(row.placement_id), integer(row.provider_id), integer(row.raised_by),
       opt_integer(row.raised_by_organisation), row.raised_at, row.input.category, row.input.what_happened,
       row.input.asked_for, row.input.answer_by});
}

std::optional<ChallengeRow> find_challenge(Connection& c, std::int64_t id) {
  auto r = c.query_one(kChallengeSelect + "WHERE ch.id = $1", {integer(id)});
  if (!r) return std::nullopt;
  return challenge_from_row(*r);
}

std::vector<ChallengeRow> challenges_of_placement(Connection& c, std::int64_t placement_id) {
  return map_rows(c.query(kChallengeSelect + "WHERE ch.placement_id = $1 ORDER BY ch.raised_at DESC, ch.id DESC",
                          {integer(placement_id)}),
                  challenge_from_row);
}

std::vector<ChallengeRow> challenges_of_area(Connection& c, std::int64_t la_id) {
  return map_rows(
      c.query(kChallengeSelect + "WHERE sc.parent_id = $1 ORDER BY ch.raised_at DESC, ch.id DESC", {integer(la_id)}),
      challenge_from_row);
}

void answer_challenge(Connection& c, std::int64_t id, const std::string& answer, std::int64_t by,
                      const std::string& now) {
  c.exec("UPDATE provider_challenges SET answer = $2, answered_by = $3, answered_at = $4 WHERE id = $1",
         {integer(id), answer, integer(by), now});
}

void resolve_challenge(Connection& c, std::int64_t id, const std::string& now) {
  c.exec("UPDATE provider_challenges SET resolved_at = $2 WHERE id = $1", {integer(id), now});
}

void refer_challenge(Connection& c, std::int64_t id, const std::string& now) {
  c.exec("UPDATE provider_challenges SET referred_at = $2 WHERE id = $1", {integer(id), now});
}

void settle_challenge(Connection& c, std::int64_t id, const std::string& outcome, const std::string& note,
                      std::int64_t by, const std::string& now) {
  c.exec("UPDATE provider_challenges SET outcome = $2, la_note = $3, settled_by = $4, settled_at = $5 WHERE id = $1",
         {integer(id), outcome, note, integer(by), now});
}

}  // namespace waypoint::store
