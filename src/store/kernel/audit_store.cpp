#include "store/kernel/audit_store.hpp"

#include <array>

namespace waypoint::store {
namespace {

constexpr const char* kAuditSelect =
    "SELECT id, at, user_id, organisation_id, action, entity, entity_id, pupil_id, client, detail, prev_hash, hash "
    "FROM audit_events ";

domain::AuditEntry audit_from_row(const Row& r) {
  domain::AuditEntry e;
  e.id = r.integer(0);
  e.at = r.text(1);
  e.user_id = r.opt_integer(2);
  e.organisation_id = r.opt_integer(3);
  e.action = r.text(4);
  e.entity = r.text(5);
  e.entity_id = r.opt_integer(6);
  e.pupil_id = r.opt_integer(7);
  e.client = r.text(8);
  e.detail = r.text(9);
  e.prev_hash = r.text(10);
  e.hash = r.text(11);
  return e;
}

constexpr const char* kAuditColumns =
    "audit_events (id, at, user_id, organisation_id, action, entity, entity_id, pupil_id, client, detail, prev_hash, "
    "hash)";
constexpr std::size_t kAuditValues = 12;

// Numbers and hashes `entries` in turn after the entry `last_id`, whose hash is `hash`; both end as
// the last entry's.
void link(std::vector<domain::AuditEntry>& entries, std::int64_t& last_id, std::string& hash, std::string_view key) {
  for (auto& e : entries) {
    e.id = ++last_id;
    e.prev_hash = hash;
    e.hash = hash = domain::audit_entry_hash(e, e.prev_hash, key);
  }
}

// An entry's values, in the order of kAuditColumns.
void add_values(Params& params, const domain::AuditEntry& e) {
  for (auto& v : Params{integer(e.id), e.at, opt_integer(e.user_id), opt_integer(e.organisation_id), e.action, e.entity,
                        opt_integer(e.entity_id), opt_integer(e.pupil_id), e.client, e.detail, e.prev_hash, e.hash})
    params.push_back(std::move(v));
}

}  // namespace

std::optional<AuditChainHead> lock_audit_chain(Connection& c) {
  // On PostgreSQL the read takes the head row's lock itself, a round trip fewer than an advisory
  // lock first; in READ COMMITTED a read that waited for it answers the head as the holder left it.
  // SQLite's BEGIN IMMEDIATE already serialises writers.
  const bool postgres = c.engine() == Engine::Postgres;
  const auto read = [&]() -> std::optional<AuditChainHead> {
    auto r = c.query_one(std::string("SELECT last_id, hash FROM audit_chain_head WHERE id = 1") +
                         (postgres ? " FOR UPDATE" : ""));
    if (!r) return std::nullopt;
    return AuditChainHead{r->integer(0), r->text(1)};
  };
  if (auto head = read(); head || !postgres) return head;
  // Before the first entry there is no row to lock: appenders take turns on an advisory lock, and
  // the first to commit makes the row, which those after it then lock too.
  c.lock_for_append("audit_events");
  return read();
}

std::vector<domain::AuditEntry> append_audit_entries(Connection& c, std::vector<domain::AuditEntry> entries,
                                                     std::string_view key) {
  if (entries.empty()) return entries;
  std::int64_t last_id = 0;
  std::string hash = domain::kAuditGenesisHash;
  if (auto last = lock_audit_chain(c)) {
    last_id = last->last_id;
    hash = last->hash;
  } else if (auto start = audit_trail_start(c)) {  // retention disposed of every entry so far
    last_id = start->last_id;
    hash = start->head;
  }
  link(entries, last_id, hash, key);
  // A hundred entries a statement: a register of 30 changed marks is one round trip, not thirty.
  // The chain's head is written by the last of them: on PostgreSQL in the same statement (a
  // data-modifying WITH), a round trip fewer on every audited request.
  const auto head = [](std::size_t first_parameter) {  // the head's last id and hash at $n and $n+1
    return "INSERT INTO audit_chain_head (id, last_id, hash) VALUES (1, $" + std::to_string(first_parameter) + ", $" +
           std::to_string(first_parameter + 1) +
           ") ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash";
  };
  constexpr std::size_t kRows = 100;
  const bool together = c.engine() == Engine::Postgres;
  for (std::size_t first = 0; first < entries.size(); first += kRows) {
    const auto last = std::min(entries.size(), first + kRows);
    Params params;
    for (auto i = first; i < last; ++i) add_values(params, entries[i]);
    const std::string insert =
        std::string("INSERT INTO ") + kAuditColumns + " VALUES " + values_rows(last - first, kAuditValues);
    if (!together || last < entries.size()) {
      c.exec(insert, params);
      continue;
    }
    const auto after_entries = params.size() + 1;
    params.push_back(integer(last_id));
    params.push_back(hash);
    // The transaction's last statement, as a rule: sent with its COMMIT.
    c.exec_later("WITH added AS (" + insert + ") " + head(after_entries), params);
  }
  if (!together) c.exec(head(1), {integer(last_id), hash});
  return entries;
}

std::vector<domain::AuditEntry> append_audit_entries_after(Connection& c, std::vector<domain::AuditEntry> entries,
                                                           std::string_view key, const AuditChainHead& expected,
                                                           bool& appended) {
  appended = false;
  if (c.engine() != Engine::Postgres) throw DatabaseError("an entry is appended after a known head on PostgreSQL only");
  if (entries.empty()) return entries;
  auto last_id = expected.last_id;
  auto hash = expected.hash;
  link(entries, last_id, hash, key);
  Params params{integer(expected.last_id), expected.hash};
  for (const auto& e : entries) add_values(params, e);
  // Typed: a VALUES list under a SELECT does not take its columns' types from the INSERT.
  constexpr std::array<const char*, kAuditValues> kTypes{"bigint", "text",   "bigint", "bigint", "text", "text",
                                                         "bigint", "bigint", "text",   "text",   "text", "text"};
  std::string rows;
  for (std::size_t i = 0; i < entries.size() * kAuditValues; ++i)
    rows += std::string(i % kAuditValues == 0 ? (i == 0 ? "(" : "), (") : ", ") + "$" + std::to_string(i + 3) +
            "::" + kTypes[i % kAuditValues];
  rows += ")";
  const auto after = params.size();
  params.push_back(integer(last_id));
  params.push_back(hash);
  // The head is locked only if it is still the one expected; one that another writer holds is waited
  // for, then read again as that writer left it (READ COMMITTED), so it no longer matches.
  c.each_row_later(
      "WITH head AS (SELECT 1 FROM audit_chain_head WHERE id = 1 AND last_id = $1 AND hash = $2 FOR UPDATE), "
      "added AS (INSERT INTO " +
          std::string(kAuditColumns) + " SELECT * FROM (VALUES " + rows +
          ") AS entry WHERE EXISTS (SELECT 1 FROM head)) "
          "UPDATE audit_chain_head SET last_id = $" +
          std::to_string(after + 1) + ", hash = $" + std::to_string(after + 2) +
          " WHERE id = 1 AND EXISTS (SELECT 1 FROM head) RETURNING last_id",
      params, [&appended](Row&) { appended = true; });
  return entries;
}

domain::AuditEntry append_audit_entry(Connection& c, domain::AuditEntry e, std::string_view key) {
  std::vector<domain::AuditEntry> one;
  one.push_back(std::move(e));
  return std::move(append_audit_entries(c, std::move(one), key).front());
}

AuditHead audit_head(Connection& c) {
  AuditHead head;
  head.hash = domain::kAuditGenesisHash;
  const auto count = c.query_one("SELECT COUNT(*) FROM audit_events");
  head.entries = count ? count->integer(0) : 0;
  if (auto last = c.query_one("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")) {
    head.last_id = last->integer(0);
    head.hash = last->text(1);
  } else if (auto start = audit_trail_start(c)) {  // every entry kept so far was disposed of
    head.last_id = start->last_id;
    head.hash = start->head;
  }
  return head;
}

std::optional<domain::AuditCheckpoint> audit_trail_start(Connection& c) {
  auto r = c.query_one(
      "SELECT disposed_at, entries_disposed, last_disposed_id, last_disposed_hash, signature FROM audit_trail_start "
      "WHERE id = 1");
  if (!r) return std::nullopt;
  return domain::AuditCheckpoint{r->text(0), r->integer(1), r->integer(2), r->text(3), r->text(4)};
}

void save_audit_trail_start(Connection& c, const domain::AuditCheckpoint& start) {
  c.exec(
      "INSERT INTO audit_trail_start (id, disposed_at, entries_disposed, last_disposed_id, last_disposed_hash, "
      "signature) VALUES (1, $1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET disposed_at = excluded.disposed_at, "
      "entries_disposed = excluded.entries_disposed, last_disposed_id = excluded.last_disposed_id, "
      "last_disposed_hash = excluded.last_disposed_hash, signature = excluded.signature",
      {start.at, integer(start.entries), integer(start.last_id), start.head, start.signature});
}

std::optional<std::string> audit_hash_of(Connection& c, std::int64_t id) {
  if (auto row = c.query_one("SELECT hash FROM audit_events WHERE id = $1", {integer(id)})) return row->text(0);
  return std::nullopt;
}

Page<AuditListing> search_audit(Connection& c, const AuditFilter& f, const PageRequest& page) {
  std::string where = "WHERE 1 = 1";
  Params params;
  auto add = [&](const std::string& clause, Value v) {
    params.push_back(std::move(v));
    where += " AND a." + clause + " $" + std::to_string(params.size());
  };
  if (f.user_id) add("user_id =", integer(*f.user_id));
  if (f.pupil_id) add("pupil_id =", integer(*f.pupil_id));
  if (f.from) add("at >=", *f.from);
  if (f.until) add("at <", *f.until + "T99");  // the whole of the last day, whatever the time
  params.push_back(integer(page.size + 1));
  params.push_back(integer(page.offset()));
  const auto n = params.size();
  const auto rows = c.query(
      "SELECT a.id, a.at, a.user_id, a.organisation_id, a.action, a.entity, a.entity_id, a.pupil_id, a.client, "
      "a.detail, a.prev_hash, a.hash, u.email FROM audit_events a LEFT JOIN users u ON u.id = a.user_id " +
          where + " ORDER BY a.id DESC LIMIT $" + std::to_string(n - 1) + " OFFSET $" + std::to_string(n),
      params);
  return make_page(map_rows(rows,
                            [](const Row& r) {
                              return AuditListing{audit_from_row(r), r.opt_text(12).value_or("")};
                            }),
                   page);
}

Page<ProviderChange> provider_history(Connection& c, std::int64_t provider_id, const PageRequest& page) {
  // Three index lookups (entity, entity_id) rather than a scan; reads and schools' own acceptances
  // are not part of the entry's history.
  const auto rows = c.query(
      "SELECT a.at, a.action, COALESCE(u.display_name, ''), COALESCE(o.name, ''), a.detail FROM audit_events a "
      "LEFT JOIN users u ON u.id = a.user_id LEFT JOIN organisations o ON o.id = a.organisation_id WHERE a.id IN ("
      "SELECT e.id FROM audit_events e WHERE e.entity = 'provider' AND e.entity_id = $1 "
      "UNION SELECT e.id FROM audit_events e JOIN provider_checks k ON e.entity = 'provider_check' "
      "AND e.entity_id = k.id WHERE k.provider_id = $1 "
      "UNION SELECT e.id FROM audit_events e JOIN provider_sites st ON e.entity = 'provider_site' "
      "AND e.entity_id = st.id WHERE st.provider_id = $1) "
      "AND a.action IN ('provider.create', 'provider.update', 'provider.site_add', 'provider.check_record', "
      "'provider.evidence_submit', 'provider.check_verify') "
      "ORDER BY a.id DESC LIMIT $2 OFFSET $3",
      {integer(provider_id), integer(page.size + 1), integer(page.offset())});
  return make_page(map_rows(rows,
                            [](const Row& r) {
                              return ProviderChange{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)};
                            }),
                   page);
}

void walk_audit_chain(Connection& c, const std::function<bool(const domain::AuditEntry&)>& visit) {
  std::int64_t after = 0;
  for (;;) {
    auto rows = c.query(std::string(kAuditSelect) + "WHERE id > $1 ORDER BY id LIMIT 1000", {integer(after)});
    if (rows.empty()) return;
    for (const auto& r : rows) {
      auto e = audit_from_row(r);
      after = e.id;
      if (!visit(e)) return;
    }
  }
}

}  // namespace waypoint::store
