#include "cli/allocator.hpp"

#include <cstdlib>

#ifdef WAYPOINT_TCMALLOC
#include <gperftools/malloc_extension_c.h>
#endif

namespace waypoint::cli {

// tcmalloc's default, 16 MB for the threads' caches together, took the server's peak memory at LA
// scale on SQLite from 53 MB (glibc) to 83 MB, past the 64 MB it is held to, while an area's year
// and its registers were read at once; 4 MB held it to 58 MB at the same speed (README, Benchmarks).
void bound_thread_caches() {
#ifdef WAYPOINT_TCMALLOC
  if (std::getenv("TCMALLOC_MAX_TOTAL_THREAD_CACHE_BYTES")) return;  // the operator's choice stands
  MallocExtension_SetNumericProperty("tcmalloc.max_total_thread_cache_bytes", 4 << 20);
#endif
}

}  // namespace waypoint::cli
