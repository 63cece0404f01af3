#include "app/families/record_copy.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/attendance/attendance.hpp"
#include "domain/families/redaction.hpp"
#include "domain/interventions/restrictive_intervention.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/outreach/outreach.hpp"
#include "domain/placements/placement.hpp"
#include "domain/pupils/pupil_voice.hpp"
#include "store/attendance/attendance_store.hpp"
#include "store/families/data_request_store.hpp"
#include "store/interventions/intervention_store.hpp"
#include "store/letters/letter_store.hpp"
#include "store/outreach/outreach_store.hpp"
#include "store/placements/consent_store.hpp"
#include "store/placements/placement_store.hpp"
#include "store/pupils/pupil_store.hpp"
#include "store/pupils/pupil_voice_store.hpp"
#include "store/reviews/review_store.hpp"

namespace waypoint::app {
namespace {

using domain::date_text;

// Collects the people the record names, other than the child and the person asking.
class Names {
 public:
  Names(std::string child, std::string requester) : skip_{std::move(child), std::move(requester)} {}
  void add(const std::string& name, const std::string& where) {
    if (name.empty() || skip_.count(name) || !seen_.insert(name + "\n" + where).second) return;
    list_.push_back({name, where});
  }
  std::vector<ThirdParty> list() const { return list_; }

