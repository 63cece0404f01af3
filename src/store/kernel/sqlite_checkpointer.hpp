#pragma once
// Copies SQLite's write-ahead log back into the database file on a thread of its own. SQLite
// otherwise does it inside whichever commit finds the log long enough: one register sent in six
// then waited 10 ms for a thousand pages to be copied and the disk to be flushed twice.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace waypoint::store {

class SqliteCheckpointer {
 public:
  // Checkpoints once the log holds `pages` pages or more.
  explicit SqliteCheckpointer(std::string path, int pages = 1000);
  ~SqliteCheckpointer();
  SqliteCheckpointer(const SqliteCheckpointer&) = delete;
  SqliteCheckpointer& operator=(const SqliteCheckpointer&) = delete;

  // Hands `connection`'s checkpoints to this thread, in place of SQLite's own after a commit. The
  // connection must keep this checkpointer alive for as long as it is open.
  void take_over(sqlite3* connection);

 private:
  static int committed(void* self, sqlite3*, const char*, int pages);
  void run();

  const std::string path_;
  const int pages_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool owed_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace waypoint::store
