#include "cli/allocator.hpp"
#include "cli/commands.hpp"

int main(int argc, char** argv) {
  waypoint::cli::keep_freed_blocks_per_thread(argc, argv);
  return waypoint::cli::run(argc, argv);
}
