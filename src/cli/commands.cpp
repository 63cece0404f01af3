#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <optional>
#include <thread>
#include <tuple>

#include "app/accounts/accounts.hpp"
#include "app/accounts/administration.hpp"
#include "app/accounts/api_tokens.hpp"
#include "app/alerts/alert_sweep.hpp"
#include "app/area/area_attendance_cache.hpp"
#include "app/calendar/calendar_cache.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/audit.hpp"
#include "app/kernel/audit_trail.hpp"
#include "app/kernel/backups.hpp"
#include "app/kernel/errors.hpp"
#include "app/outcomes/outcomes_cache.hpp"
#include "app/providers/provider_directory.hpp"
#include "cli/allocator.hpp"
#include "cli/background_work.hpp"
#include "cli/bench_data.hpp"
#include "cli/demo.hpp"
#include "cli/national_bench_data.hpp"
#include "cli/retention_commands.hpp"
#include "domain/accounts/second_factor.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/kernel/time.hpp"
#include "domain/placements/timetable.hpp"
#include "domain/providers/provider.hpp"
#include "store/kernel/audit_files.hpp"
#include "store/kernel/engines.hpp"
#include "store/kernel/migrations.hpp"
#include "store/kernel/planner_statistics.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/request_log.hpp"
#include "web/kernel/server.hpp"
#include "web/kernel/smtp_mail.hpp"

namespace waypoint::cli {
namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

// A list in an environment variable, separated by commas.
std::vector<std::string> split_env(const char* name) { return domain::split_list(env_or(name, "")); }

std::string default_assets_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("build/public") : (exe.parent_path() / "public").string();
}

struct Options {
  std::string database = env_or("WAYPOINT_DATABASE", "sqlite:data/waypoint.db");
  std::string log_format = env_or("WAYPOINT_LOG_FORMAT", "text");
  std::string listen = env_or("WAYPOINT_LISTEN", "127.0.0.1:8080");
  std::string assets = env_or("WAYPOINT_ASSETS", default_assets_dir());
  bool demo = false;
  bool secure_cookies = false;
  // PostgreSQL is reached through PgBouncer in transaction mode (see store::DatabaseOptions).
  bool pgbouncer = env_or("WAYPOINT_PGBOUNCER", "") == "1";
  // Each worker keeps a database connection (and its cache) and an allocator arena: sixteen made
  // the server three times the size at LA scale. Twice the cores covers the time requests wait on
  // PostgreSQL.
  int threads = std::max(4, 2 * static_cast<int>(std::thread::hardware_concurrency()));
  int header_timeout_seconds = 15;
  int body_timeout_seconds = 60;
  int idle_timeout_seconds = 75;
  int idle_seconds = 30 * 60;
  int absolute_seconds = 12 * 60 * 60;
  std::string email, name, role, password, label = "API token", file;
  std::int64_t organisation_id = 0;
  int evidence_limit_mb = 10;
  int expiry_warning_days = 30;
  int invitation_days = 7;
  // TYPE=DAYS, each overriding how long a type of check stays valid.
  std::vector<std::string> check_validity = split_env("WAYPOINT_CHECK_VALIDITY");
  int count = 5000;
  int checks_each = 10;
  int schools = 300, placements = 2000, school_days = 190, at_first_provider = 27;
  NationalBenchOptions national;
  int register_close_minutes = 30;
  int register_alert_minutes = 30;
  int outreach_caseload = 5;
  std::string smtp = env_or("WAYPOINT_SMTP", "");  // HOST:PORT of a relay; empty sends no mail
  std::string mail_from = env_or("WAYPOINT_MAIL_FROM", "waypoint@localhost");
  std::string public_url = env_or("WAYPOINT_PUBLIC_URL", "");
  int sweep_seconds = 30;
  std::string backup_dir = env_or("WAYPOINT_BACKUP_DIR", "");  // empty: no nightly backup
  std::string backup_time = env_or("WAYPOINT_BACKUP_TIME", "02:00");
  // PostgreSQL's own address for the nightly backup when --database is PgBouncer's.
  std::string backup_database = env_or("WAYPOINT_BACKUP_DATABASE", "");
  int backup_keep = 14;
  std::string retention_time = env_or("WAYPOINT_RETENTION_TIME", "");  // empty: run by hand
  int checkpoint_seconds = 3600;
  int token_days = app::kTokenDaysDefault;
  std::string second_factor_roles = env_or("WAYPOINT_SECOND_FACTOR_ROLES", "");
  // Outside the database; by default beside an SQLite file, or named after a PostgreSQL connection.
  std::string audit_key = env_or("WAYPOINT_AUDIT_KEY", "");
  std::string audit_checkpoints = env_or("WAYPOINT_AUDIT_CHECKPOINTS", "");
  std::string at;                                    // England time for `alerts sweep`
  std::string today = env_or("WAYPOINT_TODAY", "");  // run as if this were the date in England
  // The Children's Wellbeing and Schools Act 2026 s.43 registration rule: commencement, full time.
  std::string cws_act_from = env_or("WAYPOINT_CWS_ACT_FROM", "");
  std::string cws_act_full_time_hours = env_or("WAYPOINT_CWS_ACT_FULL_TIME_HOURS", "18");
  // DfE's planned limits for non-school AP and the LA-approved provider rule: their commencement.
  std::string ap_time_limits_from = env_or("WAYPOINT_AP_TIME_LIMITS_FROM", "");
  std::string la_approved_providers_from = env_or("WAYPOINT_LA_APPROVED_PROVIDERS_FROM", "");
};

