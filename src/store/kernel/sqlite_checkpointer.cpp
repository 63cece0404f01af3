#include "store/kernel/sqlite_checkpointer.hpp"

#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>

namespace waypoint::store {

SqliteCheckpointer::SqliteCheckpointer(std::string path, int pages) : path_(std::move(path)), pages_(pages) {
  // Started with every signal blocked, so a stop signal is never delivered here, where nothing
  // waits for it (it would end the process before `serve` stops in order). The thread inherits the
  // mask it is started under; this thread's own is put back at once.
  sigset_t all, before;
  sigfillset(&all);
  for (const int fault : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT}) sigdelset(&all, fault);
  pthread_sigmask(SIG_BLOCK, &all, &before);
  try {
    thread_ = std::thread([this] { run(); });
  } catch (...) {
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    throw;
  }
  pthread_sigmask(SIG_SETMASK, &before, nullptr);
}

SqliteCheckpointer::~SqliteCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void SqliteCheckpointer::take_over(sqlite3* connection) { sqlite3_wal_hook(connection, &committed, this); }

// Called by SQLite after each commit, on the committing thread, with the log's length in pages.
int SqliteCheckpointer::committed(void* self, sqlite3*, const char*, int pages) {
  auto& me = *static_cast<SqliteCheckpointer*>(self);
  if (pages < me.pages_) return SQLITE_OK;
  {
    std::lock_guard lock(me.mutex_);
    me.owed_ = true;
  }
  me.wake_.notify_one();
  return SQLITE_OK;
}

void SqliteCheckpointer::run() {
  sqlite3* db = nullptr;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return owed_ || stopping_; });
    if (stopping_) break;
    owed_ = false;
    lock.unlock();
    // A connection finds the database in WAL mode only when it first reads it, and until then
    // takes a checkpoint for a no-op: the PRAGMA is that first read.
    if (!db &&
        (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK ||
         sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr) != SQLITE_OK)) {
      sqlite3_close(db);
      db = nullptr;
    }
    // PASSIVE, as SQLite's own: it copies what no reader still needs and never makes a writer
    // wait. What is left is copied at the next one.
    if (db) sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
  }
  lock.unlock();
  sqlite3_close(db);
}

}  // namespace waypoint::store
