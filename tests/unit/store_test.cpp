#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>
#include <thread>

#include "domain/kernel/audit_chain.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/session_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/kernel/audit_store.hpp"
#include "store/kernel/engines.hpp"
#include "store/kernel/migrations.hpp"
#include "test_database.hpp"

using namespace waypoint;

namespace {

// How many organisations another connection sees now.
std::int64_t organisations_in(store::Database& db) {
  std::int64_t n = -1;
  db.with_connection([&](store::Connection& c) { n = store::count_organisations(c); });
  return n;
}

}  // namespace

TEST(StoreMigrations, ApplyOnceAndRecordEach) {
  auto db = test_support::fresh_database();
  const auto first = store::migrate(*db);
  EXPECT_FALSE(first.empty());
  EXPECT_TRUE(store::migrate(*db).empty());  // nothing left to apply
  db->with_connection([&](store::Connection& c) {
    EXPECT_EQ(c.query_one("SELECT COUNT(*) FROM schema_migrations")->integer(0),
              static_cast<std::int64_t>(first.size()));
  });
}

TEST(StoreMigrations, AFailedMigrationLeavesTheDatabaseAsItWas) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  const std::vector<store::Migration> broken = {
      {9001, "9001_half.sql",
       "CREATE TABLE half_done (id INTEGER); INSERT INTO half_done VALUES (1); SELECT * FROM no_such_table;"}};
  EXPECT_THROW(store::migrate(*db, broken), store::DatabaseError);
  db->with_connection([&](store::Connection& c) {
    EXPECT_THROW(c.query("SELECT * FROM half_done"), store::DatabaseError);
    EXPECT_FALSE(c.query_one("SELECT 1 FROM schema_migrations WHERE version = 9001"));
  });
}

TEST(StoreParameters, NumberedPlaceholdersBindByNumberNotByOrder) {
  auto db = test_support::fresh_database();
  db->with_connection([&](store::Connection& c) {
    auto row = c.query_one("SELECT $2 || '-' || $1 || '-' || $2", {std::string("a"), std::string("b")});
    EXPECT_EQ(row->text(0), "b-a-b");
    auto null_row = c.query_one("SELECT COALESCE($1, 'none')", {store::null()});
    EXPECT_EQ(null_row->text(0), "none");
    // "$1" inside quoted text is text.
    auto quoted = c.query_one("SELECT '$1 and ''$2''' || $1", {std::string("!")});
    EXPECT_EQ(quoted->text(0), "$1 and '$2'!");
  });
}

TEST(StoreRows, ANumberReadsAsNumberOrTextAndACellTakesEachValueInTurn) {
  auto db = test_support::fresh_database();
  db->with_connection([&](store::Connection& c) {
    auto row = c.query_one("SELECT 42, -7, NULL, '0012', 9223372036854775807");
    EXPECT_EQ(row->integer(0), 42);
    EXPECT_EQ(row->text(0), "42");
    EXPECT_EQ(row->opt_text(1), std::optional<std::string>("-7"));
    EXPECT_EQ(row->opt_integer(1), -7);
    EXPECT_TRUE(row->is_null(2));
    EXPECT_FALSE(row->is_null(0));
    EXPECT_EQ(row->text(3), "0012");
    EXPECT_EQ(row->integer(3), 12);
    EXPECT_EQ(row->text(4), "9223372036854775807");
    EXPECT_THROW(row->text(2), store::DatabaseError);
  });
  // The engines read each row into the cells of the one before.
  store::Row reused({});
  reused.columns(1);
  reused.set_integer(0, 5);
  EXPECT_EQ(reused.text(0), "5");
  reused.set_text(0, "word");
  EXPECT_EQ(reused.text(0), "word");
  EXPECT_THROW(reused.integer(0), store::DatabaseError);
  reused.set_integer(0, 6);
  EXPECT_EQ(reused.text(0), "6");
  reused.set_null(0);
  EXPECT_TRUE(reused.is_null(0));
  EXPECT_EQ(reused.opt_integer(0), std::nullopt);
}

