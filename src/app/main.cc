// finguard: the one binary. Subcommands serve the API and console, create the demo institution,
// and run batch jobs. Exit codes: 0 success, 2 bad input (one-line reason on stderr), 3 a check
// that found a problem (audit verify), 1 an internal error.
#include <signal.h>
#include <sodium.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "api/api_server.h"
#include "app/app.h"
#include "app/commands.h"
#include "common/log.h"
#include "customers/customer_import.h"
#include "customers/demo_institution.h"
#include "security/permissions.h"
#include "storage/migrations.h"

namespace finguard::app {
namespace {

int Fail(const Status& s) {
  std::cerr << "finguard: " << s.message() << "\n";
  for (const FieldError& f : s.fields()) std::cerr << "  " << f.field << ": " << f.reason << "\n";
  return s.code() == StatusCode::kInvalidArgument || s.code() == StatusCode::kAlreadyExists ||
                 s.code() == StatusCode::kNotFound || s.code() == StatusCode::kFailedPrecondition
             ? 2
             : 1;
}

// Blocks until SIGINT or SIGTERM.
void WaitForSignal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  sigwait(&set, &sig);
}

// 16 characters from a 56-letter alphabet without look-alikes, with every class present.
std::string GeneratePassword() {
  static const std::string kSets[] = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz",
                                      "23456789", "-_.!@#%"};
  std::string all = kSets[0] + kSets[1] + kSets[2] + kSets[3];
  std::string p;
  for (const auto& set : kSets) p += set[randombytes_uniform(static_cast<uint32_t>(set.size()))];
  while (p.size() < 16) p += all[randombytes_uniform(static_cast<uint32_t>(all.size()))];
  for (size_t i = p.size() - 1; i > 0; --i)
    std::swap(p[i], p[randombytes_uniform(static_cast<uint32_t>(i + 1))]);
  return p;
}

int Serve(App& app) {
  api::ApiServer server({*app.db, *app.auth, *app.audit, *app.customers, app.clock, app.config});
  Status s = server.Start();
  if (!s.ok()) return Fail(s);
  std::string scheme = app.config.tls_cert.empty() ? "http" : "https";
  std::cout << "FinGuard is serving on " << scheme << "://" << app.config.host << ":"
            << server.port() << "/  (Ctrl-C to stop)" << std::endl;
  WaitForSignal();
  server.Stop();
  return 0;
}

}  // namespace

