#include "app/pupils/pupils.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/kernel/text.hpp"
#include "domain/kernel/text_rules.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {

using domain::Action;

store::Page<domain::Pupil> list_pupils(const Services& s, const Actor& a, const store::PageRequest& page,
                                       std::string_view search) {
  const auto words = domain::trimmed(std::string(search));
  if (const auto problem = domain::text_problem("search", words)) throw Invalid("q", *problem);
  return run(s, a, {"pupil.list", Action::ListPupils, "pupil", true, true},
             [&](store::Connection& c, AuditRecord& entry) {
               store::Page<domain::Pupil> result;
               const auto listing = domain::pupil_listing(principal_of(a), a.user_id);
               switch (listing.scope) {
                 case domain::ListScope::School:
                   result = store::list_pupils_of_school(c, listing.id, page, words);
                   break;
                 case domain::ListScope::Area:
                   result = store::list_pupils_of_local_authority(c, listing.id, page, words);
                   break;
                 case domain::ListScope::Guardian:
                   result = store::list_pupils_of_guardian(c, listing.id, page, words);
                   break;
                 case domain::ListScope::Provider:
                   result = store::list_pupils_placed_with(c, listing.id, page, words);
                   break;
                 case domain::ListScope::None:
                   break;  // the policy refused it before the work began
               }
               // A list shows names and UPNs: it is a read of those records too.
               nlohmann::json ids = nlohmann::json::array();
               for (const auto& p : result.items) ids.push_back(p.id);
               nlohmann::json detail{{"pupil_ids", ids}};
               if (!words.empty()) detail["search"] = words;  // who looked for whom
               entry.detail = detail.dump();
               return result;
             });
}

domain::Pupil view_pupil(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return run(s, a, {"pupil.view", Action::ViewPupil, "pupil", true, true}, pupil_of(a, pupil_id),
             [](store::Connection&, Subject<domain::Pupil>& p, AuditRecord&) { return p.record; });
}

PupilRecord view_pupil_record(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return run(s, a, {"pupil.view", Action::ViewPupil, "pupil", true, true}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& p, AuditRecord&) {
               PupilRecord r;
               r.pupil = p.record;
               r.placements = visible_placements_of(c, a, p);
               if (allowed(a, Action::SeeContacts, p.scope)) r.contacts = store::list_contacts(c, pupil_id);
               r.can_see_contacts = allowed(a, Action::SeeContacts, p.scope);
               r.can_place = allowed(a, Action::CommissionPlacement, p.scope);
               r.can_arrange = allowed(a, Action::ArrangePlacement, p.scope);
               r.can_edit = allowed(a, Action::EditPupil, p.scope);
               r.can_manage_family = allowed(a, Action::ManageFamilyAccess, p.scope);
               r.can_see_week = allowed(a, Action::SeeChildWeek, p.scope);
               r.can_see_letters = allowed(a, Action::SendLetters, p.scope);
               r.can_read_voice = allowed(a, Action::ReadPupilVoice, p.scope);
               r.can_read_outreach = allowed(a, Action::ReadOutreach, p.scope);
               if (r.can_read_outreach) r.outreach = visible_outreach_of(c, a, p);
               return r;
             });
}

namespace {

domain::Pupil pupil_from(const PupilForm& f) {
  domain::Pupil p;
  p.upn = domain::trimmed(f.upn);
  for (auto& ch : p.upn) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  p.given_name = domain::trimmed(f.given_name);
  p.family_name = domain::trimmed(f.family_name);
  p.date_of_birth = domain::trimmed(f.date_of_birth);
  p.gender = domain::trimmed(f.gender);
  p.needs = f.needs;
  p.looked_after = f.looked_after;
  p.child_in_need = f.child_in_need;
  p.child_protection_plan = f.child_protection_plan;
  return p;
}

nlohmann::json pupil_detail(const domain::Pupil& p) {
  return {{"upn", p.upn},
          {"needs", p.needs},
          {"looked_after", p.looked_after},
          {"child_in_need", p.child_in_need},
          {"child_protection_plan", p.child_protection_plan}};
}

void refuse_taken_upn(store::Connection& c, const domain::Pupil& p) {
  if (auto other = store::find_pupil_by_upn(c, p.upn); other && other->id != p.id)
    throw Invalid("upn", "Another pupil already has UPN " + p.upn);
}

}  // namespace

