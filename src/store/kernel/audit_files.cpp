#include "store/kernel/audit_files.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <fstream>
#include <stdexcept>

#include "domain/kernel/digest.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::store {
namespace {

constexpr std::size_t kKeyBytes = 32;

std::string hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

// Writes all of `text` to `fd` and flushes it to the disk, or throws.
void write_all(int fd, const std::string& text, const std::filesystem::path& path) {
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) throw std::runtime_error("could not write " + path.string());
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) throw std::runtime_error("could not flush " + path.string());
}

std::string postgres_tag(const std::string& url) { return domain::blake2b_hex(url).substr(0, 12); }

}  // namespace

std::string load_or_create_audit_key(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) {
    std::array<unsigned char, kKeyBytes> key{};
    randombytes_buf(key.data(), key.size());
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    // O_EXCL: two servers starting together keep the first key rather than each its own.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
      write_all(fd, hex(key.data(), key.size()) + "\n", path);
      ::close(fd);
    }
    sodium_memzero(key.data(), key.size());
  }
  std::ifstream in(path);
  std::string text;
  in >> text;
  std::array<unsigned char, kKeyBytes> key{};
  std::size_t length = 0;
  if (sodium_hex2bin(key.data(), key.size(), text.data(), text.size(), nullptr, &length, nullptr) != 0 ||
      length != key.size())
    throw std::runtime_error("the audit key in " + path.string() + " is not 64 hexadecimal digits");
  return std::string(reinterpret_cast<const char*>(key.data()), key.size());
}

void append_checkpoint(const std::filesystem::path& path, const domain::AuditCheckpoint& c) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0) throw std::runtime_error("could not open " + path.string() + " to write an audit checkpoint");
  try {
    write_all(fd, domain::checkpoint_line(c) + "\n", path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

CheckpointFile read_checkpoints(const std::filesystem::path& path) {
  CheckpointFile out;
  std::ifstream in(path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    if (auto c = domain::parse_checkpoint_line(line))
      out.checkpoints.push_back(*c);
    else
      out.unreadable_lines.push_back(number);
  }
  return out;
}

std::filesystem::path default_audit_key_path(const std::string& url) {
  if (const auto file = sqlite_file_of(url); !file.empty()) return file + ".audit-key";
  return "waypoint-" + postgres_tag(url) + ".audit-key";
}

std::filesystem::path default_checkpoint_path(const std::string& url) {
  if (const auto file = sqlite_file_of(url); !file.empty()) return file + ".audit-checkpoints";
  return "waypoint-" + postgres_tag(url) + ".audit-checkpoints";
}

}  // namespace waypoint::store