 private:
  std::set<std::string> skip_, seen_;
  std::vector<ThirdParty> list_;
};

}  // namespace

RecordCopy record_copy_on(store::Connection& c, std::int64_t pupil_id, const std::string& requester) {
  const auto pupil = store::find_pupil(c, pupil_id);
  if (!pupil) throw NotFound();
  RecordCopy copy;
  copy.pupil_name = pupil->given_name + " " + pupil->family_name;
  Names names(copy.pupil_name, requester);

  std::vector<std::string> needs;
  for (const auto& n : pupil->needs) needs.push_back(std::string(domain::label_of(domain::pupil_needs(), n)));
  std::string need_text;
  for (const auto& n : needs) need_text += (need_text.empty() ? "" : ", ") + n;
  copy.sections.push_back({"Details",
                           {"Name: " + copy.pupil_name, "Date of birth: " + date_text(pupil->date_of_birth),
                            "Unique pupil number: " + pupil->upn,
                            "Needs: " + (need_text.empty() ? std::string("none recorded") : need_text)}});

  RecordSection people{"Parents, carers and professionals", {}};
  for (const auto& k : store::list_contacts(c, pupil_id)) {
    people.lines.push_back(k.name + (k.relationship.empty() ? "" : " (" + k.relationship + ")") +
                           (k.phone.empty() ? "" : ", " + k.phone) + (k.email.empty() ? "" : ", " + k.email) +
                           (k.address.empty() ? "" : ", " + k.address));
    names.add(k.name, "Parents, carers and professionals");
  }
  copy.sections.push_back(std::move(people));

  RecordSection placements{"Placements", {}};
  std::vector<std::int64_t> ids;
  for (const auto& p : store::placements_of_pupil(c, pupil_id)) {
    ids.push_back(p.id);
    placements.lines.push_back(p.provider_name + ", " + date_text(p.terms.start_date) + " to " +
                               date_text(p.terms.planned_end_date) + " (" + p.status + "): " + p.terms.objectives);
    if (!p.terms.report_to.empty()) names.add(p.terms.report_to, "Placements: the person to report to");
    for (const auto& answer : store::consent_answers_of(c, p.id)) {
      placements.lines.push_back("Consent: " + answer.answer + " by " + answer.given_by + " on " +
                                 date_text(answer.answered_on) + (answer.comment.empty() ? "" : ": " + answer.comment));
      names.add(answer.given_by, "Placements: consent");
    }
  }
  copy.sections.push_back(std::move(placements));

  // What an outreach worker recorded, but not what a visit observed of the child's safety: like the
  // safeguarding concerns, that is the DSL's, and left out of a copy.
  RecordSection outreach{"Outreach", {}};
  for (const auto& o : store::outreach_cases_of_pupil(c, pupil_id)) {
    outreach.lines.push_back("Outreach with " + o.worker_name + " (" + o.worker_organisation + ") from " +
                             date_text(o.opened_on) +
                             (o.closed_on ? " to " + date_text(*o.closed_on) + ": " +
                                                std::string(domain::label_of(domain::outreach_outcomes(), o.outcome))
                                          : std::string(", open")));
    names.add(o.worker_name, "Outreach: the worker");
    for (const auto& v : store::home_visits_of(c, o.id))
      outreach.lines.push_back("Home visit " + date_text(v.visit.visited_on) + ": saw " + v.visit.who_seen +
                               (v.visit.child_seen == "yes" ? "; the child was seen" : "; the child was not seen") +
                               (v.visit.barriers_found.empty() ? "" : ". Barriers: " + v.visit.barriers_found) +
                               ". Next step: " + v.visit.next_step);
    for (const auto& b : store::barriers_of(c, o.id))
      outreach.lines.push_back("Barrier: " + std::string(domain::label_of(domain::outreach_barriers(), b.barrier)) +
                               ": " + b.notes);
    for (const auto& x : store::outreach_sessions_of(c, o.id))
      outreach.lines.push_back("Session " + date_text(x.held_on) + " " + x.session + ": " +
                               std::string(domain::label_of(domain::outreach_focuses(), x.focus)) + ", " +
                               x.school_code);
  }
  copy.sections.push_back(std::move(outreach));

  RecordSection reviews{"Reviews", {}};
  for (const auto& r : store::reviews_of(c, ids)) {
    reviews.lines.push_back(date_text(r.held_on) + ": " + r.decision + ". The pupil said: " + r.pupil_voice +
                            ". The parents said: " + r.parent_voice +
                            (r.decision_notes.empty() ? "" : ". " + r.decision_notes));
    if (!r.other_attendees.empty()) names.add(r.other_attendees, "Reviews: others who attended");
    names.add(r.recorded_by, "Reviews: recorded by");
  }
  copy.sections.push_back(std::move(reviews));

  RecordSection attendance{"Attendance", {}};
  for (const auto& m : store::marks_of_pupil(c, pupil_id, "0000-01-01", "9999-12-31")) {
    const auto code = domain::find_attendance_code(m.code());
    attendance.lines.push_back(date_text(m.session_date) + " " + m.session + ": " + m.code() +
                               (code ? " (" + std::string(code->meaning) + ")" : ""));
  }
  copy.sections.push_back(std::move(attendance));

  RecordSection interventions{"Restrictive interventions", {}};
  for (const auto& x : store::interventions_of_pupil(c, pupil_id, std::nullopt)) {
    const auto& r = x.record;
    interventions.lines.push_back(date_text(r.date) + " " + r.time + ", " + r.place + ": " +
                                  std::string(domain::label_of(domain::intervention_kinds(), r.kind)) + " for " +
                                  r.minutes + " minutes. Led up to it: " + r.led_up_to + ". Injuries: " + r.injuries);
    names.add(r.staff, "Restrictive interventions: staff involved");
  }
  copy.sections.push_back(std::move(interventions));

  RecordSection voice{"In the pupil's own words", {}};
  for (const auto& v : store::pupil_voices_of(c, pupil_id))
    voice.lines.push_back(
        date_text(v.said.answered_on) + ": " + std::string(domain::label_of(domain::voice_feelings(), v.said.feeling)) +
        ". Helps: " + v.said.helps + ". Does not help: " + v.said.does_not_help + ". Wants next: " + v.said.wants_next);
  copy.sections.push_back(std::move(voice));

  RecordSection letters{"Letters sent", {}};
  for (const auto& l : store::letters_of_pupil(c, pupil_id))
    letters.lines.push_back(l.title + " to " + l.recipient_name +
                            (l.sent_at ? ", sent " + date_text(l.sent_at->substr(0, 10)) : ""));
  copy.sections.push_back(std::move(letters));

  for (auto& s : copy.sections)
    if (s.lines.empty()) s.lines.push_back("None recorded.");
  copy.third_parties = names.list();
  return copy;
}

std::string record_copy_json(const RecordCopy& copy) {
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& s : copy.sections) sections.push_back({{"heading", s.heading}, {"lines", s.lines}});
  const auto people = [](const std::vector<ThirdParty>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : list) out.push_back({{"name", t.name}, {"where", t.where}});
    return out;
  };
  return nlohmann::json{{"pupil", copy.pupil_name},
                        {"sections", sections},
                        {"third_parties", people(copy.third_parties)},
                        {"withheld", people(copy.withheld)}}
      .dump(2);
}

