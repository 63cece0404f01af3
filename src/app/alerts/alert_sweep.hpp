#pragma once
// The alerts nobody raises by hand: a register not taken, and a pupil missing from education. The
// server runs these every sweep (`--sweep-seconds`, 30 by default); `waypoint alerts sweep` runs them
// once, at a given time if asked.
#include <chrono>
#include <vector>

#include "app/kernel/mail_sender.hpp"
#include "app/kernel/services.hpp"

namespace waypoint::app {

// What a server's sweep learnt of today's registers when it last read them all: the minutes its
// pupils were expected from. A register can only come to be owed when one closes, so the sweep reads
// the day's registers again (every active placement's slots and every mark of the day: at national
// size some 180,000 rows, a tenth of a second or more of both cores) only when one of these has closed
// since, and at least every `kReadAgainMinutes` for placements and timetables changed meanwhile.
struct RegisterWatch {
  static constexpr int kReadAgainMinutes = 30;
  std::chrono::year_month_day day{};
  int read_at = 0;                 // the minute of the day the registers were last read
  std::vector<int> expected_from;  // each minute a pupil was expected from then, once each
};

// Registers of today's sessions still missing marks `register_alert_minutes` after they opened:
// an alert for the provider's staff and one for the school's AP lead, per school. Answers how many.
// With `watch` (the server's), only when a register may have come to be owed since the last read.
int raise_register_alerts(const Services& s, RegisterWatch* watch = nullptr);

// Pupils in active placements who attended no session on the last 10 school days they were
// expected (counted up to yesterday): an alert for their school's LA. Answers how many.
int raise_missing_education_alerts(const Services& s);

// Hands waiting mail to `sender`, oldest first; a failure is kept and tried again, at most 5 times.
// Answers how many were sent.
int deliver_waiting_mail(const Services& s, const MailSender& sender);

}  // namespace waypoint::app
