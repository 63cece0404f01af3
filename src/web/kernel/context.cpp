#include "web/kernel/context.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>

#include "app/kernel/access.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/numbers.hpp"
#include "web/kernel/date_input.hpp"

namespace waypoint::web {
namespace {

nlohmann::json navigation(const app::Actor& a, const std::string& path) {
  nlohmann::json nav = nlohmann::json::array();
  auto item = [&](const std::string& href, const std::string& text) {
    const bool current = href == "/" ? path == "/" : path.rfind(href, 0) == 0;
    nav.push_back({{"href", href}, {"text", text}, {"current", current}});
  };
  using domain::Action;
  const auto who = app::principal_of(a);
  item("/", "Home");
  if (app::allowed(a, Action::Administer)) {
    item("/admin/organisations", "Organisations");
    item("/admin/users", "Users");
  }
  const auto pupils = domain::pupil_listing(who, a.user_id).scope;
  if (pupils != domain::ListScope::None) item("/pupils", pupils == domain::ListScope::Guardian ? "My child" : "Pupils");
  if (domain::placement_listing(who).scope != domain::ListScope::None) item("/placements", "Placements");
  if (app::allowed(a, Action::ReadAlerts)) item("/alerts", "Alerts");
  if (app::allowed(a, Action::BrowseDirectory)) item("/providers", "Providers");
  if (app::allowed(a, Action::TakeRegister)) item("/register", "Registers");
  if (const auto own = domain::own_provider(who)) item("/providers/" + std::to_string(*own), "Your provider");
  if (app::allowed(a, Action::SearchAudit)) item("/admin/audit", "Audit trail");
  if (app::allowed(a, Action::KeepRetention)) item("/admin/retention", "Retention");
  item("/account", "Your account");
  return nav;
}

}  // namespace

const app::Actor& RequestContext::actor() const {
  if (session) return session->actor;
  if (api_actor) return *api_actor;
  throw SignInRequired();
}

Response RequestContext::page(const std::string& name, nlohmann::json data, int status) const {
  data["service_name"] = "Waypoint";
  data["csrf_token"] = csrf_token;
  if (session) {
    const auto& a = session->actor;
    data["signed_in"] = true;
    data["user"] = {{"name", a.display_name},
                    {"role", std::string(domain::role_label(a.role))},
                    {"organisation", a.organisation_name}};
    // Until the second factor is given, nothing else is reachable, so nothing else is offered.
    if (session->stage == domain::SessionStage::SignedIn) data["nav"] = navigation(a, request.path);
  }
  Response r;
  r.status = status;
  r.body = templates.render_page(name, std::move(data));
  return r;
}

std::string RequestContext::cookie_attributes(const std::string& max_age) const {
  std::string a = "Path=/; HttpOnly; SameSite=Lax";
  if (!max_age.empty()) a += "; Max-Age=" + max_age;
  if (settings.secure_cookies) a += "; Secure";
  return a;
}

namespace {

// The use cases' messages end with an ISO example ("..., like 2026-11-23") for the API; a page's
// date boxes carry their own example in the hint, as GOV.UK's pattern has it.
std::string for_a_page(const std::string& message) {
  static const std::regex iso_example(", like \\d{4}-\\d{2}-\\d{2}.*$");
  return std::regex_replace(message, iso_example, "");
}

}  // namespace

void add_errors(nlohmann::json& data, const domain::FieldErrors& errors) {
  data["has_errors"] = !errors.empty();
  auto list = nlohmann::json::array();
  auto by_field = nlohmann::json::object();
  for (const auto& e : errors) {
    const auto message = for_a_page(e.message);
    list.push_back({{"href", "#" + e.field}, {"message", message}});
    if (!by_field.contains(e.field)) by_field[e.field] = message;
  }
  data["error_list"] = list;
  data["errors"] = by_field;
}

nlohmann::json input_field(const nlohmann::json& data, const InputField& f) {
  std::string error;
  if (const auto errors = data.find("errors"); errors != data.end())
    if (const auto e = errors->find(f.id); e != errors->end()) error = e->get<std::string>();
  std::string describedby;
  if (!f.hint.empty()) describedby = f.id + "-hint";
  if (!error.empty()) describedby += (describedby.empty() ? "" : " ") + f.id + "-error";
  nlohmann::json out = nlohmann::json::object();
  out["id"] = f.id;
  out["label"] = f.label;
  out["value"] = f.value;
  out["type"] = f.type;
  out["autocomplete"] = f.autocomplete;
  out["hint"] = f.hint;
  out["width"] = f.width;
  out["error"] = std::move(error);
  out["describedby"] = std::move(describedby);
  if (f.type == "date") {
    const auto parts = date_parts(f.value);
    out["is_date"] = true;
    out["day"] = parts.day;
    out["month"] = parts.month;
    out["year"] = parts.year;
  }
  return out;
}

int page_number(const Request& r, const std::string& parameter) {
  try {
    const int n = std::stoi(r.query_value(parameter));
    return n >= 1 && n <= 100000 ? n : 1;
  } catch (...) {
    return 1;
  }
}

PageSlice page_slice(const Request& r, std::size_t total, std::size_t per_page, const std::string& parameter) {
  const auto pages = std::max<std::size_t>(1, (total + per_page - 1) / per_page);
  PageSlice s;
  s.number = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(page_number(r, parameter)), pages));
  s.first = static_cast<std::size_t>(s.number - 1) * per_page;
  s.last = std::min(s.first + per_page, total);
  return s;
}

