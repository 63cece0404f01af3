#pragma once
// The local authority's picture of its area, for its officers: where the children of its schools
// are in alternative provision, what needs attention, and attendance at providers, narrowed by
// school, provider, reason, tier and period. Each figure leads to the pupils behind it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/area/area_picture.hpp"
#include "domain/kernel/code_label.hpp"
#include "store/area/area_store.hpp"

namespace waypoint::app {

// The filters as typed; blank ones do not narrow. A blank period is this half term.
struct AreaFilter {
  std::string school, provider, reason, tier, from, to;
};

struct AreaChoice {
  std::int64_t id = 0;
  std::string name;
};

struct AreaView {
  std::string area_name;
  domain::Date from, to;
  bool whole_half_term = false;                // the period is the half term of the area's calendar, by default
  AreaFilter filter;                           // as read: ids and codes cleaned
  std::vector<AreaChoice> schools, providers;  // what the filters offer
  std::vector<domain::AreaGroup> groups;
  std::vector<domain::AreaAttendance> by_provider, by_school;  // by name
  std::vector<store::AreaPlacementRow> placements;             // after the filters
  std::vector<store::AreaPupilRow> part_time, missing_education;
};
// Refuses a filter that is not one the page offers, or a bad date, naming the field.
AreaView view_area(const Services& s, const Actor& a, const AreaFilter& filter);

// One child behind a figure: their placement where the figure counts placements.
struct AreaLine {
  std::int64_t pupil_id = 0;
  std::string pupil_name, school_name;
  std::optional<store::AreaPlacementRow> placement;
  std::optional<store::AreaPupilRow> part_time;  // where the figure counts part-time timetables
  std::string provider_name;                     // where the figure counts placements
};
struct AreaFigurePupils {
  AreaView area;
  std::string group_title;
  domain::AreaFigure figure;
  std::vector<AreaLine> lines;
};
// The children behind one figure (by its key; 404 for none); reading their names is audited.
AreaFigurePupils area_figure_pupils(const Services& s, const Actor& a, const AreaFilter& filter,
                                    const std::string& key);

}  // namespace waypoint::app
