#pragma once
#include <optional>
#include <string>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/kernel/audit_chain.hpp"
#include "store/kernel/audit_store.hpp"

namespace waypoint::app {

struct AuditQuery {
  std::string user;  // a user's number or e-mail address
  std::string pupil_id;
  std::string from;   // YYYY-MM-DD
  std::string until;  // YYYY-MM-DD
};

// Administrators search the trail; the search itself is recorded.
store::Page<store::AuditListing> search_audit_trail(const Services& s, const Actor& a, const AuditQuery& q,
                                                    const store::PageRequest& page);

struct ChainReport {
  std::int64_t entries_checked = 0;
  std::int64_t checkpoints_checked = 0;
  std::optional<domain::ChainBreak> first_break;
};

// Checks every entry's keyed hash and link, then the trail against every signed checkpoint: the
// first entry that cannot be trusted, and why.
ChainReport verify_audit_chain(const Services& s);

// Signs the trail's length and head and appends it to the checkpoint file. Run hourly by the server
// and on demand by `waypoint audit checkpoint`.
domain::AuditCheckpoint write_audit_checkpoint(const Services& s);

}  // namespace waypoint::app