RecordCopy withholding(RecordCopy copy, const std::vector<std::string>& names) {
  std::vector<std::string> listed;
  for (const auto& t : copy.third_parties) listed.push_back(t.name);
  if (auto errors = domain::withholding_problems(names, listed); !errors.empty()) throw Invalid(std::move(errors));
  if (names.empty()) return copy;
  for (auto& section : copy.sections)
    for (auto& line : section.lines) line = domain::withhold_names(line, names);
  std::vector<ThirdParty> named;
  for (auto& t : copy.third_parties)
    (std::find(names.begin(), names.end(), t.name) != names.end() ? copy.withheld : named).push_back(std::move(t));
  copy.third_parties = std::move(named);
  return copy;
}

std::vector<RecordSection> sections_of_copy_json(const std::string& json) {
  std::vector<RecordSection> out;
  const auto doc = nlohmann::json::parse(json, nullptr, false);
  if (!doc.is_object() || !doc.contains("sections")) return out;
  for (const auto& s : doc["sections"])
    out.push_back({s.value("heading", ""), s.value("lines", std::vector<std::string>{})});
  return out;
}

namespace {

auto access_request_of(const Actor& a, std::int64_t request_id) {
  return [&a, request_id](store::Connection& c) -> std::optional<Subject<store::DataRequestRow>> {
    auto r = store::find_data_request(c, request_id);
    if (!r || r->kind != "access") return std::nullopt;
    auto p = pupil_subject(c, a, r->pupil_id);
    if (!p) return std::nullopt;
    return Subject<store::DataRequestRow>{std::move(*r), p->scope, request_id, p->pupil_id};
  };
}

}  // namespace

RecordCopy record_copy(const Services& s, const Actor& a, std::int64_t request_id) {
  return run(s, a, {"data_request.copy", domain::Action::HandleDataRequests, "data_request"},
             access_request_of(a, request_id),
             [&](store::Connection& c, Subject<store::DataRequestRow>& r, AuditRecord&) {
               return record_copy_on(c, r.record.pupil_id, r.record.made_by_name);
             });
}

std::optional<std::string> released_copy(const Services& s, const Actor& a, std::int64_t request_id) {
  return run(s, a, {"data_request.released", domain::Action::HandleDataRequests, "data_request"},
             access_request_of(a, request_id),
             [&](store::Connection& c, Subject<store::DataRequestRow>&, AuditRecord&) {
               return store::released_copy_of(c, request_id);
             });
}

std::optional<std::string> my_released_copy(const Services& s, const Actor& a, std::int64_t request_id) {
  const auto mine = [&a, request_id](store::Connection& c) -> std::optional<Subject<store::DataRequestRow>> {
    auto r = store::find_data_request(c, request_id);
    if (!r || r->kind != "access" || r->made_by != a.user_id) return std::nullopt;
    auto p = pupil_subject(c, a, r->pupil_id);
    if (!p) return std::nullopt;
    return Subject<store::DataRequestRow>{std::move(*r), p->scope, request_id, p->pupil_id};
  };
  return run(s, a, {"data_request.my_copy", domain::Action::MakeDataRequest, "data_request"}, mine,
             [&](store::Connection& c, Subject<store::DataRequestRow>&, AuditRecord&) {
               return store::released_copy_of(c, request_id);
             });
}

}  // namespace waypoint::app
