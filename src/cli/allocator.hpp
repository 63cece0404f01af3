#pragma once
// How the server asks glibc's allocator to keep freed memory for reuse.
namespace waypoint::cli {

// For `serve`: starts the program again, once, with more freed blocks kept per thread, unless the
// environment already says how many (GLIBC_TUNABLES is read only when a program starts).
void keep_freed_blocks_per_thread(int argc, char** argv);

}  // namespace waypoint::cli
