#pragma once
// What the server does between requests: the alert sweep, sending mail, the audit trail's hourly
// checkpoint, the nightly backup and the nightly retention run, on a thread of its own, in one process at a time
// however many serve the database (app::BackgroundLease).
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "app/alerts/alert_sweep.hpp"
#include "app/kernel/background_lease.hpp"
#include "app/kernel/backups.hpp"
#include "app/kernel/mail_sender.hpp"
#include "app/kernel/services.hpp"

namespace waypoint::cli {

class BackgroundWork {
 public:
  // `mail` may be empty: then nothing is sent (and nothing is queued).
  BackgroundWork(const app::Services& s, std::unique_ptr<app::MailSender> mail, std::chrono::seconds every,
                 std::chrono::seconds checkpoint_every, std::string database_url = "", app::BackupSchedule backups = {},
                 std::optional<int> retention_minute = std::nullopt);
  ~BackgroundWork();
  void start();
  void stop();

 private:
  void run();
  void tick();

  const app::Services& services_;
  std::unique_ptr<app::MailSender> mail_;
  std::chrono::seconds every_;
  std::chrono::seconds checkpoint_every_;
  std::string database_url_;
  app::BackupSchedule backups_;
  std::optional<int> retention_minute_;  // of the day in England; none: retention is run by hand
  std::chrono::year_month_day retention_ran_{};
  app::BackgroundLease lease_;
  std::chrono::steady_clock::time_point next_checkpoint_{};  // the first tick writes one
  app::RegisterWatch register_watch_;
  std::chrono::year_month_day missing_education_checked_{};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace waypoint::cli
