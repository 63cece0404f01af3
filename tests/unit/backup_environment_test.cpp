// pg_dump and pg_restore are given the connection in their environment, not in arguments any user
// of the machine can list (a password among them).
#include <gtest/gtest.h>

#include <algorithm>

#include "store/kernel/backup_store.hpp"

using namespace waypoint;

TEST(BackupEnvironment, AConnectionStringBecomesLibpqsEnvironment) {
  const auto has = [](const std::vector<std::string>& env, const std::string& entry) {
    return std::find(env.begin(), env.end(), entry) != env.end();
  };
  const auto kv = store::postgres_environment("host=127.0.0.1 port=5433 dbname=waypoint user=wp password=s3cret");
  for (const char* entry : {"PGHOST=127.0.0.1", "PGPORT=5433", "PGDATABASE=waypoint", "PGUSER=wp", "PGPASSWORD=s3cret"})
    EXPECT_TRUE(has(kv, entry)) << entry;
  EXPECT_EQ(kv.size(), 5u);
  const auto uri = store::postgres_environment("postgresql://wp:p%40ss@db.example:6432/area?sslmode=require");
  for (const char* entry :
       {"PGHOST=db.example", "PGPORT=6432", "PGDATABASE=area", "PGUSER=wp", "PGPASSWORD=p@ss", "PGSSLMODE=require"})
    EXPECT_TRUE(has(uri, entry)) << entry;
  EXPECT_THROW(store::postgres_environment("host=127.0.0.1 port"), store::DatabaseError);
}
