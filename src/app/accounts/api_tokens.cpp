#include "app/accounts/api_tokens.hpp"

#include <nlohmann/json.hpp>

#include "app/accounts/accounts.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/secrets.hpp"
#include "app/kernel/unguarded.hpp"
#include "domain/kernel/contact.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "store/accounts/user_store.hpp"

namespace waypoint::app {
namespace {

// A user's account as the subject of a token use case.
auto account(std::int64_t user_id) {
  return [user_id](store::Connection& c) -> std::optional<Subject<std::int64_t>> {
    if (!store::find_user(c, user_id)) return std::nullopt;
    Subject<std::int64_t> subject{user_id, {}, user_id, std::nullopt};
    subject.scope.account_user_id = user_id;
    return subject;
  };
}

std::string expiry(const Services& s, int days) { return domain::to_iso(s.clock.now() + std::chrono::days(days)); }

void check_label(const std::string& label, domain::FieldErrors& errors) {
  if (label.empty()) errors.push_back({"label", "Enter a name for the token, like \"MIS export\""});
}

}  // namespace

std::optional<Actor> actor_for_api_token(const Services& s, const std::string& token, const std::string& client) {
  if (token.empty()) return std::nullopt;
  const auto hash = token_hash(token);
  const auto now = s.clock.now();
  std::optional<Actor> actor;
  bool record_use = false;
  unguarded_read(s, [&](store::Connection& c) {
    const auto live = store::live_api_token(c, hash, domain::to_iso(now));
    if (!live) return;
    actor = load_actor(c, live->user_id, client);
    const auto last = live->last_used_at ? domain::parse_iso(*live->last_used_at) : std::nullopt;
    record_use = !last || now - *last >= std::chrono::minutes(1);
  });
  // Written at most once a minute, so a busy integration does not queue on the writer's lock.
  if (actor && record_use)
    unguarded_transaction(s, [&](store::Connection& c) { store::mark_api_token_used(c, hash, domain::to_iso(now)); });
  return actor;
}

std::string create_own_api_token(const Services& s, const Actor& a, const std::string& raw_label,
                                 const std::string& raw_days) {
  const auto label = domain::trimmed(raw_label);
  const auto days_text = domain::trimmed(raw_days);
  domain::FieldErrors errors;
  check_label(label, errors);
  int days = kTokenDaysDefault;
  if (!days_text.empty()) {
    const auto n = domain::parse_whole_number(days_text);
    if (!n || *n < 1 || *n > kTokenDaysMost)
      errors.push_back({"days", "Days until it runs out must be a whole number from 1 to 365"});
    else
      days = static_cast<int>(*n);
  }
  if (!errors.empty()) throw Invalid(std::move(errors));
  const auto token = "wp_" + random_token();
  run(s, a, {"api_token.create", domain::Action::ManageApiTokens, "api_token"}, account(a.user_id),
      [&](store::Connection& c, Subject<std::int64_t>&, AuditRecord& entry) {
        const auto id = store::insert_api_token(c, a.user_id, token_hash(token), label, s.now_iso(), expiry(s, days));
        entry.entity_id = id;
        entry.detail = nlohmann::json{{"user_id", a.user_id}, {"label", label}, {"days", days}}.dump();
      });
  return token;
}

std::string create_api_token(const Services& s, const std::string& raw_email, const std::string& label, int days) {
  const auto email = domain::normalise_email(raw_email);
  domain::FieldErrors errors;
  check_label(domain::trimmed(label), errors);
  if (days < 1 || days > kTokenDaysMost) errors.push_back({"days", "--days must be from 1 to 365"});
  if (!errors.empty()) throw Invalid(std::move(errors));
  const auto token = "wp_" + random_token();
  unguarded_transaction(s, [&](store::Connection& c) {
    auto user = store::find_user_by_email(c, email);
    if (!user) throw Invalid("email", "No user has the email address " + email);
    const auto id =
        store::insert_api_token(c, user->id, token_hash(token), domain::trimmed(label), s.now_iso(), expiry(s, days));
    audit(c, s, nullptr,
          {"api_token.create", "api_token", id, std::nullopt,
           nlohmann::json{{"user_id", user->id}, {"label", label}, {"days", days}}.dump()},
          "command line");
  });
  return token;
}

std::vector<store::ApiTokenRow> api_tokens_of(const Services& s, const Actor& a, std::int64_t user_id) {
  return run(
      s, a, {"api_token.list", domain::Action::ManageApiTokens, "user", false}, account(user_id),
      [&](store::Connection& c, Subject<std::int64_t>&, AuditRecord&) { return store::api_tokens_of(c, user_id); });
}

void revoke_api_token(const Services& s, const Actor& a, std::int64_t user_id, std::int64_t token_id) {
  const auto token = [&](store::Connection& c) -> std::optional<Subject<std::int64_t>> {
    const auto row = store::find_api_token(c, token_id);
    if (!row || row->user_id != user_id) return std::nullopt;
    Subject<std::int64_t> subject{token_id, {}, token_id, std::nullopt};
    subject.scope.account_user_id = row->user_id;
    return subject;
  };
  run(s, a, {"api_token.revoke", domain::Action::ManageApiTokens, "api_token"}, token,
      [&](store::Connection& c, Subject<std::int64_t>&, AuditRecord& entry) {
        store::revoke_api_token(c, token_id, s.now_iso());
        entry.detail = nlohmann::json{{"user_id", user_id}}.dump();
      });
}

}  // namespace waypoint::app