TEST(StoreParameters, ValuesRowsNumberRowByRow) {
  EXPECT_EQ(store::values_rows(2, 3), "($1, $2, $3), ($4, $5, $6)");
  EXPECT_EQ(store::values_rows(1, 1), "($1)");
  EXPECT_EQ(store::values_rows(0, 3), "");
  auto db = test_support::fresh_database();
  db->with_connection([&](store::Connection& c) {
    auto rows = c.query("SELECT * FROM (VALUES " + store::values_rows(2, 2) + ") v ORDER BY 1",
                        {std::string("a"), std::string("b"), std::string("c"), std::string("d")});
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].text(0) + rows[0].text(1) + rows[1].text(0) + rows[1].text(1), "abcd");
  });
}

TEST(StoreTransactions, AThrowRollsBackEverything) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  domain::Organisation o;
  o.kind = domain::OrganisationKind::LocalAuthority;
  o.name = "Rolled back";
  EXPECT_THROW(db->transaction([&](store::Connection& c) {
    store::insert_organisation(c, o, "2026-11-23T09:00:00Z");
    throw std::runtime_error("fail after the write");
  }),
               std::runtime_error);
  db->with_connection([&](store::Connection& c) { EXPECT_EQ(store::count_organisations(c), 0); });
}

// On PostgreSQL a transaction's BEGIN is sent with its first statement: the transaction is still
// one, unseen by others until it commits, and one whose first statement fails leaves the pool usable.
TEST(StoreTransactions, BegunWithTheFirstStatementAndUnseenUntilCommitted) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  const auto count = [&] { return organisations_in(*db); };
  domain::Organisation o;
  o.kind = domain::OrganisationKind::LocalAuthority;
  o.name = "Begun late";
  db->transaction([&](store::Connection& c) {
    store::insert_organisation(c, o, "2026-12-02T09:00:00Z");
    EXPECT_EQ(store::count_organisations(c), 1);
    EXPECT_EQ(count(), 0);  // another connection sees nothing yet
  });
  EXPECT_EQ(count(), 1);
  EXPECT_THROW(db->transaction([&](store::Connection& c) { c.query("SELECT no_such_column FROM organisations"); }),
               store::DatabaseError);
  EXPECT_THROW(db->transaction([&](store::Connection& c) {
    store::insert_organisation(c, o, "2026-12-02T09:00:00Z");
    c.query("SELECT no_such_column FROM organisations");
  }),
               store::DatabaseError);
  db->transaction([](store::Connection&) {});  // nothing run: nothing to begin or commit
  db->transaction([&](store::Connection& c) {
    c.execute_script("UPDATE organisations SET name = 'Renamed'");
    c.query("SELECT 1");
  });
  EXPECT_EQ(count(), 1);
  db->with_connection(
      [&](store::Connection& c) { EXPECT_EQ(c.query_one("SELECT name FROM organisations")->text(0), "Renamed"); });
}

// A page's reads run beside a register being sent: a read neither waits for a writer's transaction
// nor sees it before it commits. SQLite reads one snapshot throughout and refuses a write in a read
// (it would take the write lock outside the writers' queue); PostgreSQL reads each statement as it
// stands, as READ COMMITTED transactions did, with no BEGIN or COMMIT to send.
TEST(StoreTransactions, AReadNeitherWaitsForAWriterNorSeesItsWorkUntilCommitted) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  const bool sqlite = db->engine() == store::Engine::Sqlite;
  domain::Organisation o;
  o.kind = domain::OrganisationKind::LocalAuthority;
  o.name = "Written beside a read";
  const auto add = [&] {
    db->transaction([&](store::Connection& c) { store::insert_organisation(c, o, "2026-12-04T09:00:00Z"); });
  };

  std::promise<void> written, read;
  std::thread writer([&] {
    db->transaction([&](store::Connection& c) {
      store::insert_organisation(c, o, "2026-12-04T09:00:00Z");
      written.set_value();
      // Committed only once the read is done: a read that queued behind this transaction would
      // never be done (and SQLite's writers' queue gives up after 10 s).
      read.get_future().wait_for(std::chrono::seconds(30));
    });
  });
  written.get_future().wait();
  std::int64_t seen = -1;
  EXPECT_NO_THROW(db->read([&](store::Connection& c) { seen = store::count_organisations(c); }));
  read.set_value();
  writer.join();
  EXPECT_EQ(seen, 0);

  std::int64_t first = -1, then = -1;
  db->read([&](store::Connection& c) {
    first = store::count_organisations(c);
    std::thread(add).join();  // another connection commits in the middle of the read
    then = store::count_organisations(c);
  });
  EXPECT_EQ(first, 1);
  EXPECT_EQ(then, sqlite ? 1 : 2);

  if (sqlite) {
    EXPECT_THROW(db->read([&](store::Connection& c) { store::insert_organisation(c, o, "2026-12-04T09:00:00Z"); }),
                 store::DatabaseError);
  }
  db->read([&](store::Connection& c) { EXPECT_EQ(store::count_organisations(c), 2); });
  add();  // and the writers' queue is free after all of it
  db->with_connection([&](store::Connection& c) { EXPECT_EQ(store::count_organisations(c), 3); });
}

