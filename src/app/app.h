#pragma once
// App wires FinGuard's concrete parts for one process: configuration, clock, database (migrated),
// key store, audit chain, authentication and the customer services. This is the only place that
// chooses implementations; everything else receives interfaces. Not copyable; members are used
// from many threads through their own thread-safety.
#include <memory>

#include "common/config.h"
#include "common/time.h"
#include "customers/customer_service.h"
#include "customers/customer_store.h"
#include "security/audit_log.h"
#include "security/auth_service.h"
#include "security/field_cipher.h"
#include "security/key_store.h"
#include "storage/database.h"

namespace finguard::app {

struct App {
  Config config;
  SystemClock clock;
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<security::KeyStore> keys;
  std::unique_ptr<security::FieldCipher> cipher;
  std::unique_ptr<security::AuditLog> audit;
  std::unique_ptr<security::AuthService> auth;
  std::unique_ptr<customers::CustomerStore> store;
  std::unique_ptr<customers::CustomerService> customers;

  // Opens the database (creating the SQLite file's directory), applies migrations, and opens the
  // key file — creating it only when `create_keys` (serve/demo on a new database).
  static StatusOr<std::unique_ptr<App>> Open(const Config& config, bool create_keys);
};

}  // namespace finguard::app
