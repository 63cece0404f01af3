#pragma once
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/accounts/accounts.hpp"
#include "app/kernel/services.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"
#include "web/kernel/date_input.hpp"
#include "web/kernel/http.hpp"
#include "web/kernel/templates.hpp"

namespace waypoint::web {

struct WebSettings {
  bool secure_cookies = false;  // behind TLS: cookies carry Secure
  std::string assets_dir;       // compiled CSS, JS and govuk-frontend assets
};

// Thrown by a handler that needs a signed-in user when there is none.
class SignInRequired : public std::runtime_error {
 public:
  SignInRequired() : std::runtime_error("sign in required") {}
};

// Everything a handler may use for one request.
struct RequestContext {
  const app::Services& services;
  const Templates& templates;
  const WebSettings& settings;
  const Request& request;
  std::optional<app::SignedInSession> session;  // signed in through the pages
  std::optional<app::Actor> api_actor;          // signed in with a bearer token
  std::string csrf_token;                       // the token this request's forms carry

  const app::Actor& actor() const;  // throws SignInRequired
  // A page in the layout, with the signed-in user, navigation and CSRF token filled in.
  Response page(const std::string& name, nlohmann::json data, int status = 200) const;
  std::string cookie_attributes(const std::string& max_age) const;
};

// Form data for templates: {has_errors, error_list: [{href, message}], errors: {field: message}}.
void add_errors(nlohmann::json& data, const domain::FieldErrors& errors);
// A text input for the `input` partial, with its error (if any) taken from data["errors"] (call add_errors first).
struct InputField {
  std::string id{};
  std::string label{};
  std::string value{};
  std::string type = "text";  // "date": GOV.UK's day, month and year boxes (read with date_field)
  std::string autocomplete{};
  std::string hint{};
  std::string width{};  // a govuk-input--width-N or govuk-!-width-* class
};
nlohmann::json input_field(const nlohmann::json& data, const InputField& f);

// Options for the `select` partial, with `selected` marked.
nlohmann::json options(const std::vector<domain::CodeLabel>& list, const std::string& selected);
// Checkbox items; the first takes the field's own id, so the error summary's link lands on it.
nlohmann::json checkboxes(const std::string& name, const std::vector<domain::CodeLabel>& list,
                          const std::vector<std::string>& checked);

// Page number from ?page= (or the parameter named), at least 1.
int page_number(const Request& r, const std::string& parameter = "page");
// One page of a list held whole: rows [first, last) of `total`, `per_page` a page. A page past the
// end shows the last, so a link kept from a longer list still shows rows.
struct PageSlice {
  int number = 1;
  std::size_t first = 0, last = 0;
};
PageSlice page_slice(const Request& r, std::size_t total, std::size_t per_page, const std::string& parameter = "page");
// "Showing 26 to 50 of 63 placements", above a slice's pager.
std::string showing_text(const PageSlice& s, std::size_t total, const std::string& noun);
// A path parameter that must be a positive id; otherwise NotFound.
std::int64_t id_param(const Request& r, const std::string& name);

}  // namespace waypoint::web

namespace waypoint::web {
// Previous/next links for a paginated list: `base` is the path with any filters, without page=.
// A page with two lists names each one's parameter, gives each nav its own label, and sends the
// reader back to the list (`fragment`, "#id") rather than to the top of the page.
struct PagerOptions {
  std::string parameter = "page";
  std::string label = "Pages";
  std::string fragment{};
};
nlohmann::json pagination(const std::string& base, int number, bool has_next, const PagerOptions& o = {});

// One of two tables on a page, each with its own pager: its place in the page's data, its page
// number's parameter, what its rows are, its pager's label (for a screen reader's list of
// landmarks) and the table's id, where its pager's links lead back to.
struct PagedTable {
  const char* key;
  const char* parameter;
  const char* noun;
  const char* label;
  const char* id;
};
// One page of `t`'s `total` rows, `per_page` a page: sets data[t.key]'s "shown_text" (when there is
// more than a page) and "pager", whose links are `base` (a path and query) with the other table's
// page kept. Answers which rows to show; the caller sets data[t.key]["rows"].
PageSlice add_table_page(nlohmann::json& data, const Request& r, std::string base, const PagedTable& t,
                         const PagedTable& other, std::size_t total, std::size_t per_page);
}  // namespace waypoint::web