// The audit entry, a transaction's last write, is sent with the COMMIT on PostgreSQL (exec_later):
// the next statement still sees it, a failure still undoes the whole transaction, and outside a
// transaction it runs at once.
TEST(StoreTransactions, AWriteSentLaterIsSeenNextAndFailsItsWholeTransaction) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  const auto count = [&] { return organisations_in(*db); };
  const auto add = "INSERT INTO organisations (kind, name, created_at) VALUES ('la', $1, '2026-12-04T09:00:00Z')";
  db->transaction([&](store::Connection& c) {
    c.exec_later(add, {std::string("Sent with the next read")});
    EXPECT_EQ(store::count_organisations(c), 1);
    c.exec_later(add, {std::string("Sent with the commit")});
  });
  EXPECT_EQ(count(), 2);

  EXPECT_THROW(db->transaction([&](store::Connection& c) {
    c.exec(add, {std::string("Undone with the rest")});
    c.exec_later(add, {std::nullopt});  // a name is required: refused at the commit
  }),
               store::DatabaseError);
  EXPECT_EQ(count(), 2);
  EXPECT_THROW(db->transaction([&](store::Connection& c) {
    c.exec_later(add, {std::nullopt});
    c.query("SELECT 1");
  }),
               store::DatabaseError);
  EXPECT_EQ(count(), 2);

  db->with_connection([&](store::Connection& c) { c.exec_later(add, {std::string("At once")}); });
  EXPECT_EQ(count(), 3);
  db->transaction([&](store::Connection& c) { c.exec_later(add, {std::string("Pool still usable")}); });
  EXPECT_EQ(count(), 4);
}

// A transaction whose COMMIT goes out before its answer is read: what it wrote is committed once
// answered, a refusal is thrown by answered() and undoes it all, and one left unanswered is still
// waited for. On SQLite it commits at once.
TEST(StoreTransactions, ATransactionSentIsCommittedOnceAnsweredAndThrowsThereWhatWasRefused) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  const auto count = [&] { return organisations_in(*db); };
  const auto add = "INSERT INTO organisations (kind, name, created_at) VALUES ('la', $1, '2026-12-04T09:00:00Z')";
  {
    auto sent = db->transaction_sent([&](store::Connection& c) {
      c.exec(add, {std::string("Written before")});
      c.exec_later(add, {std::string("Sent with the commit")});
    });
    sent.answered();
    EXPECT_EQ(count(), 2);
    sent.answered();  // answered once: nothing more to wait for
  }

  // A refusal is known when answered on PostgreSQL; SQLite, which writes at once, throws it sooner.
  const auto refused = [&](store::Connection& c) {
    c.exec(add, {std::string("Undone with the rest")});
    c.exec_later(add, {std::nullopt});  // a name is required
  };
  EXPECT_THROW(db->transaction_sent(refused).answered(), store::DatabaseError);
  EXPECT_EQ(count(), 2);

  {
    db->transaction_sent([&](store::Connection& c) { c.exec_later(add, {std::string("Never asked after")}); });
  }
  EXPECT_EQ(count(), 3);
  if (db->engine() == store::Engine::Postgres) {
    db->transaction_sent(refused);  // left unanswered: the refusal is let go, and nothing written
    EXPECT_EQ(count(), 3);
  }
  db->transaction([&](store::Connection& c) { c.exec_later(add, {std::string("Pool still usable")}); });
  EXPECT_EQ(count(), 4);
  // Work that throws before anything is sent is rolled back as transaction() rolls it back.
  EXPECT_THROW(db->transaction_sent([&](store::Connection& c) {
    c.exec(add, {std::string("Undone")});
    throw std::runtime_error("the work failed");
  }),
               std::runtime_error);
  EXPECT_EQ(count(), 4);
}

