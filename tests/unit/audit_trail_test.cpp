// The audit trail on a real database (SQLite, and PostgreSQL under `ctest -R store.postgres`): the
// database refuses to change it, and someone who gets round that, even holding the key, is caught
// by the signed checkpoints kept outside it.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "app/kernel/audit.hpp"
#include "app/kernel/audit_trail.hpp"
#include "store/kernel/audit_store.hpp"
#include "store/kernel/migrations.hpp"
#include "test_database.hpp"

namespace waypoint {
namespace {

struct Trail {
  std::unique_ptr<store::Database> db = test_support::fresh_database();
  app::FixedClock clock{domain::Instant{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}}};
  std::filesystem::path checkpoints =
      std::filesystem::temp_directory_path() / "waypoint-unit" /
      ("checkpoints_" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  app::Services services{*db, clock, settings(), {}, nullptr, nullptr, nullptr, nullptr};

  app::Settings settings() {
    app::Settings s;
    s.audit_key = std::string(32, 'k');
    s.audit_checkpoints = checkpoints.string();
    return s;
  }

  Trail() {
    store::migrate(*db);
    add(10);
  }
  ~Trail() { std::filesystem::remove(checkpoints); }

  void add(int n) {
    db->transaction([&](store::Connection& c) {
      for (int i = 0; i < n; ++i) app::audit(c, services, nullptr, {"pupil.view", "pupil", 40 + i, 40 + i}, "test");
    });
  }

  // The trail holds `entries`, its head is the last of them, and every link holds.
  void expect_unbroken(std::int64_t entries) {
    db->with_connection([&](store::Connection& c) {
      EXPECT_EQ(c.query_one("SELECT COUNT(*) FROM audit_events")->integer(0), entries);
      EXPECT_EQ(c.query_one("SELECT last_id FROM audit_chain_head")->integer(0), entries);
    });
    const auto report = app::verify_audit_chain(services);
    EXPECT_FALSE(report.first_break) << report.first_break->reason;
    EXPECT_EQ(report.entries_checked, entries);
  }

  // What someone with the owner's rights does first.
  void lift_protection() {
    db->with_connection([](store::Connection& c) {
      if (c.engine() == store::Engine::Sqlite)
        c.execute_script("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete");
      else
        c.execute_script(
            "GRANT UPDATE, DELETE ON audit_events TO CURRENT_USER; ALTER TABLE audit_events DISABLE TRIGGER USER");
    });
  }

  // Changes entry `id` and recomputes every later hash with the real key.
  void rewrite_from(std::int64_t id) {
    std::vector<domain::AuditEntry> all;
    db->with_connection([&](store::Connection& c) {
      store::walk_audit_chain(c, [&](const domain::AuditEntry& e) {
        all.push_back(e);
        return true;
      });
    });
    db->transaction([&](store::Connection& c) {
      std::string prev = all[static_cast<std::size_t>(id - 2)].hash;
      for (auto i = static_cast<std::size_t>(id - 1); i < all.size(); ++i) {
        auto& e = all[i];
        if (e.id == id) e.pupil_id = 99;
        e.prev_hash = prev;
        e.hash = domain::audit_entry_hash(e, prev, services.settings.audit_key);
        prev = e.hash;
        c.exec("UPDATE audit_events SET pupil_id = $1, prev_hash = $2, hash = $3 WHERE id = $4",
               {store::opt_integer(e.pupil_id), e.prev_hash, e.hash, store::integer(e.id)});
      }
    });
  }
};

// Two server processes on one database (`t`'s and `other`), each with two requests at once, each
// request running `page(process, i)` for i from 0 to 24. Answers what failed.
std::vector<std::string> two_processes_at_once(Trail& t, app::Services& other,
                                               const std::function<void(app::Services&, int)>& page) {
  std::vector<std::thread> requests;
  std::mutex failures_turn;
  std::vector<std::string> failures;
  for (auto* process : {&t.services, &other})
    for (int thread = 0; thread < 2; ++thread)
      requests.emplace_back([process, &page, &failures_turn, &failures] {
        for (int i = 0; i < 25; ++i) try {
            page(*process, i);
          } catch (const std::exception& e) {
            const std::lock_guard turn(failures_turn);
            failures.emplace_back(e.what());
          }
      });
  for (auto& r : requests) r.join();
  return failures;
}

TEST(StoreAuditTrail, TheDatabaseRefusesToUpdateOrDeleteEntries) {
  Trail t;
  t.db->with_connection([](store::Connection& c) {
    EXPECT_THROW(c.exec("UPDATE audit_events SET pupil_id = 9 WHERE id = 3"), std::exception);
    EXPECT_THROW(c.exec("DELETE FROM audit_events WHERE id = 10"), std::exception);
    EXPECT_EQ(c.query_one("SELECT COUNT(*) FROM audit_events")->integer(0), 10);
    EXPECT_EQ(c.query_one("SELECT pupil_id FROM audit_events WHERE id = 3")->integer(0), 42);
  });
}

TEST(StoreAuditTrail, AnIntactTrailVerifiesAgainstItsCheckpoints) {
  Trail t;
  app::write_audit_checkpoint(t.services);
  t.add(5);
  app::write_audit_checkpoint(t.services);
  const auto report = app::verify_audit_chain(t.services);
  EXPECT_FALSE(report.first_break) << report.first_break->reason;
  EXPECT_EQ(report.entries_checked, 15);
  EXPECT_EQ(report.checkpoints_checked, 2);
}

TEST(StoreAuditTrail, RowsDeletedFromTheEndAreCaught) {
  Trail t;
  app::write_audit_checkpoint(t.services);
  t.lift_protection();
  t.db->with_connection([](store::Connection& c) { c.exec("DELETE FROM audit_events WHERE id > 7"); });
  const auto report = app::verify_audit_chain(t.services);
  ASSERT_TRUE(report.first_break);
  EXPECT_EQ(report.first_break->entry_id, 8);
  EXPECT_NE(report.first_break->reason.find("entries 8 to 10 were removed"), std::string::npos);
}

TEST(StoreAuditTrail, ARowRewrittenWithEveryLaterHashRecomputedIsCaught) {
  Trail t;
  app::write_audit_checkpoint(t.services);  // entries 1 to 10
  t.add(3);
  app::write_audit_checkpoint(t.services);  // entries 1 to 13
  t.lift_protection();
  t.rewrite_from(12);
  const auto report = app::verify_audit_chain(t.services);
  ASSERT_TRUE(report.first_break);
  EXPECT_EQ(report.first_break->entry_id, 11) << "the first entry the last good checkpoint does not vouch for";
  EXPECT_NE(report.first_break->reason.find("rewritten between entries 11 and 13"), std::string::npos)
      << report.first_break->reason;
}

TEST(StoreAuditTrail, AnEntryGoesAfterTheHeadItWasToldOfOnlyIfThatIsStillTheHead) {
  Trail t;
  if (t.db->engine() != store::Engine::Postgres) GTEST_SKIP() << "PostgreSQL's way of appending in one message";
  std::optional<store::AuditChainHead> head;
  t.db->with_connection([&](store::Connection& c) { head = store::lock_audit_chain(c); });
  ASSERT_TRUE(head);
  ASSERT_EQ(head->last_id, 10);
  const auto entry = [] {
    domain::AuditEntry e;
    e.at = "2026-11-23T09:00:00Z";
    e.action = "pupil.view";
    e.entity = "pupil";
    e.client = "test";
    e.detail = "{}";
    return e;
  };
  bool appended = false;
  t.db->transaction([&](store::Connection& c) {
    store::append_audit_entries_after(c, {entry()}, t.services.settings.audit_key, *head, appended);
  });
  EXPECT_TRUE(appended);
  // The same head again is no longer the head: nothing is written, and the chain is as it was.
  t.db->transaction([&](store::Connection& c) {
    store::append_audit_entries_after(c, {entry()}, t.services.settings.audit_key, *head, appended);
  });
  EXPECT_FALSE(appended);
  t.expect_unbroken(11);
}

// Two server processes on one database, each with two requests at once writing their pages' entries:
// each process's idea of the head is often out of date, and no entry is lost or linked wrongly.
TEST(StoreAuditTrail, ProcessesWritingEntriesOnTheirOwnKeepOneUnbrokenChain) {
  Trail t;
  app::Services other{*t.db,  t.clock, t.settings(), {}, nullptr, nullptr, std::make_shared<app::AuditChainHint>(),
                      nullptr};
  t.services.audit_chain = std::make_shared<app::AuditChainHint>();
  const app::Actor actor;  // the command line's: no account
  const auto failures = two_processes_at_once(t, other, [&actor](app::Services& process, int i) {
    app::audit_alone(process, actor, {"pupil.view", "pupil", i, i});
  });
  EXPECT_TRUE(failures.empty()) << failures.front();
  t.expect_unbroken(110);
}

// The same with every thread's pages owing their entries (AuditsOwed), as the server's requests do:
// each entry is sent and committed while the page is made, the next page's entry is sent before the
// last is answered, and one page writes two entries (the first is settled before the second is sent).
TEST(StoreAuditTrail, PagesWhoseEntriesCommitWhileTheyAreMadeKeepOneUnbrokenChain) {
  Trail t;
  app::Services other{*t.db,  t.clock, t.settings(), {}, nullptr, nullptr, std::make_shared<app::AuditChainHint>(),
                      nullptr};
  t.services.audit_chain = std::make_shared<app::AuditChainHint>();
  const app::Actor actor;
  const auto failures = two_processes_at_once(t, other, [&actor](app::Services& process, int i) {
    app::AuditsOwed owed;
    app::audit_alone(process, actor, {"pupil.view", "pupil", i, i});
    if (i % 5 == 0) app::audit_alone(process, actor, {"pupil.view", "pupil", i, i});
    if (i % 2 == 0) owed.settle();  // otherwise waited for as the page is given up
  });
  EXPECT_TRUE(failures.empty()) << failures.front();
  t.expect_unbroken(10 + 4 * 30);
}

// A page's entry sent after a head another process has since moved is not written by the message
// sent; settling finds that out and appends it after the real head, which the process then knows.
TEST(StoreAuditTrail, APagesEntrySentAfterAnOutOfDateHeadIsAppendedWhenSettled) {
  Trail t;
  if (t.db->engine() != store::Engine::Postgres) GTEST_SKIP() << "SQLite reads the head in its own process";
  app::Services other{*t.db,  t.clock, t.settings(), {}, nullptr, nullptr, std::make_shared<app::AuditChainHint>(),
                      nullptr};
  t.services.audit_chain = std::make_shared<app::AuditChainHint>();
  const app::Actor actor;
  app::audit_alone(t.services, actor, {"pupil.view", "pupil", 1, 1});  // this process now knows the head: 11
  app::audit_alone(other, actor, {"pupil.view", "pupil", 2, 2});       // which another moves on: 12
  {
    app::AuditsOwed owed;
    app::audit_alone(t.services, actor, {"pupil.view", "pupil", 3, 3});
    owed.settle();
    t.db->with_connection([&](store::Connection& c) {
      const auto last = c.query_one("SELECT id, entity_id FROM audit_events ORDER BY id DESC LIMIT 1");
      ASSERT_TRUE(last);
      EXPECT_EQ(last->integer(0), 13);
      EXPECT_EQ(last->integer(1), 3);
    });
  }
  ASSERT_TRUE(t.services.audit_chain->head);
  EXPECT_EQ(t.services.audit_chain->head->last_id, 13);
  t.expect_unbroken(13);
}

}  // namespace
}  // namespace waypoint
