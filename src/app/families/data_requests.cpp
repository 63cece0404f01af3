#include "app/families/data_requests.hpp"

#include <nlohmann/json.hpp>

#include "app/families/record_copy.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/school_news.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/families/data_rights.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::app {
namespace {

DataRequestStatus status_of(store::DataRequestRow r) {
  std::optional<domain::Date> due;
  if (!r.closed_at)
    if (const auto received = domain::parse_date(r.received_on))
      due = domain::data_request_due(r.kind, *received, r.extension_reason.has_value(), r.acknowledged_at.has_value());
  return {std::move(r), due};
}

// The envelope's loader for a use case on one request: through its pupil's scope.
auto request_of(const Actor& a, std::int64_t id) {
  return [&a, id](store::Connection& c) -> std::optional<Subject<store::DataRequestRow>> {
    auto r = store::find_data_request(c, id);
    if (!r) return std::nullopt;
    auto p = pupil_subject(c, a, r->pupil_id);
    if (!p) return std::nullopt;
    return Subject<store::DataRequestRow>{std::move(*r), p->scope, id, p->pupil_id};
  };
}

template <class Work>
void handle(const Services& s, const Actor& a, const char* name, std::int64_t id, Work work) {
  run(s, a, {name, domain::Action::HandleDataRequests, "data_request"}, request_of(a, id),
      [&](store::Connection& c, Subject<store::DataRequestRow>& r, AuditRecord& entry) {
        if (r.record.closed_at) throw Invalid("summary", "This request is closed");
        work(c, r.record, entry);
      });
}

}  // namespace

FamilyDataRights family_data_rights(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return run(s, a, {"data_request.mine", domain::Action::MakeDataRequest, "pupil"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& p, AuditRecord&) {
               FamilyDataRights v{p.record, {}, allowed(a, domain::Action::SayHowItIsGoing, p.scope)};
               for (auto& r : store::data_requests_by(c, pupil_id, a.user_id))
                 v.mine.push_back(status_of(std::move(r)));
               return v;
             });
}

std::int64_t make_data_request(const Services& s, const Actor& a, std::int64_t pupil_id, const std::string& kind,
                               const std::string& details) {
  const auto what = domain::trimmed(kind);
  const auto about = domain::trimmed(details);
  return run(s, a, {"data_request.make", domain::Action::MakeDataRequest, "data_request"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& p, AuditRecord& entry) {
               if (auto errors = domain::data_request_problems(what, about); !errors.empty())
                 throw Invalid(std::move(errors));
               store::DataRequestRow row;
               row.pupil_id = pupil_id;
               row.school_id = p.record.school_id;
               row.kind = what;
               row.details = about;
               row.made_by = a.user_id;
               row.received_on = domain::format_date(s.today());
               row.made_at = s.now_iso();
               const auto id = store::insert_data_request(c, row);
               // The lead hears at once: the clock starts the day it is received.
               tell_school(c, s, p.record.school_id, domain::SchoolNews::DataRequestMade,
                           "/data-requests/" + std::to_string(id));
               entry.entity_id = id;
               entry.detail = nlohmann::json{{"pupil_id", pupil_id}, {"kind", what}}.dump();
               return id;
             });
}

std::vector<DataRequestStatus> school_data_requests(const Services& s, const Actor& a) {
  return run(s, a, {"data_request.list", domain::Action::ListDataRequests, "data_request"},
             [&](store::Connection& c, AuditRecord&) {
               std::vector<DataRequestStatus> out;
               for (auto& r : store::data_requests_of_school(c, a.organisation_id))
                 out.push_back(status_of(std::move(r)));
               return out;
             });
}

DataRequestStatus view_data_request(const Services& s, const Actor& a, std::int64_t id) {
  return run(s, a, {"data_request.view", domain::Action::HandleDataRequests, "data_request"}, request_of(a, id),
             [&](store::Connection&, Subject<store::DataRequestRow>& r, AuditRecord&) { return status_of(r.record); });
}

void acknowledge_data_request(const Services& s, const Actor& a, std::int64_t id) {
  handle(s, a, "data_request.acknowledge", id, [&](store::Connection& c, store::DataRequestRow&, AuditRecord&) {
    store::acknowledge_data_request(c, id, s.now_iso());
  });
}

void extend_data_request(const Services& s, const Actor& a, std::int64_t id, const std::string& reason) {
  const auto why = domain::trimmed(reason);
  handle(s, a, "data_request.extend", id, [&](store::Connection& c, store::DataRequestRow& r, AuditRecord& entry) {
    if (auto errors = domain::extension_problems(r.kind, r.extension_reason.has_value(), why); !errors.empty())
      throw Invalid(std::move(errors));
    store::extend_data_request(c, id, why);
    entry.detail = nlohmann::json{{"reason", why}}.dump();
  });
}

void close_data_request(const Services& s, const Actor& a, std::int64_t id, const std::string& outcome,
                        const std::string& summary, const std::vector<std::string>& withheld) {
  const auto result = domain::trimmed(outcome);
  const auto what = domain::trimmed(summary);
  handle(s, a, "data_request.close", id, [&](store::Connection& c, store::DataRequestRow& r, AuditRecord& entry) {
    if (auto errors = domain::closing_problems(r.kind, result, what); !errors.empty()) throw Invalid(std::move(errors));
    // What was released is kept as Waypoint made it at the close.
    std::optional<std::string> copy;
    if (r.kind == "access")
      copy = record_copy_json(withholding(record_copy_on(c, r.pupil_id, r.made_by_name), withheld));
    store::close_data_request(c, id, r.kind == "complaint" ? result : "", what, copy, a.user_id, s.now_iso());
    entry.detail = nlohmann::json{{"outcome", result}, {"withheld", withheld}}.dump();
  });
}

}  // namespace waypoint::app
