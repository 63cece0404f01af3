#include "store/providers/evidence_store.hpp"

#include <sodium.h>

#include "domain/kernel/digest.hpp"

namespace waypoint::store {
namespace {

constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;

std::string to_base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    kVariant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string from_base64(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, kVariant) != 0)
    throw DatabaseError("stored evidence is not valid base64");
  out.resize(length);
  return out;
}

constexpr const char* kEvidenceSelect =
    "SELECT f.id, f.check_id, k.provider_id, f.filename, f.content_type, f.content_hash, e.size_bytes, "
    "f.uploaded_at FROM provider_check_files f JOIN provider_checks k ON k.id = f.check_id "
    "JOIN evidence_contents e ON e.content_hash = f.content_hash ";

EvidenceFile evidence_from_row(const Row& r) {
  return {r.integer(0), r.integer(1), r.integer(2), r.text(3), r.text(4), r.text(5), r.integer(6), r.text(7)};
}

}  // namespace

std::int64_t insert_evidence_file(Connection& c, std::int64_t check_id, const std::string& filename,
                                  const std::string& content_type, const std::string& bytes, std::int64_t uploaded_by,
                                  const std::string& now) {
  const auto hash = domain::blake2b_hex(bytes);
  c.exec(
      "INSERT INTO evidence_contents (content_hash, size_bytes, content_base64) VALUES ($1, $2, $3) "
      "ON CONFLICT (content_hash) DO NOTHING",
      {hash, integer(static_cast<std::int64_t>(bytes.size())), to_base64(bytes)});
  return c.insert(
      "INSERT INTO provider_check_files (check_id, content_hash, filename, content_type, uploaded_by, uploaded_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {integer(check_id), hash, filename, content_type, integer(uploaded_by), now});
}

std::vector<EvidenceFile> evidence_of_provider(Connection& c, std::int64_t provider_id) {
  return map_rows(
      c.query(std::string(kEvidenceSelect) + "WHERE k.provider_id = $1 ORDER BY f.id", {integer(provider_id)}),
      evidence_from_row);
}

std::optional<EvidenceFile> find_evidence_file(Connection& c, std::int64_t file_id) {
  auto r = c.query_one(std::string(kEvidenceSelect) + "WHERE f.id = $1", {integer(file_id)});
  if (!r) return std::nullopt;
  return evidence_from_row(*r);
}

std::string evidence_bytes(Connection& c, const std::string& content_hash) {
  auto r = c.query_one("SELECT content_base64 FROM evidence_contents WHERE content_hash = $1", {content_hash});
  if (!r) throw DatabaseError("evidence content missing for " + content_hash);
  return from_base64(r->text(0));
}

std::int64_t count_evidence_files(Connection& c) {
  return c.query_one("SELECT COUNT(*) FROM provider_check_files")->integer(0);
}

}  // namespace waypoint::store