std::string showing_text(const PageSlice& s, std::size_t total, const std::string& noun) {
  const auto count = [](std::size_t n) { return domain::count_text(static_cast<std::int64_t>(n)); };
  return "Showing " + count(s.first + 1) + " to " + count(s.last) + " of " + count(total) + " " + noun;
}

std::int64_t id_param(const Request& r, const std::string& name) {
  auto it = r.params.find(name);
  if (it == r.params.end()) throw app::NotFound();
  try {
    std::size_t used = 0;
    const auto n = std::stoll(it->second, &used);
    if (used == it->second.size() && n > 0) return n;
  } catch (...) {
  }
  throw app::NotFound();
}

}  // namespace waypoint::web

namespace waypoint::web {

nlohmann::json pagination(const std::string& base, int number, bool has_next, const PagerOptions& o) {
  const auto start = base + (base.find('?') == std::string::npos ? "?" : "&") + o.parameter + "=";
  nlohmann::json p{{"number", std::to_string(number)}, {"show", number > 1 || has_next}, {"label", o.label}};
  if (number > 1) p["previous_href"] = start + std::to_string(number - 1) + o.fragment;
  if (has_next) p["next_href"] = start + std::to_string(number + 1) + o.fragment;
  return p;
}

PageSlice add_table_page(nlohmann::json& data, const Request& r, std::string base, const PagedTable& t,
                         const PagedTable& other, std::size_t total, std::size_t per_page) {
  const auto slice = page_slice(r, total, per_page, t.parameter);
  if (const auto kept = page_number(r, other.parameter); kept > 1)
    base += std::string(base.find('?') == std::string::npos ? "?" : "&") + other.parameter + "=" + std::to_string(kept);
  auto& table = data[t.key];
  if (total > per_page) table["shown_text"] = showing_text(slice, total, t.noun);
  table["pager"] = pagination(base, slice.number, slice.last < total,
                              {.parameter = t.parameter, .label = t.label, .fragment = std::string("#") + t.id});
  return slice;
}

// Built field by field: a register asks for 40 options a pupil, and json's initializer lists copy
// each pair through a temporary array.
nlohmann::json options(const std::vector<domain::CodeLabel>& list, const std::string& selected) {
  nlohmann::json out = nlohmann::json::array();
  out.get_ref<nlohmann::json::array_t&>().reserve(list.size());
  for (const auto& i : list) {
    auto& o = out.emplace_back(nlohmann::json::object());
    o["value"] = i.code;
    o["text"] = i.label;
    o["selected"] = i.code == selected;
  }
  return out;
}

nlohmann::json checkboxes(const std::string& name, const std::vector<domain::CodeLabel>& list,
                          const std::vector<std::string>& checked) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& i : list) {
    const std::string code(i.code);
    // The first box takes the field's id, so the error summary's link lands on it.
    out.push_back({{"name", name},
                   {"id", out.empty() ? name : name + "-" + code},
                   {"value", code},
                   {"text", std::string(i.label)},
                   {"checked", std::find(checked.begin(), checked.end(), code) != checked.end()}});
  }
  return out;
}

}  // namespace waypoint::web
