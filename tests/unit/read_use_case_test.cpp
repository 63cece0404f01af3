// A use case that only reads (a page: the register, the today board, a pupil's year) runs its work
// while a writer holds its transaction, and its entry on the audit trail, or its refusal's, is
// written after the work. On both engines (ctest runs Store* on PostgreSQL too); on SQLite the
// work would otherwise queue behind every register being sent.
#include <gtest/gtest.h>

#include <future>
#include <thread>
#include <vector>

#include "app/kernel/audit.hpp"
#include "app/kernel/envelope.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/kernel/audit_store.hpp"
#include "test_services.hpp"

using namespace waypoint;

namespace {

struct AuditedDatabase : test_support::MigratedServices {
  std::vector<std::string> audited() {
    std::vector<std::string> actions;
    db->with_connection([&](store::Connection& c) {
      store::walk_audit_chain(c, [&](const domain::AuditEntry& e) {
        actions.push_back(e.action);
        return true;
      });
    });
    return actions;
  }
};

app::Actor staff_in_role(domain::Role role) {
  app::Actor a;
  a.role = role;
  a.organisation_id = 7;
  a.client = "127.0.0.1";
  return a;
}

const app::UseCase kTodayBoard{"today.view", domain::Action::SeeTodayBoard, "organisation", true, true};

}  // namespace

TEST(StoreReadUseCase, ItsWorkRunsWhileAWriterHoldsItsTransactionAndIsAuditedAfter) {
  AuditedDatabase d;
  domain::Organisation o;
  o.kind = domain::OrganisationKind::LocalAuthority;
  o.name = "Written while a page is read";
  std::promise<void> written, worked;
  std::thread writer([&] {
    d.db->transaction([&](store::Connection& c) {
      store::insert_organisation(c, o, "2026-12-04T09:00:00Z");
      written.set_value();
      // Committed once the page's work has run: work that queued behind this transaction would
      // never run (SQLite's writers' queue gives up after 10 s and the use case fails).
      worked.get_future().wait_for(std::chrono::seconds(30));
    });
  });
  written.get_future().wait();
  std::int64_t seen = -1;
  EXPECT_NO_THROW(seen = app::run(d.services, staff_in_role(domain::Role::ApLead), kTodayBoard,
                                  [&](store::Connection& c, app::AuditRecord& entry) {
                                    entry.entity_id = 7;
                                    const auto n = store::count_organisations(c);
                                    worked.set_value();
                                    return n;
                                  }));
  writer.join();
  EXPECT_EQ(seen, 0);  // the writer's organisation was not committed when the page read
  EXPECT_EQ(d.audited(), std::vector<std::string>{"today.view"});
}

TEST(StoreReadUseCase, ARefusalIsAuditedAndTheWorkNeverRuns) {
  AuditedDatabase d;
  bool ran = false;
  EXPECT_THROW(app::run(d.services, staff_in_role(domain::Role::ProviderStaff), kTodayBoard,
                        [&](store::Connection&, app::AuditRecord&) { ran = true; }),
               app::Denied);
  EXPECT_FALSE(ran);
  EXPECT_EQ(d.audited(), std::vector<std::string>{"today.view_refused"});
}

TEST(StoreReadUseCase, AFailedWorkIsNeitherShownNorAudited) {
  AuditedDatabase d;
  EXPECT_THROW(app::run(d.services, staff_in_role(domain::Role::ApLead), kTodayBoard,
                        [&](store::Connection& c, app::AuditRecord&) { c.query("SELECT * FROM no_such_table"); }),
               store::DatabaseError);
  EXPECT_TRUE(d.audited().empty());
  // The connection went back to the pool usable.
  d.db->with_connection([](store::Connection& c) { EXPECT_EQ(c.query_one("SELECT 1")->integer(0), 1); });
}

// On PostgreSQL a page's entry goes after the head this process last wrote, in one message. A write
// use case between two pages moves the head: it tells the hint, so the next page's entry still goes
// in one message, and every entry links to the one before.
TEST(StoreReadUseCase, AWritesEntryLeavesTheHeadForTheNextPagesEntry) {
  AuditedDatabase d;
  if (d.db->engine() != store::Engine::Postgres) GTEST_SKIP() << "SQLite reads the head in its own process";
  d.services.audit_chain = std::make_shared<app::AuditChainHint>();
  const auto actor = staff_in_role(domain::Role::ApLead);
  const auto page = [&] { app::run(d.services, actor, kTodayBoard, [](store::Connection&, app::AuditRecord&) {}); };
  const app::UseCase note{"today.note", domain::Action::SeeTodayBoard, "organisation", true, false};
  page();
  ASSERT_TRUE(d.services.audit_chain->head);
  EXPECT_EQ(d.services.audit_chain->head->last_id, 1);
  app::run(d.services, actor, note, [](store::Connection&, app::AuditRecord&) {});
  ASSERT_TRUE(d.services.audit_chain->head);
  EXPECT_EQ(d.services.audit_chain->head->last_id, 2);
  std::string written_hash;
  d.db->with_connection([&](store::Connection& c) { written_hash = store::lock_audit_chain(c)->hash; });
  EXPECT_EQ(d.services.audit_chain->head->hash, written_hash);
  page();
  EXPECT_EQ(d.services.audit_chain->head->last_id, 3);
  // A page refused is written the same way.
  EXPECT_THROW(app::run(d.services, staff_in_role(domain::Role::ProviderStaff), kTodayBoard,
                        [](store::Connection&, app::AuditRecord&) {}),
               app::Denied);
  EXPECT_EQ(d.services.audit_chain->head->last_id, 4);
  EXPECT_EQ(d.audited(), (std::vector<std::string>{"today.view", "today.note", "today.view", "today.view_refused"}));
}
