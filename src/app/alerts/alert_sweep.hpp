#pragma once
// The alerts nobody raises by hand: a register not taken, and a pupil missing from education. The
// server runs these every minute; `waypoint alerts sweep` runs them once, at a given time if asked.
#include "app/kernel/mail_sender.hpp"
#include "app/kernel/services.hpp"

namespace waypoint::app {

// Registers of today's sessions still missing marks `register_alert_minutes` after they opened:
// an alert for the provider's staff and one for the school's AP lead, per school. Answers how many.
int raise_register_alerts(const Services& s);

// Pupils in active placements who attended no session on the last 10 school days they were
// expected (counted up to yesterday): an alert for their school's LA. Answers how many.
int raise_missing_education_alerts(const Services& s);

// Hands waiting mail to `sender`, oldest first; a failure is kept and tried again, at most 5 times.
// Answers how many were sent.
int deliver_waiting_mail(const Services& s, const MailSender& sender);

}  // namespace waypoint::app