std::int64_t add_pupil(const Services& s, const Actor& a, const PupilForm& f) {
  return run(s, a, {"pupil.create", Action::AddPupil, "pupil"}, [&](store::Connection& c, AuditRecord& entry) {
    auto p = pupil_from(f);
    p.school_id = a.organisation_id;
    if (auto errors = domain::pupil_problems(p, s.today()); !errors.empty()) throw Invalid(std::move(errors));
    refuse_taken_upn(c, p);
    const auto id = store::insert_pupil(c, p, s.now_iso());
    entry.entity_id = entry.pupil_id = id;
    entry.detail = pupil_detail(p).dump();
    return id;
  });
}

void update_pupil(const Services& s, const Actor& a, std::int64_t pupil_id, const PupilForm& f) {
  run(s, a, {"pupil.update", Action::EditPupil, "pupil"}, pupil_of(a, pupil_id),
      [&](store::Connection& c, Subject<domain::Pupil>& before, AuditRecord& entry) {
        auto p = pupil_from(f);
        p.id = pupil_id;
        p.school_id = before.record.school_id;
        if (auto errors = domain::pupil_problems(p, s.today()); !errors.empty()) throw Invalid(std::move(errors));
        refuse_taken_upn(c, p);
        store::update_pupil(c, p, s.now_iso());
        entry.detail = nlohmann::json{{"before", pupil_detail(before.record)}, {"after", pupil_detail(p)}}.dump();
      });
}

std::int64_t add_contact(const Services& s, const Actor& a, std::int64_t pupil_id, domain::PupilContact k) {
  return run(s, a, {"pupil.contact_add", Action::EditPupil, "pupil_contact"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>&, AuditRecord& entry) {
               k.pupil_id = pupil_id;
               for (auto* field : {&k.role, &k.name, &k.relationship, &k.email, &k.phone, &k.address,
                                   &k.preferred_contact, &k.involved_since, &k.preferred_language})
                 *field = domain::trimmed(*field);
               if (auto errors = domain::contact_problems(k, s.today()); !errors.empty())
                 throw Invalid(std::move(errors));
               const auto id = store::insert_contact(c, k, s.now_iso());
               entry.entity_id = id;
               entry.detail = nlohmann::json{{"role", k.role}}.dump();
               return id;
             });
}

void remove_contact(const Services& s, const Actor& a, std::int64_t pupil_id, std::int64_t contact_id) {
  run(s, a, {"pupil.contact_remove", Action::EditPupil, "pupil_contact"}, pupil_of(a, pupil_id),
      [&](store::Connection& c, Subject<domain::Pupil>&, AuditRecord& entry) {
        store::remove_contact(c, pupil_id, contact_id, s.now_iso());
        entry.entity_id = contact_id;
      });
}

PupilImportReport import_pupils(const Services& s, const Actor& a, const std::vector<domain::RawPupil>& rows,
                                const std::string& source) {
  return run(s, a, {"pupil.import", Action::ImportPupils, "pupil"}, [&](store::Connection& c, AuditRecord& entry) {
    if (rows.empty()) throw Invalid("file", "The file has no pupils in it");
    auto checked = domain::check_pupils(rows, s.today());
    PupilImportReport report;
    report.rejected = checked.rejected;
    const auto now = s.now_iso();
    for (std::size_t i = 0; i < checked.accepted.size(); ++i) {
      auto p = checked.accepted[i];
      p.school_id = a.organisation_id;
      const auto& raw = rows[checked.sources[i]];
      const auto existing = store::find_pupil_by_upn(c, p.upn);
      if (!existing) {
        store::insert_pupil(c, p, now);
        ++report.created;
        continue;
      }
      if (existing->school_id != a.organisation_id) {
        report.rejected.push_back({raw.line, p.upn, "UPN " + p.upn + " is on another school's roll"});
        continue;
      }
      // What the file does not say is kept: a blank needs column does not wipe recorded needs.
      p.id = existing->id;
      if (domain::trimmed(raw.needs).empty()) p.needs = existing->needs;
      if (domain::trimmed(raw.looked_after).empty()) p.looked_after = existing->looked_after;
      p.child_in_need = existing->child_in_need;
      p.child_protection_plan = existing->child_protection_plan;
      store::update_pupil(c, p, now);
      ++report.updated;
    }
    std::sort(report.rejected.begin(), report.rejected.end(),
              [](const auto& x, const auto& y) { return x.line < y.line; });
    entry.detail = nlohmann::json{{"source", source},
                                  {"created", report.created},
                                  {"updated", report.updated},
                                  {"rejected", report.rejected.size()}}
                       .dump();
    return report;
  });
}

}  // namespace waypoint::app