// HOST:PORT split, or the named option's message.
std::pair<std::string, int> host_and_port(const std::string& text, const std::string& option) {
  const auto colon = text.rfind(':');
  const auto port = colon == std::string::npos ? std::nullopt : domain::parse_whole_number(text.substr(colon + 1));
  if (!port || *port < 0 || *port > 65535 || colon == 0)
    throw app::Invalid(option, "--" + option + " must be HOST:PORT, like 127.0.0.1:25");
  return {text.substr(0, colon), static_cast<int>(*port)};
}

// Everything a command needs, opened once the options are known.
struct Runtime {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<app::Clock> clock;
  std::unique_ptr<app::Services> services;

  explicit Runtime(const Options& o) : db(store::open_database(o.database, {.named_statements = !o.pgbouncer})) {
    if (!o.today.empty() && o.at.empty()) {  // --at names the day itself
      const auto day = domain::parse_date(o.today);
      if (!day) throw app::Invalid("today", "--today must be a date, like 2027-02-01");
      clock = std::make_unique<app::HeldDateClock>(std::chrono::local_days(*day));
    } else if (o.at.empty()) {
      clock = std::make_unique<app::SystemClock>();
    } else {
      const auto at = domain::parse_uk_local(o.at);
      if (!at) throw app::Invalid("at", "--at must be a time in England, like 2026-11-23T09:20");
      clock = std::make_unique<app::FixedClock>(*at);
    }
    app::Settings settings;
    settings.session.idle = std::chrono::seconds(o.idle_seconds);
    settings.session.absolute = std::chrono::seconds(o.absolute_seconds);
    settings.evidence_limit_bytes = static_cast<std::size_t>(o.evidence_limit_mb) * 1024 * 1024;
    settings.expiry_warning_days = o.expiry_warning_days;
    settings.invitation_days = o.invitation_days;
    for (const auto& text : o.check_validity) {
      const auto v = domain::parse_check_validity(domain::trimmed(text));
      if (!v.problem.empty()) throw app::Invalid("check-validity", v.problem);
      settings.check_validity[v.type] = v.days;
    }
    if (!o.cws_act_from.empty()) {
      settings.threshold.cws_act_in_force_from = domain::parse_date(o.cws_act_from);
      if (!settings.threshold.cws_act_in_force_from)
        throw app::Invalid("cws-act-from", "--cws-act-from must be a date, like 2027-09-01");
    }
    for (const auto& [text, day, option] :
         {std::tuple(&o.ap_time_limits_from, &settings.limits.time_limits_from, "ap-time-limits-from"),
          std::tuple(&o.la_approved_providers_from, &settings.limits.la_approval_from, "la-approved-providers-from")}) {
      if (text->empty()) continue;
      *day = domain::parse_date(*text);
      if (!*day) throw app::Invalid(option, "--" + std::string(option) + " must be a date, like 2027-09-01");
    }
    char* end = nullptr;
    const double hours = std::strtod(o.cws_act_full_time_hours.c_str(), &end);
    if (o.cws_act_full_time_hours.empty() || *end != '\0' || !(hours >= 1 && hours <= 40))
      throw app::Invalid("cws-act-full-time-hours",
                         "--cws-act-full-time-hours must be hours a week from 1 to 40, like 18 or 12.5");
    settings.threshold.cws_act_full_time_over_minutes = static_cast<int>(hours * 60 + 0.5);
    settings.register_close_minutes = o.register_close_minutes;
    settings.register_alert_minutes = o.register_alert_minutes;
    settings.outreach_caseload = o.outreach_caseload;
    settings.mail_enabled = !o.smtp.empty();
    if (!o.public_url.empty()) settings.public_url = o.public_url;
    settings.audit_key = store::load_or_create_audit_key(o.audit_key.empty() ? store::default_audit_key_path(o.database)
                                                                             : std::filesystem::path(o.audit_key));
    if (!o.second_factor_roles.empty()) {
      const auto roles = domain::parse_second_factor_roles(o.second_factor_roles);
      if (!roles)
        throw app::Invalid("second-factor-roles",
                           "--second-factor-roles must be role codes separated by commas, staff, or none");
      settings.second_factor_roles = *roles;
    }
    settings.audit_checkpoints =
        o.audit_checkpoints.empty() ? store::default_checkpoint_path(o.database).string() : o.audit_checkpoints;
    services = std::make_unique<app::Services>(
        app::Services{*db, *clock, settings, app::bundled_common_passwords(), std::make_shared<app::CalendarCache>(),
                      std::make_shared<app::AreaAttendanceCache>(), std::make_shared<app::AuditChainHint>(),
                      std::make_shared<app::OutcomesCache>()});
  }
};

