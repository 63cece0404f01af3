#include <gtest/gtest.h>

#include "domain/kernel/audit_chain.hpp"

using namespace waypoint::domain;

namespace {

const std::string kKey(32, 'k');

std::vector<AuditEntry> chain(int n, const std::string& key = kKey, int from = 1,
                              std::string prev = kAuditGenesisHash) {
  std::vector<AuditEntry> out;
  for (int i = from; i < from + n; ++i) {
    AuditEntry e;
    e.id = i;
    e.at = "2026-11-23T09:00:0" + std::to_string(i % 10) + "Z";
    e.user_id = 7;
    e.action = "pupil.view";
    e.entity = "pupil";
    e.entity_id = 40 + i;
    e.pupil_id = 40 + i;
    e.client = "127.0.0.1";
    e.detail = "{}";
    e.prev_hash = prev;
    e.hash = audit_entry_hash(e, prev, key);
    prev = e.hash;
    out.push_back(e);
  }
  return out;
}

// Rewrites entry `index` and recomputes every hash after it with `key`, as someone holding the
// database (and perhaps the key) would to hide a change.
void rewrite(std::vector<AuditEntry>& c, std::size_t index, const std::string& key) {
  c[index].pupil_id = 99;
  std::string prev = index ? c[index - 1].hash : kAuditGenesisHash;
  for (auto i = index; i < c.size(); ++i) {
    c[i].prev_hash = prev;
    c[i].hash = audit_entry_hash(c[i], prev, key);
    prev = c[i].hash;
  }
}

AuditCheckpoint checkpoint_of(const std::vector<AuditEntry>& c) {
  return signed_checkpoint(
      {"2026-11-23T10:00:00Z", static_cast<std::int64_t>(c.size()), c.back().id, c.back().hash, ""}, kKey);
}

}  // namespace

TEST(AuditChain, AnIntactChainHasNoBreak) {
  EXPECT_FALSE(first_chain_break(chain(5), kKey));
  EXPECT_FALSE(first_chain_break({}, kKey));
}

TEST(AuditChain, AlteringAnEntryBreaksItThere) {
  auto c = chain(5);
  c[2].pupil_id = 99;  // someone hides whose record was viewed
  auto broken = first_chain_break(c, kKey);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 3);
  EXPECT_NE(broken->reason.find("content"), std::string::npos);
}

TEST(AuditChain, RemovingAnEntryBreaksTheNextOne) {
  auto c = chain(5);
  c.erase(c.begin() + 1);
  auto broken = first_chain_break(c, kKey);
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
  EXPECT_NE(audit_entry_hash(a, kAuditGenesisHash, kKey), audit_entry_hash(b, kAuditGenesisHash, kKey));
  auto c = a;
  c.user_id.reset();
  EXPECT_NE(audit_entry_hash(a, kAuditGenesisHash, kKey), audit_entry_hash(c, kAuditGenesisHash, kKey));
}

TEST(AuditChain, RecomputingTheHashesWithoutTheKeyIsCaught) {
  auto c = chain(5);
  rewrite(c, 1, "");
  auto broken = first_chain_break(c, kKey);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 2);
  rewrite(c, 1, std::string(32, 'x'));  // a guessed key
  ASSERT_TRUE(first_chain_break(c, kKey));
  EXPECT_TRUE(first_chain_break(chain(5), std::string(32, 'x'))) << "another deployment's key verifies none of it";
}

TEST(AuditChain, EntriesFromBeforeTheKeyVerifyUnkeyedButNeverAfterAKeyedOne) {
  auto c = chain(3, "");
  const auto keyed = chain(2, kKey, 4, c.back().hash);
  c.insert(c.end(), keyed.begin(), keyed.end());
  EXPECT_FALSE(first_chain_break(c, kKey));
  const auto unkeyed_after = chain(1, "", 6, c.back().hash);
  c.push_back(unkeyed_after[0]);
  auto broken = first_chain_break(c, kKey);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 6);
}

TEST(AuditCheckpoint, SignedWithTheDeploymentsKeyAndReadBackFromItsLine) {
  const auto cp = checkpoint_of(chain(4));
  EXPECT_TRUE(checkpoint_signed(cp, kKey));
  EXPECT_FALSE(checkpoint_signed(cp, std::string(32, 'x')));
  auto forged = cp;
  forged.entries = 3;
  forged.last_id = 3;
  EXPECT_FALSE(checkpoint_signed(forged, kKey)) << "a checkpoint shortened to match a cut trail";
  const auto back = parse_checkpoint_line(checkpoint_line(cp));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->head, cp.head);
  EXPECT_EQ(back->last_id, 4);
  EXPECT_TRUE(checkpoint_signed(*back, kKey));
  EXPECT_FALSE(parse_checkpoint_line("2026-11-23T10:00:00Z 4 4 abc"));
  EXPECT_FALSE(parse_checkpoint_line(checkpoint_line(cp) + " extra"));
}

TEST(AuditCheckpoint, RowsCutFromTheEndAreFoundAndNamed) {
  auto c = chain(10);
  const auto cp = checkpoint_of(c);
  c.resize(7);  // the last three deleted: the chain itself still holds
  EXPECT_FALSE(first_chain_break(c, kKey));
  auto broken = compare_with_checkpoint(cp, std::nullopt, 7, 0);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 8);
  EXPECT_NE(broken->reason.find("entries 8 to 10 were removed"), std::string::npos) << broken->reason;
}

TEST(AuditCheckpoint, ARewriteWithEveryLaterHashRecomputedUnderTheKeyIsFound) {
  auto c = chain(10);
  const auto earlier = checkpoint_of(std::vector<AuditEntry>(c.begin(), c.begin() + 4));
  const auto cp = checkpoint_of(c);
  rewrite(c, 5, kKey);  // entry 6, by someone who also holds the key
  EXPECT_FALSE(first_chain_break(c, kKey));
  EXPECT_FALSE(compare_with_checkpoint(earlier, c[3].hash, 10, 0)) << "the trail up to entry 4 is as signed";
  auto broken = compare_with_checkpoint(cp, c[9].hash, 10, earlier.last_id);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->entry_id, 5);
  EXPECT_NE(broken->reason.find("between entries 5 and 10"), std::string::npos) << broken->reason;
  EXPECT_FALSE(compare_with_checkpoint(cp, cp.head, 12, 0)) << "entries added since are not a break";
}
