#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct EvidenceFile {
  std::int64_t id = 0;
  std::int64_t check_id = 0;
  std::int64_t provider_id = 0;
  std::string filename;
  std::string content_type;
  std::string content_hash;  // BLAKE2b-256 hex of the bytes
  std::int64_t size_bytes = 0;
  std::string uploaded_at;
};

// Stores the bytes once per content hash and links them to the check.
std::int64_t insert_evidence_file(Connection& c, std::int64_t check_id, const std::string& filename,
                                  const std::string& content_type, const std::string& bytes, std::int64_t uploaded_by,
                                  const std::string& now);
std::vector<EvidenceFile> evidence_of_provider(Connection& c, std::int64_t provider_id);
std::optional<EvidenceFile> find_evidence_file(Connection& c, std::int64_t file_id);
std::string evidence_bytes(Connection& c, const std::string& content_hash);
std::int64_t count_evidence_files(Connection& c);

}  // namespace waypoint::store
