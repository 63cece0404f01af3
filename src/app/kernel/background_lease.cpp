#include "app/kernel/background_lease.hpp"

#include <unistd.h>

#include <array>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/kernel/secrets.hpp"
#include "domain/kernel/time.hpp"
#include "store/kernel/lease_store.hpp"

namespace waypoint::app {
namespace {

constexpr const char* kLease = "background work";

std::string this_process() {
  std::array<char, 256> host{};
  if (gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  // The random part tells apart a process that restarted with the same id.
  return std::string(host.data()) + ":" + std::to_string(getpid()) + ":" + random_token().substr(0, 8);
}

}  // namespace

BackgroundLease::BackgroundLease(const Services& s, std::chrono::seconds length)
    : services_(s), length_(length), holder_(this_process()) {}

bool BackgroundLease::hold() {
  const auto now = services_.clock.now();
  bool held = false;
  services_.db.transaction([&](store::Connection& c) {
    held = store::hold_lease(c, kLease, holder_, domain::to_iso(now), domain::to_iso(now + length_));
  });
  return held;
}

void BackgroundLease::keep_during(const std::function<void()>& work) {
  std::mutex mutex;
  std::condition_variable done_changed;
  bool done = false;
  std::thread renewer([&] {
    std::unique_lock lock(mutex);
    const auto every = std::chrono::duration_cast<std::chrono::milliseconds>(length_) / 3;
    while (!done_changed.wait_for(lock, every, [&] { return done; })) {
      lock.unlock();
      try {
        hold();
      } catch (const std::exception&) {
        // The database is away: the next renewal tries again; the work fails on its own.
      }
      lock.lock();
    }
  });
  const auto finish = [&] {
    {
      std::lock_guard lock(mutex);
      done = true;
    }
    done_changed.notify_all();
    renewer.join();
  };
  try {
    work();
  } catch (...) {
    finish();
    throw;
  }
  finish();
}

void BackgroundLease::release() {
  services_.db.transaction([&](store::Connection& c) { store::release_lease(c, kLease, holder_); });
}

}  // namespace waypoint::app
