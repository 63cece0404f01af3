#pragma once
// How much freed memory the server's allocator (tcmalloc) keeps in its threads' caches.
namespace waypoint::cli {

// For `serve`: bounds the threads' caches together to 4 MB, unless the environment sets
// TCMALLOC_MAX_TOTAL_THREAD_CACHE_BYTES. Nothing where tcmalloc is not linked (the sanitizer build).
void bound_thread_caches();

}  // namespace waypoint::cli