void print_demo_sign_ins() {
  std::cout << "Demo sign-ins (password for each: \"" << kDemoPassword << "\"):\n";
  for (const auto& d : demo_sign_ins()) std::cout << "  " << d.role << ": " << d.email << "\n";
  std::cout << "Roles that need a second factor (by default the DSL, LA roles and the administrator) set up an\n"
               "authenticator app at their first sign-in; serve --second-factor-roles none turns this off.\n";
}

std::string password_from(const Options& o) {
  if (!o.password.empty()) return o.password;
  std::string line;
  std::getline(std::cin, line);  // from standard input, so it never shows in the process list
  return line;
}

int serve(const Options& o) {
  bound_thread_caches();
  const auto [host, port] = host_and_port(o.listen, "listen");
  app::BackupSchedule backups{o.backup_dir, 0, o.backup_keep};
  if (const auto at = domain::parse_clock(o.backup_time); at)
    backups.minute_of_day = *at;
  else
    throw app::Invalid("backup-time", "--backup-time must be a time of day in England, like 02:00");
  std::optional<int> retention_minute;
  if (!o.retention_time.empty() && !(retention_minute = domain::parse_clock(o.retention_time)))
    throw app::Invalid("retention-time", "--retention-time must be a time of day in England, like 03:00");
  Runtime rt(o);
  std::unique_ptr<app::MailSender> mail;
  if (!o.smtp.empty()) {
    const auto [smtp_host, smtp_port] = host_and_port(o.smtp, "smtp");
    mail = std::make_unique<web::SmtpMailSender>(smtp_host, static_cast<std::uint16_t>(smtp_port), o.mail_from);
  }
  for (const auto& name : store::migrate(*rt.db)) web::log_event("info", "applied migration", {{"name", name}});
  if (o.demo && !load_demo_data(*rt.services).empty()) web::log_event("info", "loaded demo data");
  store::refresh_planner_statistics(*rt.db);

  // Block the stop signals before the server's threads start, so they are all taken here.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);

  web::Application application(*rt.services, {o.secure_cookies, o.assets});
  web::Server server(application, host, port, o.threads,
                     {std::chrono::seconds(o.header_timeout_seconds), std::chrono::seconds(o.body_timeout_seconds),
                      std::chrono::seconds(o.idle_timeout_seconds)});
  // The port is bound already; set before any request or sweep can read it.
  if (o.public_url.empty()) rt.services->settings.public_url = "http://" + host + ":" + std::to_string(server.port());
  server.start();
  BackgroundWork background(*rt.services, std::move(mail), std::chrono::seconds(o.sweep_seconds),
                            std::chrono::seconds(o.checkpoint_seconds),
                            o.backup_database.empty() ? o.database : o.backup_database, backups, retention_minute);
  background.start();
  std::cout << "Waypoint is running at http://" << host << ":" << server.port() << "/" << std::endl;
  if (o.demo) print_demo_sign_ins();
  std::cout.flush();
  int signal = 0;
  sigwait(&stop, &signal);
  web::log_event("info", "stopping");
  background.stop();
  server.stop();
  return 0;
}