int Main(int argc, char** argv) {
  // Signals are taken by WaitForSignal, not delivered asynchronously to worker threads.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signal(SIGPIPE, SIG_IGN);
  if (sodium_init() < 0) return Fail(Internal("libsodium failed to initialise"));

  CLI::App cli{"FinGuard — customer service and risk control for financial institutions",
               "finguard"};
  cli.require_subcommand(1);
  std::string config_file, db, key_file;
  cli.add_option("--config", config_file, "TOML configuration file")->check(CLI::ExistingFile);
  cli.add_option("--db", db, "database URL: sqlite:PATH or postgresql://user@host:port/db");
  cli.add_option("--key-file", key_file, "key file (kept outside the database)");

  std::string host, tls_cert, tls_key, web_dir;
  int port = -1, threads = 0;
  auto add_server_options = [&](CLI::App* c) {
    c->add_option("--host", host, "address to listen on (default 127.0.0.1)");
    c->add_option("--port", port, "port (default 8080; 0 picks a free one)")
        ->check(CLI::Range(0, 65535));
    c->add_option("--threads", threads, "HTTP worker threads")->check(CLI::Range(1, 4096));
    c->add_option("--tls-cert", tls_cert, "PEM certificate; with --tls-key serves HTTPS");
    c->add_option("--tls-key", tls_key, "PEM private key");
    c->add_option("--web-dir", web_dir, "console files (default web/dist)");
  };
  CLI::App* serve = cli.add_subcommand("serve", "serve the API and the console");
  add_server_options(serve);

  CLI::App* demo = cli.add_subcommand("demo", "create the demo institution in SQLite and serve it");
  add_server_options(demo);
  int demo_customers = 10000;
  uint64_t demo_seed = 42;
  bool demo_reset = false, demo_no_serve = false;
  demo->add_option("--customers", demo_customers, "number of customers")
      ->check(CLI::Range(10, 1000000));
  demo->add_option("--seed", demo_seed, "random seed (same seed, same institution)");
  demo->add_flag("--reset", demo_reset, "delete an existing demo database and create it again");
  demo->add_flag("--no-serve", demo_no_serve, "create the data, print the password and exit");

  CLI::App* migrate = cli.add_subcommand("migrate", "apply database migrations");

  CLI::App* user = cli.add_subcommand("user", "manage users");
  user->require_subcommand(1);
  CLI::App* user_create =
      user->add_subcommand("create", "create a user; the password is read from stdin");
  std::string u_name, u_display;
  std::vector<std::string> u_roles;
  user_create->add_option("--username", u_name)->required();
  user_create->add_option("--display-name", u_display)->required();
  user_create->add_option("--role", u_roles, "role (repeatable)")->required();
  CLI::App* user_list = user->add_subcommand("list", "list users");

  CLI::App* import = cli.add_subcommand("import", "import records from files");
  import->require_subcommand(1);
  CLI::App* import_customers =
      import->add_subcommand("customers", "import customers from CSV (all or nothing)");
  std::string import_file;
  import_customers->add_option("file", import_file, "CSV file")->required();

  CLI::App* audit = cli.add_subcommand("audit", "audit chain");
  audit->require_subcommand(1);
  CLI::App* audit_verify =
      audit->add_subcommand("verify", "verify the hash chain (exit 3 when broken)");

  CLI::App* keys = cli.add_subcommand("keys", "field-encryption keys");
  keys->require_subcommand(1);
  CLI::App* keys_rotate =
      keys->add_subcommand("rotate", "add a new active key and re-encrypt every value");
  CLI::App* keys_status = keys->add_subcommand("status", "values per key id");

  CLI::App* risk =
      cli.add_subcommand("risk", "risk measurement: market VaR/ES, backtests, credit capital");
  risk->require_subcommand(1);
  CommandRunner module_command;
  AddRiskMarketCommands(*risk, module_command);
  AddRiskCreditCommands(*risk, module_command);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = cli.exit(e);
    return rc == 0 ? 0 : 2;
  }

  // Module commands compute from files and need no database.
  if (module_command) return module_command();

  StatusOr<Config> loaded = LoadConfig(config_file, Environment());
  if (!loaded.ok()) return Fail(loaded.status());
  Config cfg = *loaded;
  if (!db.empty()) cfg.db = db;
  if (!key_file.empty()) cfg.key_file = key_file;
  if (!host.empty()) cfg.host = host;
  if (port >= 0) cfg.port = port;
  if (threads > 0) cfg.threads = threads;
  if (!tls_cert.empty()) cfg.tls_cert = tls_cert;
  if (!tls_key.empty()) cfg.tls_key = tls_key;
  if (!web_dir.empty()) cfg.web_dir = web_dir;
  if (cfg.tls_cert.empty() != cfg.tls_key.empty()) {
    return Fail(InvalidArgument("--tls-cert and --tls-key go together"));
  }
  InitLogging(cfg.log_level);

  if (*demo) {
    std::string path = cfg.db.rfind("sqlite:", 0) == 0 ? cfg.db.substr(7) : cfg.db;
    if (cfg.db.rfind("postgres", 0) == 0)
      return Fail(InvalidArgument("the demo runs on SQLite; omit --db"));
    bool exists = std::filesystem::exists(path);
    if (exists && demo_reset) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
      std::filesystem::remove(cfg.key_file);
      exists = false;
    }
    StatusOr<std::unique_ptr<App>> app = App::Open(cfg, /*create_keys=*/true);
    if (!app.ok()) return Fail(app.status());
    if (!exists) {
      std::cout << "Creating the demo institution (" << demo_customers << " customers, seed "
                << demo_seed << ") in " << path << " ..." << std::endl;
      auto started = std::chrono::steady_clock::now();
      customers::DemoOptions opts;
      opts.seed = demo_seed;
      opts.customers = demo_customers;
      StatusOr<customers::DemoSummary> sum =
          customers::GenerateDemoInstitution(*(*app)->db, *(*app)->store, opts);
      if (!sum.ok()) return Fail(sum.status());
      std::string password = GeneratePassword();
      for (const auto& role : security::Roles()) {
        std::string name = role.name == "admin" ? "admin" : "demo_" + role.name;
        StatusOr<security::User> u = (*app)->auth->CreateUser(
            "system", {.username = name,
                       .display_name = role.department_zh + " " + role.department_en,
                       .password = password,
                       .roles = {role.name}});
        if (!u.ok()) return Fail(u.status());
      }
      double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cout << "Created " << sum->customers << " customers, " << sum->accounts << " accounts, "
                << sum->transactions << " transactions in " << static_cast<int>(secs) << " s.\n"
                << "Users: admin and demo_<role> (demo_compliance_officer, demo_marketing, ...)\n"
                << "Password (shown once): " << password << std::endl;
    } else {
      std::cout << "Using the existing demo database " << path
                << " (its password was printed when it was created; --reset recreates it)."
                << std::endl;
    }
    if (demo_no_serve) return 0;
    return Serve(**app);
  }

  // Commands that set a deployment up may create the key file; the others need the existing one,
  // since a fresh key would make every stored value unreadable.
  bool creates_keys = serve->parsed() || migrate->parsed() || user->parsed();
  StatusOr<std::unique_ptr<App>> opened = App::Open(cfg, creates_keys);
  if (!opened.ok()) return Fail(opened.status());
  App& app = **opened;

  if (*serve) return Serve(app);
  if (*migrate) {
    std::cout << "schema version " << *storage::SchemaVersion(*app.db) << "\n";
    return 0;
  }
  if (*user_create) {
    std::string password;
    std::getline(std::cin, password);
    StatusOr<security::User> u = app.auth->CreateUser(
        "cli",
        {.username = u_name, .display_name = u_display, .password = password, .roles = u_roles});
    if (!u.ok()) return Fail(u.status());
    std::cout << "created user " << u->username << " (" << u->id << ")\n";
    return 0;
  }
  if (*user_list) {
    StatusOr<std::vector<security::User>> users = app.auth->ListUsers();
    if (!users.ok()) return Fail(users.status());
    for (const auto& u : *users) {
      std::string roles;
      for (const auto& r : u.roles) roles += (roles.empty() ? "" : ",") + r;
      std::cout << u.username << "\t" << roles << (u.disabled ? "\tdisabled" : "") << "\n";
    }
    return 0;
  }
  if (*import_customers) {
    StatusOr<int64_t> n = customers::ImportCustomersCsv(*app.db, *app.store, *app.audit, app.clock,
                                                        import_file, "cli");
    if (!n.ok()) return Fail(n.status());
    std::cout << "imported " << *n << " customers from " << import_file << "\n";
    return 0;
  }
  if (*audit_verify) {
    StatusOr<security::AuditVerification> v = app.audit->Verify(*app.db);
    if (!v.ok()) return Fail(v.status());
    nlohmann::json out = {{"ok", v->ok}, {"records", v->records}};
    if (!v->ok) {
      out["first_bad_seq"] = *v->first_bad_seq;
      out["problem"] = v->problem;
      out["detail"] = v->detail;
    }
    Status s = app.audit->Record(*app.db, {.actor = "cli",
                                           .action = "audit.verify",
                                           .outcome = v->ok ? "ok" : "failed",
                                           .detail = out});
    if (!s.ok()) return Fail(s);
    std::cout << out.dump() << "\n";
    return v->ok ? 0 : 3;
  }
  if (*keys_rotate) {
    StatusOr<std::string> id = app.keys->AddActiveKey();
    if (!id.ok()) return Fail(id.status());
    StatusOr<int64_t> n = app.store->ReencryptAll(*app.db);
    if (!n.ok()) return Fail(n.status());
    auto counts = app.store->CountByKeyId(*app.db);
    if (!counts.ok()) return Fail(counts.status());
    Status s = app.audit->Record(*app.db, {.actor = "cli",
                                           .action = "keys.rotate",
                                           .target = "key/" + *id,
                                           .detail = {{"reencrypted", *n}, {"by_key", *counts}}});
    if (!s.ok()) return Fail(s);
    std::cout
        << nlohmann::json({{"active_key", *id}, {"reencrypted", *n}, {"by_key", *counts}}).dump()
        << "\n";
    return 0;
  }
  if (*keys_status) {
    auto counts = app.store->CountByKeyId(*app.db);
    if (!counts.ok()) return Fail(counts.status());
    std::cout << nlohmann::json({{"active_key", app.keys->ActiveKeyId()},
                                 {"keys", app.keys->KeyIds()},
                                 {"by_key", *counts}})
                     .dump()
              << "\n";
    return 0;
  }
  return 2;
}

}  // namespace finguard::app

int main(int argc, char** argv) {
  try {
    return finguard::app::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "finguard: internal error: " << e.what() << "\n";
    return 1;
  }
}