// Named statements are planned once on PostgreSQL; statements sent unnamed (through PgBouncer) are
// left to the server's own choice, as the pooled server connection is shared with others.
TEST(StoreConnections, ReadsSentTogetherEachGiveTheirOwnRowsInOrder) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  const auto reads = [](std::vector<std::string>& a, std::vector<std::string>& b, std::vector<std::string>& c,
                        const std::string& middle) {
    const auto text = [](const store::Row& r) { return r.text(0); };
    return std::vector<store::Read>{
        store::read_into(a, "SELECT $1 || 'a' UNION ALL SELECT $1 || 'b'", {std::string("x")}, text),
        store::read_into(b, middle, {}, text),
        store::read_into(c, "SELECT CAST($1 AS TEXT) || $2", {std::string("y"), std::string("z")}, text)};
  };
  std::vector<std::string> a, b, c;
  db->with_connection([&](store::Connection& conn) { conn.each_row_together(reads(a, b, c, "SELECT 'middle'")); });
  EXPECT_EQ(a, (std::vector<std::string>{"xa", "xb"}));
  EXPECT_EQ(b, (std::vector<std::string>{"middle"}));
  EXPECT_EQ(c, (std::vector<std::string>{"yz"}));
  // The first thing a transaction does: they go with its BEGIN. One that fails is thrown, the
  // transaction is rolled back, and the connection serves the next.
  domain::Organisation o;
  o.kind = domain::OrganisationKind::LocalAuthority;
  o.name = "Together";
  EXPECT_THROW(db->transaction([&](store::Connection& conn) {
    a.clear();
    conn.each_row_together(reads(a, b, c, "SELECT no_such_column FROM organisations"));
  }),
               store::DatabaseError);
  db->transaction([&](store::Connection& conn) {
    a.clear(), b.clear(), c.clear();
    conn.each_row_together(reads(a, b, c, "SELECT name FROM organisations"));
    store::insert_organisation(conn, o, "2026-12-02T09:00:00Z");
  });
  EXPECT_EQ(a, (std::vector<std::string>{"xa", "xb"}));
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(c, (std::vector<std::string>{"yz"}));
  db->with_connection([&](store::Connection& conn) { EXPECT_EQ(store::count_organisations(conn), 1); });
}

TEST(StoreConnections, PostgresPlansNamedStatementsOnce) {
  const auto url = test_support::fresh_database_url();
  if (url.rfind("sqlite:", 0) == 0) GTEST_SKIP() << "SQLite prepares each statement once by itself";
  const auto mode = [&](bool named) {
    std::string m;
    store::open_postgres(url, named)->with_connection([&](store::Connection& c) {
      m = c.query_one("SHOW plan_cache_mode")->text(0);
    });
    return m;
  };
  EXPECT_EQ(mode(true), "force_generic_plan");
  EXPECT_EQ(mode(false), "auto");
}

// Every signed-in request reads its session, its user and their organisation in one statement.
TEST(StoreConnections, SqliteCopiesItsLogBackIntoTheDatabaseFile) {
  if (const char* pg = std::getenv("WAYPOINT_TEST_PG"); pg && *pg) GTEST_SKIP() << "SQLite's write-ahead log";
  const auto url = test_support::fresh_database_url();
  const auto path = url.substr(std::string("sqlite:").size());
  auto db = store::open_database(url);
  // One commit of about 1,200 pages, past the 1,000 at which the log is copied back: until it is,
  // the pages are in the log alone and the database file stays as it was.
  db->transaction([](store::Connection& c) {
    c.execute_script(
        "CREATE TABLE filler (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200) "
        "INSERT INTO filler SELECT randomblob(3000) FROM n;");
  });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::filesystem::file_size(path) < 1200u * 3000u && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_GE(std::filesystem::file_size(path), 1200u * 3000u);
  std::int64_t rows = 0;
  db->with_connection([&](store::Connection& c) { rows = c.query_one("SELECT COUNT(*) FROM filler")->integer(0); });
  EXPECT_EQ(rows, 1200);
}

