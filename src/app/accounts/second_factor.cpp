#include "app/accounts/second_factor.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "app/kernel/audit.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/secrets.hpp"
#include "app/kernel/unguarded.hpp"
#include "domain/accounts/sign_in_throttle.hpp"
#include "domain/kernel/digest.hpp"
#include "store/accounts/second_factor_store.hpp"
#include "store/accounts/sign_in_attempt_store.hpp"

namespace waypoint::app {
namespace {

constexpr std::size_t kSecretBytes = 20;  // 160 bits, as RFC 4226 recommends
constexpr std::string_view kSealedFor = "waypoint authenticator keys";

std::string from_hex(const std::string& hex) {
  std::string out(hex.size() / 2, '\0');
  std::size_t length = 0;
  sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr, &length,
                 nullptr);
  out.resize(length);
  return out;
}

// The authenticator key as stored: sealed with the deployment's key. Keys set up before sealing was
// added were stored as hex, and are read as they are until the person sets up again.
std::string stored_secret(const Services& s, const std::string& secret) {
  return seal(s.settings.audit_key, kSealedFor, secret);
}

std::string secret_of(const Services& s, const std::string& stored) {
  if (auto plain = unseal(s.settings.audit_key, kSealedFor, stored)) return *plain;
  if (stored.rfind("sealed", 0) == 0) throw std::runtime_error("an authenticator key is sealed with another key file");
  return from_hex(stored);
}

std::string base32(const std::string& bytes) {
  char* out = nullptr;
  std::size_t length = 0;
  if (oath_base32_encode(bytes.data(), bytes.size(), &out, &length) != OATH_OK) throw std::runtime_error("base32");
  std::string text(out, length);
  free(out);
  text.erase(std::remove(text.begin(), text.end(), '='), text.end());
  return text;
}

std::int64_t unix_now(const Services& s) {
  return std::chrono::duration_cast<std::chrono::seconds>(s.clock.phone_time().time_since_epoch()).count();
}

// The step a code matches within one step either side (a phone's clock drifts), later than `after`.
std::optional<std::int64_t> matching_step(const std::string& secret, const std::string& code, std::int64_t now,
                                          std::optional<std::int64_t> after) {
  const auto step = domain::totp_step(now);
  for (const auto candidate : {step - 1, step, step + 1}) {
    if (after && candidate <= *after) continue;  // each code is accepted once
    const auto expected = totp_code(secret, candidate * domain::kTotpStepSeconds);
    if (same_secret(expected, code)) return candidate;
  }
  return std::nullopt;
}

}  // namespace

std::string totp_code(const std::string& secret, std::int64_t unix_seconds) {
  static const int initialised = oath_init();
  (void)initialised;
  std::array<char, 7> out{};
  if (oath_totp_generate(secret.data(), secret.size(), static_cast<time_t>(unix_seconds), domain::kTotpStepSeconds, 0,
                         6, out.data()) != OATH_OK)
    throw std::runtime_error("could not compute a TOTP code");
  return std::string(out.data(), 6);
}

Enrolment start_enrolment(const Services& s, const SignedInSession& session) {
  Enrolment e;
  std::string secret;
  unguarded_transaction(s, [&](store::Connection& c) {
    const auto record = store::find_second_factor(c, session.actor.user_id);
    e.enabled = record.secret.has_value();
    e.recovery_codes_left = store::unused_recovery_codes(c, session.actor.user_id);
    if (record.pending_secret) {
      secret = secret_of(s, *record.pending_secret);
    } else {
      secret.resize(kSecretBytes);
      randombytes_buf(secret.data(), secret.size());
      store::save_pending_secret(c, session.actor.user_id, stored_secret(s, secret));
    }
  });
  e.key = base32(secret);
  e.otpauth_uri = "otpauth://totp/Waypoint:" + session.actor.email + "?secret=" + e.key +
                  "&issuer=Waypoint&algorithm=SHA1&digits=6&period=30";
  return e;
}

std::vector<std::string> confirm_enrolment(const Services& s, const SignedInSession& session,
                                           const std::string& typed) {
  const auto code = domain::as_totp_code(typed);
  if (!code) throw Invalid("code", "Enter the 6-digit code from your authenticator app");
  std::vector<std::string> codes;
  unguarded_transaction(s, [&](store::Connection& c) {
    const auto record = store::find_second_factor(c, session.actor.user_id);
    if (!record.pending_secret) throw Invalid("code", "Start again: open the page to set up your authenticator");
    const auto step = matching_step(secret_of(s, *record.pending_secret), *code, unix_now(s), std::nullopt);
    if (!step) throw Invalid("code", "The code is not right: check the time on your phone and enter the newest code");
    store::enable_second_factor(c, session.actor.user_id, *record.pending_secret, *step, s.now_iso());
    std::vector<std::string> hashes;
    for (int i = 0; i < domain::kRecoveryCodes; ++i) {
      std::vector<unsigned char> bytes(10);
      randombytes_buf(bytes.data(), bytes.size());
      codes.push_back(domain::recovery_code_from(bytes));
      hashes.push_back(domain::blake2b_hex(domain::normalised_recovery_code(codes.back())));
    }
    store::replace_recovery_codes(c, session.actor.user_id, hashes);
    store::set_session_stage(c, session.token_hash, std::string(domain::stage_code(domain::SessionStage::SignedIn)));
    audit(c, s, &session.actor, {"user.second_factor_enrol", "user", session.actor.user_id, std::nullopt});
  });
  return codes;
}

SecondFactorOutcome complete_sign_in(const Services& s, const SignedInSession& session, const std::string& typed) {
  SecondFactorOutcome outcome;
  const auto now = s.clock.now();
  const auto key = domain::account_key(session.actor.email, session.actor.client);
  const auto& policy = s.settings.throttle;
  unguarded_transaction(s, [&](store::Connection& c) {
    const auto attempts = store::find_sign_in_attempts(c, key);
    outcome.wait = domain::wait_left(attempts, now);
    AuditRecord record{"", "user", session.actor.user_id, std::nullopt, "{}"};
    if (outcome.wait.count() > 0) {
      record.action = "sign_in.second_factor_throttled";
      audit(c, s, &session.actor, record);
      return;
    }
    const auto factor = store::find_second_factor(c, session.actor.user_id);
    if (factor.secret) {
      if (const auto code = domain::as_totp_code(typed)) {
        if (const auto step = matching_step(secret_of(s, *factor.secret), *code, unix_now(s), factor.last_step)) {
          store::record_totp_step(c, session.actor.user_id, *step);
          outcome.accepted = true;
        }
      } else if (store::use_recovery_code(c, session.actor.user_id,
                                          domain::blake2b_hex(domain::normalised_recovery_code(typed)), s.now_iso())) {
        outcome.accepted = outcome.used_recovery_code = true;
      }
    }
    if (!outcome.accepted) {
      store::save_sign_in_attempts(c, key, domain::after_failure(attempts, now, policy.free_per_account, policy),
                                   domain::to_iso(now));
      record.action = "sign_in.second_factor_failed";
      audit(c, s, &session.actor, record);
      return;
    }
    store::clear_sign_in_attempts(c, key);
    store::set_session_stage(c, session.token_hash, std::string(domain::stage_code(domain::SessionStage::SignedIn)));
    record.action = "sign_in";
    record.detail = nlohmann::json{{"second_factor", outcome.used_recovery_code ? "recovery_code" : "totp"}}.dump();
    audit(c, s, &session.actor, record);
  });
  return outcome;
}

}  // namespace waypoint::app
