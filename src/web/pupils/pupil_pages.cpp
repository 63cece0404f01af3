#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/kernel/errors.hpp"
#include "app/pupils/pupils.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/csv.hpp"
#include "domain/kernel/text.hpp"
#include "domain/outreach/outreach.hpp"
#include "web/kernel/application.hpp"
#include "web/pupils/ctf_reader.hpp"
#include "web/pupils/placement_json.hpp"
#include "web/pupils/pupil_json.hpp"

namespace waypoint::web {
namespace {

app::PupilForm pupil_form(const Request& r) {
  return {r.field("upn"),
          r.field("given_name"),
          r.field("family_name"),
          date_field(r, "date_of_birth"),
          r.field("gender"),
          r.fields("needs"),
          r.field("looked_after") == "yes",
          r.field("child_in_need") == "yes",
          r.field("child_protection_plan") == "yes"};
}

app::PupilForm form_of(const domain::Pupil& p) {
  return {p.upn,   p.given_name,   p.family_name,   p.date_of_birth,        p.gender,
          p.needs, p.looked_after, p.child_in_need, p.child_protection_plan};
}

// The pupil form, for adding (`pupil_id` 0) or correcting a pupil.
Response pupil_form_page(RequestContext& ctx, const app::PupilForm& f, const domain::FieldErrors& errors, int status,
                         std::int64_t pupil_id = 0) {
  const auto id = std::to_string(pupil_id);
  nlohmann::json data{{"title", pupil_id ? "Change " + f.given_name + " " + f.family_name : std::string("Add a pupil")},
                      {"form_action", pupil_id ? "/pupils/" + id + "/edit" : std::string("/pupils/new")},
                      {"back", pupil_id ? "/pupils/" + id : std::string("/pupils")},
                      {"submit_text", pupil_id ? "Save changes" : "Add pupil"}};
  add_errors(data, errors);
  auto& fields = data["fields"];
  fields["upn"] = input_field(data, {.id = "upn",
                                     .label = "Unique pupil number (UPN)",
                                     .value = f.upn,
                                     .hint = "13 characters, starting with the check letter",
                                     .width = "govuk-input--width-20"});
  fields["given_name"] = input_field(data, {.id = "given_name", .label = "First name", .value = f.given_name});
  fields["family_name"] = input_field(data, {.id = "family_name", .label = "Last name", .value = f.family_name});
  fields["date_of_birth"] = input_field(data, {.id = "date_of_birth",
                                               .label = "Date of birth",
                                               .value = f.date_of_birth,
                                               .type = "date",
                                               .hint = "For example, 30 9 2012"});
  auto gender = input_field(data, {.id = "gender", .label = "Gender"});
  gender["options"] = options(domain::genders(), f.gender);
  fields["gender"] = gender;
  data["need_boxes"] = checkboxes("needs", domain::pupil_needs(), f.needs);
  std::vector<std::string> flags;
  if (f.looked_after) flags.push_back("looked_after");
  if (f.child_in_need) flags.push_back("child_in_need");
  if (f.child_protection_plan) flags.push_back("child_protection_plan");
  nlohmann::json flag_boxes = nlohmann::json::array();
  for (const auto& [code, label] :
       std::vector<std::pair<std::string, std::string>>{{"looked_after", "Looked after by a local authority"},
                                                        {"child_in_need", "Child in need"},
                                                        {"child_protection_plan", "Has a child protection plan"}})
    flag_boxes.push_back({{"name", code},
                          {"id", code},
                          {"value", "yes"},
                          {"text", label},
                          {"checked", std::find(flags.begin(), flags.end(), code) != flags.end()}});
  data["flag_boxes"] = std::move(flag_boxes);
  return ctx.page("pupils/form", std::move(data), status);
}

Response contact_form_page(RequestContext& ctx, std::int64_t pupil_id, const domain::FieldErrors& errors, int status) {
  const auto& r = ctx.request;
  nlohmann::json data{{"title", "Add a contact"}, {"pupil_id", pupil_id}};
  add_errors(data, errors);
  auto& fields = data["fields"];
  auto role = input_field(data, {.id = "role", .label = "Who they are"});
  role["options"] = options(domain::contact_roles(), r.field("role"));
  fields["role"] = role;
  fields["name"] = input_field(data, {.id = "name", .label = "Full name", .value = r.field("name")});
  fields["relationship"] = input_field(data, {.id = "relationship",
                                              .label = "Relationship to the pupil or organisation (optional)",
                                              .value = r.field("relationship"),
                                              .hint = "Like Mother, Grandparent or Exeshire children's services"});
  fields["email"] = input_field(
      data, {.id = "email", .label = "Email address (optional)", .value = r.field("email"), .type = "email"});
  fields["phone"] = input_field(data, {.id = "phone",
                                       .label = "Phone number (optional)",
                                       .value = r.field("phone"),
                                       .type = "tel",
                                       .width = "govuk-input--width-20"});
  fields["address"] = input_field(data, {.id = "address", .label = "Address (optional)", .value = r.field("address")});
  auto preferred = input_field(data, {.id = "preferred_contact", .label = "How they prefer to be contacted"});
  preferred["options"] = options(domain::contact_methods(), r.field("preferred_contact"));
  fields["preferred_contact"] = preferred;
  fields["involved_since"] = input_field(
      data, {.id = "involved_since",
             .label = "Involved since (for a professional, optional)",
             .value = date_field(r, "involved_since"),
             .type = "date",
             .hint = "When their service became involved with the pupil. " + date_example(ctx.services.today())});
  data["parental_responsibility"] = r.field("parental_responsibility") == "yes";
  fields["preferred_language"] =
      input_field(data, {.id = "preferred_language",
                         .label = "Preferred language (optional)",
                         .value = r.field("preferred_language"),
                         .hint = "The language to speak or write to them in, like Polish or British Sign Language",
                         .width = "govuk-input--width-20"});
  data["needs_interpreter"] = r.field("needs_interpreter") == "yes";
  return ctx.page("pupils/contact", std::move(data), status);
}

Response pupil_import_page(RequestContext& ctx, const domain::FieldErrors& errors, int status,
                           const app::PupilImportReport* report = nullptr, bool from_ctf = false) {
  nlohmann::json data{{"title", "Import pupils"}};
  add_errors(data, errors);
  data["file_error"] = data["errors"].contains("file") ? data["errors"]["file"] : nlohmann::json("");
  if (report) {
    nlohmann::json rejected = nlohmann::json::array();
    for (const auto& r : report->rejected) rejected.push_back({{"line", r.line}, {"upn", r.upn}, {"reason", r.reason}});
    data["report"] = {{"created", report->created},
                      {"updated", report->updated},
                      {"rejected_count", report->rejected.size()},
                      {"rejected", rejected},
                      {"has_rejected", !rejected.empty()},
                      {"position", from_ctf ? "Pupil in file" : "Line"}};
  }
  return ctx.page("pupils/import", std::move(data), status);
}

// A CTF is XML; anything else is read as CSV (a UTF-8 byte-order mark is allowed before either).
bool looks_like_xml(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const auto first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && bytes[first] == '<';
}

}  // namespace

void add_pupil_routes(Router& r) {
  r.add("GET", "/pupils/import", [](Request&, RequestContext& ctx) {
    if (!app::allowed(ctx.actor(), domain::Action::ImportPupils)) throw app::Denied();
    return pupil_import_page(ctx, {}, 200);
  });

  r.add("POST", "/pupils/import", [](Request& req, RequestContext& ctx) {
    const auto* file = req.file("file");
    try {
      if (!file || file->data.empty()) {
        try {
          app::import_pupils(ctx.services, ctx.actor(), {}, "none");  // decides permission first
        } catch (const app::Invalid&) {
        }
        throw app::Invalid("file", "Select a CTF or CSV file of pupils");
      }
      std::vector<domain::RawPupil> rows;
      const bool ctf = looks_like_xml(file->data);
      if (ctf) {
        rows = read_ctf(file->data);
      } else {
        const auto text = domain::windows1252_to_utf8(file->data);
        auto csv = domain::read_pupil_csv(text);
        if (!csv.problem.empty()) throw app::Invalid("file", csv.problem);
        rows = std::move(csv.rows);
      }
      const auto report = app::import_pupils(ctx.services, ctx.actor(), rows, ctf ? "ctf" : "csv");
      return pupil_import_page(ctx, {}, 200, &report, ctf);
    } catch (const CtfError& e) {
      return pupil_import_page(ctx, {{"file", e.what()}}, 422);
    } catch (const app::Invalid& e) {
      return pupil_import_page(ctx, e.errors(), 422);
    }
  });

  r.add("GET", "/pupils", [](Request& req, RequestContext& ctx) {
    const auto& a = ctx.actor();
    const int number = page_number(req);
    const auto search = req.query_value("q");
    const bool parent = domain::pupil_listing(app::principal_of(a), a.user_id).scope == domain::ListScope::Guardian;
    nlohmann::json data{{"title", parent ? "Your child" : "Pupils"},
                        {"can_search", !parent},
                        {"q", search},
                        {"can_add", app::allowed(a, domain::Action::AddPupil)}};
    store::Page<domain::Pupil> page;
    int status = 200;
    try {
      page = app::list_pupils(ctx.services, a, {number, 25}, search);
    } catch (const app::Invalid& e) {
      add_errors(data, e.errors());
      status = 422;
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& p : page.items) rows.push_back(pupil_json(p, ctx.services.today()));
    const bool searched = !domain::trimmed(search).empty();
    data["has_pupils"] = !rows.empty();
    data["pupils"] = std::move(rows);
    data["empty"] = page.items.empty() && status == 200 && !searched;
    data["none_found"] = page.items.empty() && status == 200 && searched;
    data["pager"] = pagination(searched ? "/pupils?q=" + url_encode(search) : "/pupils", number, page.has_next);
    return ctx.page("pupils/list", std::move(data), status);
  });

  r.add("GET", "/pupils/new", [](Request&, RequestContext& ctx) { return pupil_form_page(ctx, {}, {}, 200); });

  r.add("POST", "/pupils/new", [](Request& req, RequestContext& ctx) {
    const auto f = pupil_form(req);
    try {
      const auto id = app::add_pupil(ctx.services, ctx.actor(), f);
      return Response::redirect("/pupils/" + std::to_string(id) + "?done=added");
    } catch (const app::Invalid& e) {
      return pupil_form_page(ctx, f, e.errors(), 422);
    }
  });

  r.add("GET", "/pupils/{id}", [](Request& req, RequestContext& ctx) {
    const auto record = app::view_pupil_record(ctx.services, ctx.actor(), id_param(req, "id"));
    auto data = pupil_json(record.pupil, ctx.services.today());
    data["title"] = record.pupil.given_name + " " + record.pupil.family_name;
    data["notice"] = req.query_value("done");
    nlohmann::json contacts = nlohmann::json::array();
    for (const auto& c : record.contacts) contacts.push_back(contact_json(c));
    data["contacts"] = contacts;
    data["has_contacts"] = !contacts.empty();
    data["can_see_contacts"] = record.can_see_contacts;
    // The pupil's journey as one timeline, first to last: outreach and support in school (Tier 1),
    // time-limited placements (Tier 2) and a transitional one (Tier 3). The store lists newest first.
    nlohmann::json placements = nlohmann::json::array();
    for (auto p = record.placements.rbegin(); p != record.placements.rend(); ++p) {
      auto row = placement_json(*p);
      row["href"] = "/placements/" + std::to_string(p->id);
      placements.push_back(std::move(row));
    }
    for (const auto& o : record.outreach)
      placements.push_back({{"href", "/outreach/" + std::to_string(o.id)},
                            {"tier", 1},
                            {"provider_name", "Outreach with " + o.worker_name + ", " + o.worker_organisation},
                            {"legal_basis_label",
                             std::string(domain::label_of(domain::outreach_referral_reasons(), o.referred_because))},
                            {"start_date", o.opened_on},
                            {"start_date_text", domain::date_text(o.opened_on)},
                            {"planned_end_date", o.closed_on.value_or(domain::format_date(ctx.services.today()))},
                            {"planned_end_date_text", o.closed_on ? domain::date_text(*o.closed_on) : "now"},
                            {"status_label", o.closed_on ? "Closed" : "Open"},
                            {"status_class", o.closed_on ? "govuk-tag--grey" : "govuk-tag--blue"}});
    std::stable_sort(placements.begin(), placements.end(), [](const auto& x, const auto& y) {
      return x["start_date"].template get<std::string>() < y["start_date"].template get<std::string>();
    });
    data["placements"] = placements;
    data["has_placements"] = !placements.empty();
    data["can_edit"] = record.can_edit;
    data["can_manage_family"] = record.can_manage_family;
    data["can_see_week"] = record.can_see_week;
    data["can_see_letters"] = record.can_see_letters;
    data["can_read_voice"] = record.can_read_voice;
    data["can_read_outreach"] = record.can_read_outreach;
    data["is_parent"] =
        domain::pupil_listing(app::principal_of(ctx.actor()), ctx.actor().user_id).scope == domain::ListScope::Guardian;
    data["can_place"] = record.can_place;
    data["can_arrange"] = record.can_arrange;
    return ctx.page("pupils/show", std::move(data));
  });

  r.add("GET", "/pupils/{id}/edit", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    const auto record = app::view_pupil_record(ctx.services, ctx.actor(), id);
    if (!record.can_edit) throw app::Denied();
    return pupil_form_page(ctx, form_of(record.pupil), {}, 200, id);
  });

