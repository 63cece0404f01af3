# Integration and browser suites, run by CTest beside the unit tests. Each starts its own
# `waypoint serve`; the PostgreSQL suites share a throwaway cluster that a fixture starts and stops.
set(WAYPOINT_ASAN_DIR "" CACHE PATH "Build folder of the sanitizer build, whose binaries CTest also runs")
find_program(NODE node REQUIRED)
set(PG_STATE ${CMAKE_BINARY_DIR}/postgres-test.env)

add_test(NAME postgres.start COMMAND ${CMAKE_SOURCE_DIR}/scripts/start-postgres ${PG_STATE} --no-autovacuum)
set_tests_properties(postgres.start PROPERTIES FIXTURES_SETUP postgres)
add_test(NAME postgres.stop COMMAND ${CMAKE_SOURCE_DIR}/scripts/stop-postgres ${PG_STATE})
set_tests_properties(postgres.stop PROPERTIES FIXTURES_CLEANUP postgres)

set(TEST_ENV
  WAYPOINT_BIN=$<TARGET_FILE:waypoint>
  WAYPOINT_ASSETS=${CMAKE_BINARY_DIR}/public
  WAYPOINT_PG_STATE=${PG_STATE})

# The suites must pass on any day, so none reads the real date: each runs as of a day of its own
# (WAYPOINT_TODAY reaches every server and command a test starts, and the tests' own dates):
# SQLite and the browser a Monday in term, PostgreSQL a Sunday in the summer holiday (the demo then
# starts its placements before the holiday), the sanitizer build a leap day. Run a suite by hand
# with another WAYPOINT_TODAY to try a day of your choosing.
set(TEST_DAY_sqlite ";WAYPOINT_TODAY=2026-11-30")
set(TEST_DAY_postgres ";WAYPOINT_TODAY=2027-08-15")
set(TEST_DAY_browser ";WAYPOINT_TODAY=2026-11-30")
set(TEST_DAY_sanitized ";WAYPOINT_TODAY=2028-02-29")
# `make test` runs the suites side by side (ctest -j). The files that time the server under load
# (slow clients' p99, a stop with requests in flight) run as suites of their own with nothing beside
# them, so another suite's work cannot blur what they measure.
file(GLOB INTEGRATION_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/integration/*.test.mjs)
set(TIMED_FILES ${INTEGRATION_FILES})
list(FILTER TIMED_FILES INCLUDE REGEX "/(slow_clients|graceful_stop)\\.test\\.mjs$")
list(REMOVE_ITEM INTEGRATION_FILES ${TIMED_FILES})

# The PostgreSQL suites share one cluster, which a test stops and starts again (the outage test):
# they take turns. With a sanitizer build beside this one, the integration files run on SQLite once,
# on that build (below), which finds all that this one would and more, for 1.7 times the time: the
# release build still runs them on PostgreSQL, the browser suite on SQLite and the timed files on
# both; running them twice on SQLite had made `make test` longer than its fifteen minutes.
foreach(engine sqlite postgres)
  if(NOT (engine STREQUAL "sqlite" AND WAYPOINT_ASAN_DIR))
    add_test(NAME integration.${engine} COMMAND ${NODE} --test --test-concurrency=1 ${INTEGRATION_FILES})
    set_tests_properties(integration.${engine} PROPERTIES TIMEOUT 1800 ENVIRONMENT
      "${TEST_ENV};WAYPOINT_TEST_ENGINE=${engine}${TEST_DAY_${engine}}")
  endif()
  add_test(NAME integration.${engine}.timed COMMAND ${NODE} --test --test-concurrency=1 ${TIMED_FILES})
  set_tests_properties(integration.${engine}.timed PROPERTIES ENVIRONMENT
    "${TEST_ENV};WAYPOINT_TEST_ENGINE=${engine}${TEST_DAY_${engine}}")
endforeach()
set_tests_properties(integration.postgres integration.postgres.timed PROPERTIES FIXTURES_REQUIRED postgres
                     RESOURCE_LOCK postgres)
set_tests_properties(integration.sqlite.timed integration.postgres.timed PROPERTIES RUN_SERIAL ON)
# Each suite is one CTest test running its files one at a time, so `make test`'s 900 s default is a
# limit on a whole suite; the long ones have 1,800 s: a slow suite should fail for what it finds, not
# for a busy host.

add_test(NAME store.postgres COMMAND ${CMAKE_SOURCE_DIR}/scripts/with-postgres ${PG_STATE} $<TARGET_FILE:unit_tests>
         --gtest_filter=Store*)
set_tests_properties(store.postgres PROPERTIES FIXTURES_REQUIRED postgres RESOURCE_LOCK postgres)

# The deployment in deploy/ (nginx, two processes, PgBouncer, PostgreSQL) on loopback, when the
# machine has nginx and PgBouncer (scripts/install-deps installs them).
find_program(NGINX nginx PATHS /usr/sbin)
find_program(PGBOUNCER pgbouncer PATHS /usr/sbin)
if(NGINX AND PGBOUNCER)
  add_test(NAME deployment COMMAND ${NODE} --test --test-concurrency=1 ${CMAKE_SOURCE_DIR}/tests/deployment/)
  set_tests_properties(deployment PROPERTIES FIXTURES_REQUIRED postgres RESOURCE_LOCK postgres ENVIRONMENT
    "${TEST_ENV};WAYPOINT_TEST_ENGINE=postgres${TEST_DAY_postgres};PATH=/usr/sbin:$ENV{PATH}")
endif()

add_test(NAME browser COMMAND ${NODE} --test --test-concurrency=1 ${CMAKE_SOURCE_DIR}/tests/browser/)
# Screenshots of the pages it checks are kept where WAYPOINT_SCREENSHOTS names, when it is set in
# `make test`'s environment: `WAYPOINT_SCREENSHOTS=$PWD/tests/browser/screenshots make test`.
set_tests_properties(browser PROPERTIES ENVIRONMENT "${TEST_ENV};WAYPOINT_TEST_ENGINE=sqlite${TEST_DAY_browser}"
                     TIMEOUT 1800)

if(WAYPOINT_ASAN_DIR)
  add_test(NAME sanitized.unit COMMAND ${WAYPOINT_ASAN_DIR}/unit_tests)
  set_tests_properties(sanitized.unit PROPERTIES ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
  add_test(NAME sanitized.integration.sqlite COMMAND ${NODE} --test --test-concurrency=1 ${INTEGRATION_FILES})
  add_test(NAME sanitized.integration.sqlite.timed COMMAND ${NODE} --test --test-concurrency=1 ${TIMED_FILES})
  set_tests_properties(sanitized.integration.sqlite sanitized.integration.sqlite.timed PROPERTIES ENVIRONMENT
    "WAYPOINT_BIN=${WAYPOINT_ASAN_DIR}/waypoint;WAYPOINT_ASSETS=${CMAKE_BINARY_DIR}/public;WAYPOINT_TEST_ENGINE=sqlite${TEST_DAY_sanitized};WAYPOINT_SLOWDOWN=4;ASAN_OPTIONS=detect_leaks=1:abort_on_error=1;LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
  set_tests_properties(sanitized.integration.sqlite.timed PROPERTIES RUN_SERIAL ON)
  set_tests_properties(sanitized.integration.sqlite PROPERTIES TIMEOUT 1800)
endif()

# Formatting is part of the build's rules, like warnings.
find_program(CLANG_FORMAT clang-format)
if(CLANG_FORMAT)
  file(GLOB_RECURSE FORMATTED_SOURCES CONFIGURE_DEPENDS
    ${CMAKE_SOURCE_DIR}/src/*.cpp ${CMAKE_SOURCE_DIR}/src/*.hpp
    ${CMAKE_SOURCE_DIR}/tests/unit/*.cpp ${CMAKE_SOURCE_DIR}/tests/unit/*.hpp)
  add_test(NAME clang-format COMMAND ${CLANG_FORMAT} --dry-run --Werror ${FORMATTED_SOURCES})
endif()
