#pragma once

namespace waypoint::cli {

// Parses the command line and runs the subcommand; returns the process exit code.
int run(int argc, char** argv);

}  // namespace waypoint::cli
