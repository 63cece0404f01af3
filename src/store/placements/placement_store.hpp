#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/placements/placement.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/kernel/database.hpp"
#include "store/kernel/page.hpp"

namespace waypoint::store {

struct PlacementRecord {
  std::int64_t id = 0;
  std::int64_t pupil_id = 0;
  std::int64_t school_id = 0;
  std::int64_t provider_id = 0;
  std::int64_t commissioner_id = 0;
  domain::PlacementTerms terms;
  std::optional<std::int64_t> cost_pence;
  std::string status;
  std::optional<std::string> notice_sent_on, la_informed_on, parent_consent_on, parent_consent_from,
      authority_consent_on, override_reason, activated_on, ended_on, end_reason;
  std::optional<std::string> destination, pupil_assessment, parent_view;  // how it ended
  std::string created_at, updated_at;
  // Names, for reading.
  std::string pupil_name, provider_name, commissioner_name, school_name;
};

std::int64_t insert_placement(Connection& c, const PlacementRecord& p, std::int64_t created_by, const std::string& now);
void update_placement_terms(Connection& c, const PlacementRecord& p, const std::string& now);
std::optional<PlacementRecord> find_placement(Connection& c, std::int64_t id);
std::vector<PlacementRecord> placements_of_pupil(Connection& c, std::int64_t pupil_id);
// Placements of a school's pupils, or an LA's area, or at a provider, newest start first.
Page<PlacementRecord> placements_of_school(Connection& c, std::int64_t school_id, const PageRequest& page);
Page<PlacementRecord> placements_in_area(Connection& c, std::int64_t local_authority_id, const PageRequest& page);
Page<PlacementRecord> placements_at_provider(Connection& c, std::int64_t provider_id, const PageRequest& page);

// What a register needs of each placement it may expect.
struct ExpectedPlacement {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string legal_basis;
  domain::Pupil pupil;
};
// Active placements at a provider whose dates cover `date`, with their pupils: the pupils it may
// expect that day, by name, in one read. Three columns of each placement, not all: a register is
// read at every send too. Into `out`, to send with other reads (Connection::each_row_together).
Read active_placements_at_read(std::int64_t provider_id, const std::string& date, std::vector<ExpectedPlacement>& out);
// The same for a school's pupils, wherever they are placed.
std::vector<PlacementRecord> active_placements_of_school(Connection& c, std::int64_t school_id,
                                                         const std::string& date);
// What active_placements_of_school reads, into `out`, to send with other reads.
Read active_placements_of_school_read(std::int64_t school_id, const std::string& date,
                                      std::vector<PlacementRecord>& out);

// The facts recorded as a placement moves toward its start; each column is written once it is known.
void record_notice(Connection& c, std::int64_t id, const std::string& sent_on,
                   const std::optional<std::string>& la_informed_on, const std::string& now);
void record_consent(Connection& c, std::int64_t id, const std::string& parent_on, const std::string& parent_from,
                    const std::optional<std::string>& authority_on, const std::string& now);
void set_status(Connection& c, std::int64_t id, domain::PlacementStatus status, const std::string& now);
void record_start(Connection& c, std::int64_t id, const std::string& on,
                  const std::optional<std::string>& override_reason, const std::string& now);
// A review's extension: the new planned last day.
void extend_placement(Connection& c, std::int64_t id, const std::string& planned_end_date, const std::string& now);
void record_end(Connection& c, std::int64_t id, const std::string& on, const std::string& reason,
                const std::string& now);

}  // namespace waypoint::store
