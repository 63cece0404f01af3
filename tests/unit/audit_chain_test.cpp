#include <gtest/gtest.h>

#include "domain/kernel/audit_chain.hpp"

using namespace waypoint::domain;

namespace {

std::vector<AuditEntry> chain(int n) {
  std::vector<AuditEntry> out;
  std::string prev = kAuditGenesisHash;
  for (int i = 1; i <= n; ++i) {
    AuditEntry e;
    e.id = i;
    e.at = "2026-11-23T09:00:0" + std::to_string(i) + "Z";
    e.user_id = 7;
    e.action = "pupil.view";
    e.entity = "pupil";
    e.entity_id = 40 + i;
    e.pupil_id = 40 + i;
    e.client = "127.0.0.1";
    e.detail = "{}";
    e.prev_hash = prev;
    e.hash = audit_entry_hash(e, prev);
    prev = e.hash;
    out.push_back(e);
  }
  return out;
}

}  // namespace

TEST(AuditChain, AnIntactChainHasNoBreak) {
  EXPECT_FALSE(first_chain_break(chain(5)));
  EXPECT_FALSE(first_chain_break({}));
}

TEST(AuditChain, AlteringAnEntryBreaksItThere) {
  auto c = chain(5);
  c[2].pupil_id = 99;  // someone hides whose record was viewed
  auto broken = first_chain_break(c);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 3);
  EXPECT_NE(broken->reason.find("content"), std::string::npos);
}

TEST(AuditChain, RemovingAnEntryBreaksTheNextOne) {
  auto c = chain(5);
  c.erase(c.begin() + 1);
  auto broken = first_chain_break(c);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 3);
  EXPECT_NE(broken->reason.find("previous-entry"), std::string::npos);
}

TEST(AuditChain, FieldsCannotBeShiftedIntoEachOther) {
  auto a = chain(1)[0];
  auto b = a;
  a.action = "ab";
  a.entity = "c";
  b.action = "a";
  b.entity = "bc";
  EXPECT_NE(audit_entry_hash(a, kAuditGenesisHash), audit_entry_hash(b, kAuditGenesisHash));
  auto c = a;
  c.user_id.reset();
  EXPECT_NE(audit_entry_hash(a, kAuditGenesisHash), audit_entry_hash(c, kAuditGenesisHash));
}
