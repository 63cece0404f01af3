#include "cli/background_work.hpp"

#include <algorithm>

#include "app/alerts/alert_sweep.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/audit_trail.hpp"
#include "app/retention/retention.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "web/kernel/request_log.hpp"

namespace waypoint::cli {

BackgroundWork::BackgroundWork(const app::Services& s, std::unique_ptr<app::MailSender> mail,
                               std::chrono::seconds every, std::chrono::seconds checkpoint_every,
                               std::string database_url, app::BackupSchedule backups,
                               std::optional<int> retention_minute)
    : services_(s),
      mail_(std::move(mail)),
      every_(every),
      checkpoint_every_(checkpoint_every),
      database_url_(std::move(database_url)),
      backups_(std::move(backups)),
      retention_minute_(retention_minute),
      // Three sweeps long: a holder that misses one renewal keeps the work; one that died hands it on.
      lease_(s, std::max(3 * every, std::chrono::seconds(3))) {}

BackgroundWork::~BackgroundWork() { stop(); }

void BackgroundWork::start() {
  thread_ = std::thread([this] { run(); });
}

void BackgroundWork::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
    try {
      lease_.release();
    } catch (const std::exception& e) {
      web::log_event("error", "background lease not released", {{"reason", e.what()}});
    }
  }
}

void BackgroundWork::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    tick();
    lock.lock();
    wake_.wait_for(lock, every_, [this] { return stopping_; });
  }
}

// Each part is tried on its own: a failure is logged and tried again at the next tick.
void BackgroundWork::tick() {
  auto attempt = [](const char* what, auto work) {
    try {
      if (const int n = work(); n > 0) web::log_event("info", what, {{"count", std::to_string(n)}});
    } catch (const std::exception& e) {
      web::log_event("error", std::string(what) + " failed", {{"reason", e.what()}});
    }
  };
  try {
    if (!lease_.hold()) return;  // another process is doing this work
  } catch (const std::exception& e) {
    web::log_event("error", "background lease not taken", {{"reason", e.what()}});
    return;
  }
  // The lease is renewed while the work runs: a pass can outlast it (fifty mails to a slow mail
  // server, a nightly backup), and a lease run out meanwhile let the other process start the same
  // pass and send the mail still being sent.
  lease_.keep_during([&] {
    attempt("registers not taken: alerts raised",
            [&] { return app::raise_register_alerts(services_, &register_watch_); });
    // Missing education is counted in whole school days, so once a day is enough.
    if (services_.today() != missing_education_checked_) {
      attempt("missing education: alerts raised", [&] { return app::raise_missing_education_alerts(services_); });
      missing_education_checked_ = services_.today();
    }
    if (mail_) attempt("mail sent", [&] { return app::deliver_waiting_mail(services_, *mail_); });
    if (std::chrono::steady_clock::now() >= next_checkpoint_) {
      attempt("audit checkpoint written", [&] {
        const auto cp = app::write_audit_checkpoint(services_);
        return static_cast<int>(cp.entries > 0);
      });
      next_checkpoint_ = std::chrono::steady_clock::now() + checkpoint_every_;
    }
    attempt("scheduled backup made",
            [&] { return static_cast<int>(app::make_scheduled_backup(services_, database_url_, backups_)); });
    // Once a day at the set time; run again by another process that takes the lease over, it finds
    // nothing more due.
    if (retention_minute_ && services_.minute_of_day() >= *retention_minute_ && services_.today() != retention_ran_) {
      attempt("retention: records disposed of", [&] {
        auto nightly = app::operator_actor();
        nightly.client = "nightly retention";
        std::int64_t records = 0;
        for (const auto& d : app::run_retention(services_, nightly, false).disposals)
          records += store::total(d.records);
        retention_ran_ = services_.today();
        return static_cast<int>(std::min<std::int64_t>(records, INT32_MAX));
      });
    }
  });
}

}  // namespace waypoint::cli
