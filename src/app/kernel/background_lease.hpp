#pragma once
// One process at a time does the servers' work between requests (alert sweeps, mail, audit
// checkpoints, nightly backups), however many `waypoint serve` share a database: two would raise
// and mail every alert twice.
#include <chrono>
#include <functional>
#include <string>

#include "app/kernel/services.hpp"

namespace waypoint::app {

class BackgroundLease {
 public:
  // Held for `length` from each renewal: a holder that dies is replaced that long after its last.
  BackgroundLease(const Services& s, std::chrono::seconds length);
  // Takes or renews the lease: false while another process holds it.
  bool hold();
  // Gives it up at a graceful stop, so another process takes over at its next sweep.
  void release();
  // Runs `work` (a nightly backup of a large database, a retention run) renewing the lease every
  // third of its length meanwhile, so no other process takes it and starts the same work.
  void keep_during(const std::function<void()>& work);
  const std::string& holder() const { return holder_; }

 private:
  const Services& services_;
  std::chrono::seconds length_;
  std::string holder_;  // this machine and process, and a random part
};

}  // namespace waypoint::app
