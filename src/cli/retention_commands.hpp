#pragma once
// `waypoint retention ...`: the schedule, legal holds, the run and the disposal log, for whoever
// operates the server (the command line acts as an administrator).
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/services.hpp"

namespace waypoint::cli {

struct RetentionOptions {
  std::vector<std::string> set;  // RECORD_TYPE=YEARS
  std::string pupil, provider, reason, hold, from, until;
  bool dry_run = false;
};

struct RetentionCommands {
  CLI::App* schedule = nullptr;
  CLI::App* hold = nullptr;
  CLI::App* lift = nullptr;
  CLI::App* holds = nullptr;
  CLI::App* run = nullptr;
  CLI::App* log = nullptr;
};

RetentionCommands add_retention_commands(CLI::App& cli, RetentionOptions& o);
// Runs the retention command that was given, answering its exit status; nothing when none was.
std::optional<int> run_retention_command(const RetentionCommands& commands, const RetentionOptions& o,
                                         const app::Services& s);

}  // namespace waypoint::cli
