#include "domain/safeguarding/concern.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::domain {

const std::vector<CodeLabel>& concern_categories() {
  static const std::vector<CodeLabel> list{
      {"physical_abuse", "Physical abuse"},
      {"emotional_abuse", "Emotional abuse"},
      {"sexual_abuse", "Sexual abuse"},
      {"neglect", "Neglect"},
      {"child_on_child", "Child-on-child abuse"},
      {"exploitation", "Criminal or sexual exploitation"},
      {"domestic_abuse", "Domestic abuse"},
      {"radicalisation", "Radicalisation"},
      {"self_harm", "Self-harm or suicidal thoughts"},
      {"missing", "Missing from home or education"},
      {"online", "Online safety"},
      {"other", "Other"},
  };
  return list;
}

FieldErrors concern_problems(const ConcernInput& in, std::chrono::year_month_day today) {
  FieldErrors e;
  if (!in_list(concern_categories(), trimmed(in.category))) e.push_back({"category", "Select the kind of concern"});
  const auto day = parse_date(trimmed(in.happened_on));
  if (!day)
    e.push_back({"happened_on", "Date must be a real date, like 2026-11-23"});
  else if (std::chrono::sys_days(*day) > std::chrono::sys_days(today))
    e.push_back({"happened_on", "Date cannot be in the future"});
  if (trimmed(in.what_happened).empty())
    e.push_back({"what_happened", "Say what you saw or heard, in your own words"});
  else if (in.what_happened.size() > 20000)
    e.push_back({"what_happened", "What happened must be 20,000 characters or fewer"});
  if (in.action_taken.size() > 20000) e.push_back({"action_taken", "What you did must be 20,000 characters or fewer"});
  return e;
}

FieldErrors follow_up_problems(const std::string& note) {
  if (trimmed(note).empty()) return {{"note", "Say what was done or decided"}};
  if (note.size() > 20000) return {{"note", "The follow-up must be 20,000 characters or fewer"}};
  return {};
}

}  // namespace waypoint::domain