// `serve` blocks its stop signals only after it has opened the database, then waits for them; a
// thread started before then that could take a stop signal would end the process before it stopped.
TEST(StoreConnections, SqlitesOwnThreadTakesNoStopSignal) {
  if (const char* pg = std::getenv("WAYPOINT_TEST_PG"); pg && *pg) GTEST_SKIP() << "SQLite's checkpointer";
  const auto tasks = [] {
    std::set<std::string> out;
    for (const auto& t : std::filesystem::directory_iterator("/proc/self/task")) out.insert(t.path().filename());
    return out;
  };
  const auto before = tasks();
  auto db = test_support::fresh_database();
  int started = 0;
  for (const auto& task : tasks()) {
    if (before.contains(task)) continue;
    ++started;
    std::ifstream status("/proc/self/task/" + task + "/status");
    std::string line;
    unsigned long long blocked = 0;
    while (std::getline(status, line))
      if (line.rfind("SigBlk:", 0) == 0) blocked = std::stoull(line.substr(7), nullptr, 16);
    for (const int stop : {SIGTERM, SIGINT}) EXPECT_TRUE(blocked & (1ULL << (stop - 1))) << "thread " << task;
  }
  EXPECT_EQ(started, 1);
}

TEST(StoreSessions, ASessionIsReadWithItsUserAndOrganisation) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  db->transaction([](store::Connection& c) {
    domain::Organisation la;
    la.kind = domain::OrganisationKind::LocalAuthority;
    la.name = "Exeshire";
    const auto la_id = store::insert_organisation(c, la, "2026-11-23T09:00:00Z");
    domain::Organisation school;
    school.kind = domain::OrganisationKind::School;
    school.name = "Oakfield";
    school.parent_id = la_id;
    school.urn = "100001";
    const auto school_id = store::insert_organisation(c, school, "2026-11-23T09:00:00Z");
    domain::User u;
    u.email = "lead@oakfield.example";
    u.display_name = "A Lead";
    u.role = domain::Role::ApLead;
    u.organisation_id = school_id;
    u.password_hash = "hash";
    const auto user_id = store::insert_user(c, u, "2026-11-23T09:00:00Z");
    store::insert_session(c,
                          {"tokenhash", user_id, "csrf", "2026-11-23T09:00:00Z", "2026-11-23T09:05:00Z", "signed_in"});
    store::set_user_disabled(c, user_id, true, "2026-11-23T09:10:00Z");

    EXPECT_FALSE(store::find_session_with_holder(c, "another"));
    const auto h = store::find_session_with_holder(c, "tokenhash");
    ASSERT_TRUE(h);
    EXPECT_EQ(h->session.user_id, user_id);
    EXPECT_EQ(h->session.csrf_token, "csrf");
    EXPECT_EQ(h->session.last_seen_at, "2026-11-23T09:05:00Z");
    EXPECT_EQ(h->session.stage, "signed_in");
    ASSERT_TRUE(h->user);
    EXPECT_EQ(h->user->email, "lead@oakfield.example");
    EXPECT_EQ(h->user->role, domain::Role::ApLead);
    EXPECT_TRUE(h->user->disabled);
    ASSERT_TRUE(h->organisation);
    EXPECT_EQ(h->organisation->id, school_id);
    EXPECT_EQ(h->organisation->name, "Oakfield");
    EXPECT_EQ(h->organisation->parent_id, la_id);
    EXPECT_EQ(h->organisation->urn, "100001");
    EXPECT_FALSE(h->organisation->disabled);
  });
}

