#include "app/app.h"

#include <filesystem>

#include "common/log.h"
#include "storage/migrations.h"

namespace finguard::app {

StatusOr<std::unique_ptr<App>> App::Open(const Config& config, bool create_keys) {
  auto app = std::make_unique<App>();
  app->config = config;
  std::string url = config.db;
  if (url.rfind("postgres", 0) != 0) {
    std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  ASSIGN_OR_RETURN(app->db, storage::OpenDatabase(url, config.db_pool));
  ASSIGN_OR_RETURN(int applied, storage::ApplyMigrations(*app->db));
  if (applied > 0) LogInfo("migrated", {{"applied", applied}, {"db", app->db->Describe()}});
  if (create_keys) {
    ASSIGN_OR_RETURN(app->keys, security::KeyStore::OpenOrCreate(config.key_file));
  } else {
    ASSIGN_OR_RETURN(app->keys, security::KeyStore::Open(config.key_file));
  }
  app->cipher = std::make_unique<security::FieldCipher>(*app->keys);
  app->audit = std::make_unique<security::AuditLog>(*app->keys, app->clock);
  security::AuthPolicy policy;
  policy.session_ttl_micros = int64_t{config.session_ttl_minutes} * kMicrosPerMinute;
  app->auth = std::make_unique<security::AuthService>(*app->db, *app->audit, app->clock, policy);
  app->store = std::make_unique<customers::CustomerStore>(*app->cipher);
  app->customers =
      std::make_unique<customers::CustomerService>(*app->db, *app->store, *app->audit, app->clock);
  return app;
}

}  // namespace finguard::app
