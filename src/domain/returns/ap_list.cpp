#include "domain/returns/ap_list.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/placements/placement.hpp"
#include "domain/providers/provider.hpp"

namespace waypoint::domain {

std::string registration_status(const std::string& provider_kind, const std::string& urn, const std::string& ukprn) {
  const auto kind = parse_provider_kind(provider_kind);
  if (kind && provider_kind_info(*kind).needs_urn)
    return urn.empty() ? "Registered school (URN not recorded)" : "Registered school (URN " + urn + ")";
  if (kind && *kind == ProviderKind::FeCollege)
    return ukprn.empty() ? "Further education college (UKPRN not recorded)"
                         : "Further education college (UKPRN " + ukprn + ")";
  return "Not registered with the Department for Education";
}

std::vector<ApListProvider> ap_list(const std::vector<ApListPlacement>& placements, Date today) {
  using std::chrono::sys_days;
  const auto running = [&](const ApListPlacement& p) { return !p.ended || sys_days{*p.ended} >= sys_days{today}; };
  std::map<std::int64_t, ApListProvider> by_id;
  for (const auto& p : placements) {
    auto& v = by_id[p.provider_id];
    if (v.placements.empty()) {
      const auto kind = parse_provider_kind(p.provider_kind);
      v = {p.provider_id,
           p.provider_name,
           kind ? std::string(provider_kind_info(*kind).label) : p.provider_kind,
           registration_status(p.provider_kind, p.urn, p.ukprn),
           p.urn,
           p.ukprn,
           {},
           {},
           0};
    }
    v.placements.push_back(p);
  }
  std::vector<ApListProvider> out;
  for (auto& [id, v] : by_id) {
    std::stable_sort(v.placements.begin(), v.placements.end(), [&](const auto& a, const auto& b) {
      if (running(a) != running(b)) return running(a);
      return a.pupil_name < b.pupil_name;
    });
    std::set<std::int64_t> now;
    for (const auto& p : v.placements)
      if (running(p)) now.insert(p.pupil_id);
    v.pupils_now = static_cast<int>(now.size());
    for (const auto& r : placement_reasons()) {
      std::set<std::int64_t> pupils;
      for (const auto& p : v.placements)
        if (p.reason == r.code) pupils.insert(p.pupil_id);
      if (!pupils.empty())
        v.by_reason.push_back({std::string(r.code), std::string(r.label), static_cast<int>(pupils.size())});
    }
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace waypoint::domain