TEST(StoreAudit, AppendsFormAVerifiableChainAndSearchFilters) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  db->transaction([&](store::Connection& c) {
    for (int i = 0; i < 3; ++i) {
      domain::AuditEntry e;
      e.at = "2026-11-2" + std::to_string(i + 1) + "T09:00:00Z";
      e.user_id = 10 + i;
      e.action = "pupil.view";
      e.entity = "pupil";
      e.pupil_id = i == 1 ? std::optional<std::int64_t>(5) : std::nullopt;
      e.client = "127.0.0.1";
      e.detail = "{}";
      store::append_audit_entry(c, e, std::string(32, 'k'));
    }
  });
  std::vector<domain::AuditEntry> all;
  db->with_connection([&](store::Connection& c) {
    store::walk_audit_chain(c, [&](const domain::AuditEntry& e) {
      all.push_back(e);
      return true;
    });
    EXPECT_EQ(store::search_audit(c, {std::nullopt, 5, std::nullopt, std::nullopt}, {}).items.size(), 1u);
    EXPECT_EQ(store::search_audit(c, {11, std::nullopt, std::nullopt, std::nullopt}, {}).items.size(), 1u);
    // Dates are inclusive at both ends.
    EXPECT_EQ(store::search_audit(c, {std::nullopt, std::nullopt, "2026-11-22", "2026-11-23"}, {}).items.size(), 2u);
  });
  ASSERT_EQ(all.size(), 3u);
  EXPECT_FALSE(domain::first_chain_break(all, std::string(32, 'k')));
  EXPECT_EQ(all[0].prev_hash, domain::kAuditGenesisHash);
}

// Requests append at once from their own connections, starting on a trail with no entry (where
// there is no head to lock yet) and going on once it has one: every entry still links to the one
// before it, with no id taken twice and none skipped.
TEST(StoreAudit, AppendersAtOnceTakeTurnsOnTheChain) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  const std::string key(32, 'k');
  constexpr int kAppenders = 6;
  constexpr int kEach = 15;
  std::vector<std::thread> appenders;
  for (int t = 0; t < kAppenders; ++t)
    appenders.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i)
        db->transaction([&](store::Connection& c) {
          domain::AuditEntry e;
          e.at = "2026-12-02T09:00:00Z";
          e.user_id = t + 1;
          e.action = "pupil.view";
          e.entity = "pupil";
          e.client = "127.0.0.1";
          e.detail = "{}";
          store::append_audit_entries(c, {e, e}, key);
        });
    });
  for (auto& a : appenders) a.join();
  std::vector<domain::AuditEntry> all;
  db->with_connection([&](store::Connection& c) {
    store::walk_audit_chain(c, [&](const domain::AuditEntry& e) {
      all.push_back(e);
      return true;
    });
    const auto head = store::lock_audit_chain(c);
    ASSERT_TRUE(head);
    EXPECT_EQ(head->last_id, kAppenders * kEach * 2);
    EXPECT_EQ(head->hash, all.back().hash);
  });
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kAppenders * kEach * 2));
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].id, static_cast<std::int64_t>(i + 1));
  EXPECT_FALSE(domain::first_chain_break(all, key));
}

TEST(StoreAudit, EntriesAppendedTogetherChainAsIfOneByOne) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  const auto entry = [](int n) {
    domain::AuditEntry e;
    e.at = "2026-11-30T09:00:00Z";
    e.user_id = 7;
    e.action = "register.mark_change";
    e.entity = "pupil";
    e.entity_id = e.pupil_id = n;
    e.client = "127.0.0.1";
    e.detail = "{}";
    return e;
  };
  const std::string key(32, 'k');
  db->transaction([&](store::Connection& c) {
    store::append_audit_entry(c, entry(1), key);
    std::vector<domain::AuditEntry> many;
    for (int n = 2; n <= 131; ++n) many.push_back(entry(n));  // more than one statement holds
    const auto appended = store::append_audit_entries(c, many, key);
    EXPECT_EQ(appended.front().id, 2);
    EXPECT_EQ(appended.back().id, 131);
    store::append_audit_entry(c, entry(132), key);
    EXPECT_TRUE(store::append_audit_entries(c, {}, key).empty());
  });
  std::vector<domain::AuditEntry> all;
  db->with_connection([&](store::Connection& c) {
    store::walk_audit_chain(c, [&](const domain::AuditEntry& e) {
      all.push_back(e);
      return true;
    });
  });
  ASSERT_EQ(all.size(), 132u);
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].pupil_id, static_cast<std::int64_t>(i + 1));
  EXPECT_FALSE(domain::first_chain_break(all, key));
  EXPECT_EQ(all[131].prev_hash, all[130].hash);
}
