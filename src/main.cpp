#include "cli/commands.hpp"

int main(int argc, char** argv) { return waypoint::cli::run(argc, argv); }
