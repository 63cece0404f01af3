#include "store/pupils/pupil_voice_store.hpp"

namespace waypoint::store {

std::int64_t insert_pupil_voice(Connection& c, std::int64_t pupil_id, const domain::PupilVoiceInput& s,
                                std::int64_t user_id, const std::string& now) {
  return c.insert(
      "INSERT INTO pupil_voices (pupil_id, answered_on, feeling, helps, does_not_help, wants_next, back_to_school, "
      "how, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      {integer(pupil_id), s.answered_on, s.feeling, s.helps, s.does_not_help, s.wants_next, s.back_to_school, s.how,
       integer(user_id), now});
}

std::vector<PupilVoiceRow> pupil_voices_of(Connection& c, std::int64_t pupil_id, const std::string& from,
                                           const std::string& to) {
  // Blank bounds read as the widest dates: every stored date lies between them.
  return map_rows(c.query("SELECT v.id, v.pupil_id, v.answered_on, v.feeling, v.helps, v.does_not_help, v.wants_next, "
                          "v.back_to_school, v.how, u.display_name, v.recorded_at FROM pupil_voices v "
                          "JOIN users u ON u.id = v.recorded_by WHERE v.pupil_id = $1 AND v.answered_on >= $2 "
                          "AND v.answered_on <= $3 ORDER BY v.answered_on DESC, v.id DESC",
                          {integer(pupil_id), from.empty() ? "0000-01-01" : from, to.empty() ? "9999-12-31" : to}),
                  [](const Row& r) {
                    return PupilVoiceRow{r.integer(0),
                                         r.integer(1),
                                         {r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.text(8)},
                                         r.text(9),
                                         r.text(10)};
                  });
}

}  // namespace waypoint::store
