#pragma once
// Whole-database copies for `waypoint backup` and `waypoint restore`: what each engine needs to make
// one consistent copy while the server keeps writing, and to load it into an empty database.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "store/kernel/audit_store.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::store {

using TableCounts = std::map<std::string, std::int64_t>;

// What a copy holds, read from the same moment as the copy itself.
struct CopyContents {
  int schema_version = 0;  // the newest migration applied
  TableCounts rows;        // every table's rows
  AuditHead audit;
};

// Every table of the database's own, with its rows; one transaction, so one moment.
CopyContents read_contents(Connection& c);
// Whether the database has no tables yet (a restore goes only into such a one).
bool has_no_tables(Connection& c);

// Writes a consistent copy of the database at `url` to the file `to`: SQLite's online backup into
// a new database file; PostgreSQL's pg_dump in its custom format, from the snapshot the contents
// were read in. Answers what the copy holds.
CopyContents copy_database(const std::string& url, const std::filesystem::path& to);

// A PostgreSQL connection string as the environment libpq's tools read (PGHOST=..., PGPASSWORD=...),
// so pg_dump and pg_restore are given it there, not in arguments every user of the machine can
// list. Throws for a string libpq cannot read.
std::vector<std::string> postgres_environment(const std::string& conninfo);

// Loads a copy made by copy_database into the empty database at `url` (SQLite: the file is put in
// place; PostgreSQL: pg_restore in one transaction).
void load_copy(const std::string& url, const std::filesystem::path& from);

}  // namespace waypoint::store