// Neither migrates: a backup copies the database as it is, and a restore needs it empty.
int backup_or_restore(const Options& o, bool backup) {
  // A restore checks the trail with the key it was chained with: one made now would fail it, and
  // would be left beside the restored database as if it were the deployment's.
  const auto key = o.audit_key.empty() ? store::default_audit_key_path(o.database) : std::filesystem::path(o.audit_key);
  if (!backup && !std::filesystem::exists(key))
    throw app::Invalid("audit-key",
                       "Name the audit key of the deployment the backup came from with --audit-key: "
                       "there is no key at " +
                           key.string());
  Runtime rt(o);
  if (backup) {
    const auto m = app::make_backup(*rt.services, o.database, o.file);
    std::int64_t rows = 0;
    for (const auto& [table, n] : m.contents.rows) rows += n;
    std::cout << "Backup written to " << o.file << ": " << m.contents.rows.size() << " tables, " << rows
              << " rows, schema " << m.contents.schema_version << ", audit trail of " << m.contents.audit.entries
              << (m.contents.audit.entries == 1 ? " entry, " : " entries, ") << m.copy_bytes << " bytes (checksum "
              << m.copy_checksum << ")\n";
    return 0;
  }
  const auto r = app::restore_backup(*rt.services, o.database, o.file);
  std::cout << "Restored the backup made " << r.manifest.made_at << ": every table has the rows the backup had\n";
  if (r.later_checkpoints > 0)
    std::cout << r.later_checkpoints << (r.later_checkpoints == 1 ? " checkpoint" : " checkpoints")
              << " signed after the backup vouch for audit entries it does not have: kept in "
              << r.later_checkpoints_file.string() << "\n";
  if (r.chain.first_break) {
    std::cout << "But the audit trail is broken at entry " << r.chain.first_break->entry_id << ": "
              << r.chain.first_break->reason
              << ". Restore with the --audit-key and --audit-checkpoints files of the deployment the backup came from "
                 "(by default they sit beside its SQLite file, or in the folder its server ran in).\n";
    return 1;
  }
  std::cout << "Audit chain intact: " << r.chain.entries_checked << " entries verified against "
            << r.chain.checkpoints_checked << " checkpoints\n";
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App cli{"Waypoint: alternative provision, planned, attended and reviewed."};
  cli.require_subcommand(1);
  cli.fallthrough();  // --database and --log-format may follow the subcommand too
  Options o;
  cli.add_option("--database", o.database, "sqlite:PATH or a PostgreSQL connection string (env WAYPOINT_DATABASE)")
      ->capture_default_str();
  cli.add_flag("--pgbouncer", o.pgbouncer,
               "The PostgreSQL connection string reaches PgBouncer in transaction mode: statements are sent "
               "unprepared (env WAYPOINT_PGBOUNCER=1). Give backup and restore the server's own address instead.");
  cli.add_option("--audit-key", o.audit_key,
                 "File holding the key the audit trail is chained with, made on first use (env WAYPOINT_AUDIT_KEY)");
  cli.add_option("--audit-checkpoints", o.audit_checkpoints,
                 "File the signed audit checkpoints are appended to (env WAYPOINT_AUDIT_CHECKPOINTS)");
  cli.add_option("--today", o.today,
                 "Run as if this were the date in England, like 2027-02-01, keeping the real time of day (the date "
                 "holds at midnight): for "
                 "training copies and tests (env WAYPOINT_TODAY)");
  cli.add_option("--log-format", o.log_format, "text or json (env WAYPOINT_LOG_FORMAT)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  auto* serve_cmd = cli.add_subcommand("serve", "Apply migrations and serve the web pages and API");
  serve_cmd->add_option("--listen", o.listen, "HOST:PORT to listen on; port 0 picks a free one (env WAYPOINT_LISTEN)")
      ->capture_default_str();
  serve_cmd->add_option("--assets", o.assets, "Folder of compiled CSS, JS and images (env WAYPOINT_ASSETS)")
      ->capture_default_str();
  serve_cmd->add_flag("--demo", o.demo, "Load the demo area first if the database is empty");
  serve_cmd->add_flag("--secure-cookies", o.secure_cookies, "Mark cookies Secure (when served over TLS)");
  serve_cmd->add_option("--threads", o.threads, "Threads doing requests' work (connections need none of their own)")
      ->capture_default_str()
      ->check(CLI::Range(1, 512));
  serve_cmd
      ->add_option("--header-timeout-seconds", o.header_timeout_seconds,
                   "Close a new connection whose request headers have not all arrived in this time")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve_cmd
      ->add_option("--body-timeout-seconds", o.body_timeout_seconds,
                   "Close a connection whose request body, or the reading of its answer, takes longer")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve_cmd
      ->add_option("--idle-timeout-seconds", o.idle_timeout_seconds,
                   "Close a kept-alive connection that sends no new request in this time")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve_cmd->add_option("--session-idle-seconds", o.idle_seconds, "Sign out after this long without a request")
      ->capture_default_str()
      ->check(CLI::Range(1, 7 * 24 * 3600));
  serve_cmd->add_option("--evidence-limit-mb", o.evidence_limit_mb, "Largest evidence file accepted")
      ->capture_default_str()
      ->check(CLI::Range(1, 19));
  serve_cmd->add_option("--expiry-warning-days", o.expiry_warning_days, "Flag checks running out within this many days")
      ->capture_default_str()
      ->check(CLI::Range(1, 365));
  serve_cmd
      ->add_option("--invitation-days", o.invitation_days, "How long an invitation link to a parent or carer works")
      ->capture_default_str()
      ->check(CLI::Range(1, 30));
  serve_cmd->add_option("--check-validity", o.check_validity,
                        "TYPE=DAYS: how long a type of check stays valid, like insurance=365; repeat for more "
                        "(env WAYPOINT_CHECK_VALIDITY, separated by commas)");
  serve_cmd
      ->add_option("--register-close-minutes", o.register_close_minutes,
                   "A register closes this long after its session starts; later arrivals are U")
      ->capture_default_str()
      ->check(CLI::Range(1, 30));
  serve_cmd
      ->add_option("--register-alert-minutes", o.register_alert_minutes,
                   "A register not taken this long after its session starts raises alerts")
      ->capture_default_str()
      ->check(CLI::Range(1, 240));
  serve_cmd
      ->add_option("--outreach-caseload", o.outreach_caseload,
                   "The most pupils an outreach worker's caseload holds at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 50));
  serve_cmd->add_option("--smtp", o.smtp,
                        "HOST:PORT of an SMTP relay for alert e-mail; none sends no mail (env "
                        "WAYPOINT_SMTP)");
  serve_cmd->add_option("--mail-from", o.mail_from, "Sender of alert e-mail (env WAYPOINT_MAIL_FROM)")
      ->capture_default_str();
  serve_cmd->add_option("--public-url", o.public_url,
                        "The address people open Waypoint at, for links in e-mail (env WAYPOINT_PUBLIC_URL)");
  serve_cmd->add_option("--second-factor-roles", o.second_factor_roles,
                        "Roles that must sign in with an authenticator: role codes separated by commas, staff, "
                        "or none (default school_dsl,la_officer,la_designated_officer,administrator; env "
                        "WAYPOINT_SECOND_FACTOR_ROLES)");
  serve_cmd->add_option("--checkpoint-seconds", o.checkpoint_seconds, "How often to sign an audit checkpoint")
      ->capture_default_str()
      ->check(CLI::Range(1, 86400));
  serve_cmd->add_option("--sweep-seconds", o.sweep_seconds, "How often to look for alerts to raise and mail to send")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve_cmd->add_option("--backup-dir", o.backup_dir,
                        "Make a backup each night into this folder (env WAYPOINT_BACKUP_DIR; none when empty)");
  serve_cmd
      ->add_option("--backup-time", o.backup_time,
                   "When the nightly backup is made, in England (env "
                   "WAYPOINT_BACKUP_TIME)")
      ->capture_default_str();
  serve_cmd->add_option("--cws-act-from", o.cws_act_from,
                        "The day the Children's Wellbeing and Schools Act 2026 s.43 registration rule comes into "
                        "force, once regulations set it (env WAYPOINT_CWS_ACT_FROM; until then the 2008 Act's rule)");
  serve_cmd
      ->add_option("--cws-act-full-time-hours", o.cws_act_full_time_hours,
                   "Full time under that rule, in hours a week, as its regulations define it (env "
                   "WAYPOINT_CWS_ACT_FULL_TIME_HOURS)")
      ->capture_default_str();
  serve_cmd->add_option("--ap-time-limits-from", o.ap_time_limits_from,
                        "The day DfE's planned limits for providers that are not schools come into force: at most 12 "
                        "weeks, or at most 4 sessions a week alongside school (env WAYPOINT_AP_TIME_LIMITS_FROM; "
                        "until then no limit stops a placement starting)");
  serve_cmd->add_option("--la-approved-providers-from", o.la_approved_providers_from,
                        "The day placements may start only at providers the LA has approved, with no override (env "
                        "WAYPOINT_LA_APPROVED_PROVIDERS_FROM)");
  serve_cmd->add_option("--backup-database", o.backup_database,
                        "The database's own address for the nightly backup, when --database is PgBouncer's (env "
                        "WAYPOINT_BACKUP_DATABASE; --database when empty)");
  serve_cmd->add_option("--retention-time", o.retention_time,
                        "Dispose of records past their retention date each night at this time in England, like "
                        "03:00 (env WAYPOINT_RETENTION_TIME; none when empty: `waypoint retention run` by hand)");
  serve_cmd->add_option("--backup-keep", o.backup_keep, "How many nightly backups to keep in the folder")
      ->capture_default_str()
      ->check(CLI::Range(1, 3650));
  serve_cmd->add_option("--session-absolute-seconds", o.absolute_seconds, "Sign out this long after signing in")
      ->capture_default_str()
      ->check(CLI::Range(1, 30 * 24 * 3600));

  auto* migrate_cmd = cli.add_subcommand("migrate", "Apply database migrations not yet applied");
  auto* demo_cmd = cli.add_subcommand("demo", "Load the demo area into an empty database");

  auto* user_cmd = cli.add_subcommand("user", "Manage user accounts");
  user_cmd->require_subcommand(1);
  auto* user_add = user_cmd->add_subcommand("add", "Add a user (password from --password or standard input)");
  user_add->add_option("--email", o.email, "Email address")->required();
  user_add->add_option("--name", o.name, "Full name")->required();
  user_add
      ->add_option("--role", o.role,
                   "ap_lead, school_dsl, headteacher, provider_manager, provider_staff, "
                   "la_officer, parent or administrator")
      ->required();
  user_add->add_option("--organisation-id", o.organisation_id, "The organisation the person works for")->required();
  user_add->add_option("--password", o.password, "Initial password (prefer standard input)");
  auto* user_reset = user_cmd->add_subcommand("reset-password", "Set a new password and sign the user out");
  user_reset->add_option("--email", o.email, "Email address")->required();
  user_reset->add_option("--password", o.password, "New password (prefer standard input)");
  auto* user_disable = user_cmd->add_subcommand("disable", "Disable an account and sign it out everywhere");
  user_disable->add_option("--email", o.email, "Email address")->required();

  auto* token_cmd = cli.add_subcommand("token", "API tokens");
  token_cmd->require_subcommand(1);
  auto* token_create = token_cmd->add_subcommand("create", "Create a bearer token for a user (shown once)");
  token_create->add_option("--email", o.email, "Email address of the user")->required();
  token_create->add_option("--label", o.label, "What the token is for")->capture_default_str();
  token_create->add_option("--days", o.token_days, "Days until it runs out (1 to 365)")->capture_default_str();

  auto* import_cmd = cli.add_subcommand("import", "Import data from other systems");
  import_cmd->require_subcommand(1);
  auto* import_gias = import_cmd->add_subcommand(
      "gias", "Import providers from a Get Information about Schools extract (CSV), idempotent on URN");
  import_gias->add_option("--file", o.file, "The extract, as downloaded (Windows-1252 or UTF-8)")
      ->required()
      ->check(CLI::ExistingFile);
  import_gias->add_option("--as", o.email, "Email address of the LA officer whose directory receives them")->required();

  auto* bench_cmd = cli.add_subcommand("bench-data", "Generate synthetic data for the benchmarks in bench/");
  bench_cmd->require_subcommand(1);
  auto* bench_providers = bench_cmd->add_subcommand("providers", "Providers, each with a site, offers and checks");
  bench_providers->add_option("--count", o.count, "How many providers")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  bench_providers->add_option("--checks-each", o.checks_each, "Checks a provider")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000));

  auto* alerts_cmd = cli.add_subcommand("alerts", "Alerts raised by the clock");
  alerts_cmd->require_subcommand(1);
  auto* alerts_sweep = alerts_cmd->add_subcommand(
      "sweep", "Raise the alerts for registers not taken and pupils missing education, as the server does");
  alerts_sweep->add_option("--at", o.at, "As if the clock in England showed this time, like 2026-11-23T09:20");
  alerts_sweep->add_option("--register-alert-minutes", o.register_alert_minutes)
      ->capture_default_str()
      ->check(CLI::Range(1, 240));
  // Mail for the alerts it raises is queued when SMTP is configured, and sent by the running server.
  alerts_sweep->add_option("--smtp", o.smtp, "As for serve (env WAYPOINT_SMTP)");
  alerts_sweep->add_option("--public-url", o.public_url, "As for serve (env WAYPOINT_PUBLIC_URL)");

  auto* bench_attendance = bench_cmd->add_subcommand(
      "attendance", "Schools, placements at about 30 pupils a provider, and a school year of marks");
  bench_attendance->add_option("--schools", o.schools, "How many schools")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000));
  bench_attendance->add_option("--placements", o.placements, "How many active placements")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  bench_attendance->add_option("--school-days", o.school_days, "Weekdays of marks, back from yesterday")
      ->capture_default_str()
      ->check(CLI::Range(0, 400));
  bench_attendance->add_option("--at-first-provider", o.at_first_provider, "Placements at Bridgeway besides its own")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000));

  auto* bench_national = bench_cmd->add_subcommand(
      "national", "Authorities, their schools and providers, and years of pupils in AP with their marks");
  bench_national->add_option("--las", o.national.local_authorities, "How many local authorities")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  bench_national->add_option("--schools", o.national.schools, "How many schools, spread over the authorities")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  bench_national->add_option("--pupils", o.national.pupils_a_year, "Pupils in AP a year")
      ->capture_default_str()
      ->check(CLI::Range(30, 1000000));
  bench_national->add_option("--years", o.national.years, "Years of pupils and marks, back from yesterday")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  bench_national->add_option("--school-days", o.national.school_days, "Weekdays of marks a year")
      ->capture_default_str()
      ->check(CLI::Range(1, 260));

  auto* audit_cmd = cli.add_subcommand("audit", "The audit trail");
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand(
      "verify", "Check the keyed hash chain and the signed checkpoints; report the first entry that fails");
  auto* audit_checkpoint = audit_cmd->add_subcommand("checkpoint", "Sign and append a checkpoint of the trail now");

  auto* backup_cmd =
      cli.add_subcommand("backup", "Write a consistent copy of the database, with a manifest, while the server runs");
  backup_cmd->add_option("--to", o.file, "The backup file to write")->required();
  auto* restore_cmd = cli.add_subcommand(
      "restore",
      "Restore a backup into an empty database (with the audit key and checkpoints of its deployment), then check "
      "its rows and audit trail");
  restore_cmd->add_option("--from", o.file, "The backup file to restore")->required();

  RetentionOptions retention_options;
  const auto retention = add_retention_commands(cli, retention_options);

  CLI11_PARSE(cli, argc, argv);
  web::set_log_format(o.log_format == "json" ? web::LogFormat::Json : web::LogFormat::Text);

  try {
    if (serve_cmd->parsed()) return serve(o);
    if (backup_cmd->parsed() || restore_cmd->parsed()) return backup_or_restore(o, backup_cmd->parsed());
    Runtime rt(o);
    store::migrate(*rt.db);
    const auto op = app::operator_actor();
    if (const auto status = run_retention_command(retention, retention_options, *rt.services)) return *status;
    if (migrate_cmd->parsed()) {
      std::cout << "Database is up to date\n";
    } else if (demo_cmd->parsed()) {
      if (load_demo_data(*rt.services).empty())
        std::cout << "The database already has data; nothing loaded\n";
      else
        print_demo_sign_ins();
    } else if (user_add->parsed()) {
      const auto id = app::create_user(*rt.services, op,
                                       {o.email, o.name, o.role, std::to_string(o.organisation_id), password_from(o)});
      std::cout << "Added user " << id << "\n";
    } else if (user_reset->parsed()) {
      app::reset_password(*rt.services, op, app::user_id_by_email(*rt.services, o.email), password_from(o));
      std::cout << "Password changed; the user has been signed out\n";
    } else if (user_disable->parsed()) {
      app::set_user_disabled(*rt.services, op, app::user_id_by_email(*rt.services, o.email), true);
      std::cout << "Account disabled\n";
    } else if (token_create->parsed()) {
      std::cout << app::create_api_token(*rt.services, o.email, o.label, o.token_days) << "\n";
    } else if (import_gias->parsed()) {
      const auto actor = app::actor_by_email(*rt.services, o.email, "command line");
      if (!actor) throw app::Invalid("as", "No active user has the email address " + o.email);
      std::ifstream in(o.file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      const auto report = app::import_gias_extract(*rt.services, *actor, bytes);
      std::cout << "Created " << report.created << ", updated " << report.updated << ", skipped "
                << report.skipped.size() << "\n";
      for (const auto& row : report.skipped)
        std::cout << "  line " << row.line << (row.urn.empty() ? "" : " (URN " + row.urn + ")") << ": " << row.reason
                  << "\n";
    } else if (bench_providers->parsed()) {
      const auto report = generate_provider_bench_data(*rt.services, o.count, o.checks_each);
      std::cout << "Added " << report.providers << " providers with " << report.checks << " checks\n";
    } else if (alerts_sweep->parsed()) {
      const int registers = app::raise_register_alerts(*rt.services);
      const int missing = app::raise_missing_education_alerts(*rt.services);
      std::cout << "Raised " << registers << " alerts for registers not taken and " << missing
                << " for pupils missing education\n";
    } else if (bench_attendance->parsed()) {
      const auto r =
          generate_attendance_bench_data(*rt.services, o.schools, o.placements, o.school_days, o.at_first_provider);
      store::refresh_planner_statistics(*rt.db);
      std::cout << "Added " << r.schools << " schools, " << r.placements << " placements and " << r.marks
                << " marks (the marks, their indexes and totals in " << std::fixed << std::setprecision(1)
                << r.marks_seconds << " s: " << std::setprecision(0) << r.marks / std::max(r.marks_seconds, 0.001)
                << " a second)\n";
    } else if (bench_national->parsed()) {
      if (o.national.schools < o.national.local_authorities)
        throw app::Invalid("schools", "--schools must be at least --las: every authority has a school");
      const auto r = generate_national_bench_data(*rt.services, o.national);
      store::refresh_planner_statistics(*rt.db);
      std::cout << "Added " << r.local_authorities << " local authorities, " << r.schools << " schools, " << r.providers
                << " providers, " << r.years_added << " years of pupils (" << r.placements << " placements) and "
                << r.marks << " marks (the marks, their indexes and totals in " << std::fixed << std::setprecision(1)
                << r.marks_seconds << " s: " << std::setprecision(0)
                << static_cast<double>(r.marks) / std::max(r.marks_seconds, 0.001) << " a second)\n";
    } else if (audit_verify->parsed()) {
      const auto report = app::verify_audit_chain(*rt.services);
      if (report.first_break) {
        std::cout << "Audit trail broken at entry " << report.first_break->entry_id << ": "
                  << report.first_break->reason << " (" << report.entries_checked << " entries verified before it)\n";
        return 1;
      }
      std::cout << "Audit chain intact: " << report.entries_checked << " entries verified against "
                << report.checkpoints_checked << " checkpoints\n";
    } else if (audit_checkpoint->parsed()) {
      const auto cp = app::write_audit_checkpoint(*rt.services);
      std::cout << "Checkpoint written: " << cp.entries << " entries, ending with entry " << cp.last_id << "\n";
    }
    return 0;
  } catch (const app::Invalid& e) {
    for (const auto& fe : e.errors()) std::cerr << fe.field << ": " << fe.message << "\n";
    return 2;
  } catch (const app::Denied& e) {
    std::cerr << "waypoint: " << e.what() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "waypoint: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace waypoint::cli