  r.add("POST", "/pupils/{id}/edit", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    const auto f = pupil_form(req);
    try {
      app::update_pupil(ctx.services, ctx.actor(), id, f);
    } catch (const app::Invalid& e) {
      return pupil_form_page(ctx, f, e.errors(), 422, id);
    }
    return Response::redirect("/pupils/" + std::to_string(id) + "?done=changed");
  });

  r.add("GET", "/pupils/{id}/contacts/new", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    if (!app::view_pupil_record(ctx.services, ctx.actor(), id).can_edit) throw app::Denied();
    return contact_form_page(ctx, id, {}, 200);
  });

  r.add("POST", "/pupils/{id}/contacts/new", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    domain::PupilContact c;
    c.role = req.field("role");
    c.name = req.field("name");
    c.relationship = req.field("relationship");
    c.parental_responsibility = req.field("parental_responsibility") == "yes";
    c.email = req.field("email");
    c.phone = req.field("phone");
    c.address = req.field("address");
    c.preferred_contact = req.field("preferred_contact");
    c.involved_since = date_field(req, "involved_since");
    c.preferred_language = req.field("preferred_language");
    c.needs_interpreter = req.field("needs_interpreter") == "yes";
    try {
      app::add_contact(ctx.services, ctx.actor(), id, c);
    } catch (const app::Invalid& e) {
      return contact_form_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/pupils/" + std::to_string(id) + "?done=contact#contacts");
  });

  r.add("POST", "/pupils/{id}/contacts/{contact}/remove", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::remove_contact(ctx.services, ctx.actor(), id, id_param(req, "contact"));
    return Response::redirect("/pupils/" + std::to_string(id) + "?done=contact_removed#contacts");
  });
}

}  // namespace waypoint::web
