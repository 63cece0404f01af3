#pragma once
// What a server worked out from the database, kept between requests labelled with the revision of
// everything it was read from, and given out only while a fresh read of that revision finds it
// unchanged. The revisions are numbers the database's own triggers move with every change, so what
// is kept is never older than the database, however the change was made. The least recently used
// goes first when more is kept than `capacity`. Shared by a server's threads.
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <utility>

namespace waypoint::app {

template <typename Key, typename Revision, typename Value>
class KeptWhileRevised {
 public:
  using Kept = std::shared_ptr<const Value>;
  explicit KeptWhileRevised(std::size_t capacity) : capacity_(capacity) {}

  // What was kept for `key` when its sources stood at `revision`; none if not kept, or kept under
  // another revision.
  Kept find(const Key& key, const Revision& revision) {
    const std::lock_guard lock(mutex_);
    for (auto it = kept_.begin(); it != kept_.end(); ++it) {
      if (!(it->key == key)) continue;
      if (!(it->revision == revision)) return nullptr;
      kept_.splice(kept_.begin(), kept_, it);
      return it->value;
    }
    return nullptr;
  }

  // Keeps `value` for `key` as read under `revision`, in place of what was kept for it before.
  void keep(const Key& key, Revision revision, Kept value) {
    const std::lock_guard lock(mutex_);
    for (auto it = kept_.begin(); it != kept_.end(); ++it)
      if (it->key == key) {
        kept_.erase(it);
        break;
      }
    kept_.push_front({key, std::move(revision), std::move(value)});
    if (kept_.size() > capacity_) kept_.pop_back();
  }

 private:
  struct Entry {
    Key key;
    Revision revision;
    Kept value;
  };
  const std::size_t capacity_;
  std::mutex mutex_;
  std::list<Entry> kept_;  // the most recently used first
};

}  // namespace waypoint::app
