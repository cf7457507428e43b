#include "api/api_server.h"

#include <filesystem>

#include "common/log.h"

namespace finguard::api {

ApiServer::ApiServer(ApiServices services)
    : services_(services),
      router_(RouterDeps{services.db, services.auth, services.audit, services.clock,
                         services.config.log_requests}) {
  AddAuthRoutes(router_, services_);
  AddUserRoutes(router_, services_);
  AddCustomerRoutes(router_, services_);
  AddAuditRoutes(router_, services_);
  AddRiskMarketRoutes(router_, services_);
  AddRiskCreditRoutes(router_, services_);
  AddSystemRoutes(router_, services_);
}

ApiServer::~ApiServer() { Stop(); }

Status ApiServer::Start() {
  const Config& cfg = services_.config;
  if (!cfg.tls_cert.empty()) {
    auto ssl = std::make_unique<httplib::SSLServer>(cfg.tls_cert.c_str(), cfg.tls_key.c_str());
    if (!ssl->is_valid()) {
      return InvalidArgument("cannot load TLS certificate " + cfg.tls_cert + " / key " +
                             cfg.tls_key);
    }
    server_ = std::move(ssl);
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  int threads = cfg.threads;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_->set_tcp_nodelay(true);
  server_->set_payload_max_length(static_cast<size_t>(cfg.max_body_bytes));
  server_->set_keep_alive_max_count(10000);
  router_.Mount(*server_);
  if (std::filesystem::exists(std::filesystem::path(cfg.web_dir) / "index.html")) {
    server_->set_mount_point("/", cfg.web_dir);
  } else {
    std::string dir = cfg.web_dir;
    server_->Get("/", [dir](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "FinGuard API is running. The console is not built: run `make web` (looked in " + dir +
              ").\n",
          "text/plain; charset=utf-8");
    });
  }
  server_->set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                {"X-Frame-Options", "DENY"},
                                {"Referrer-Policy", "no-referrer"}});
  port_ = cfg.port;
  if (port_ == 0) {
    port_ = server_->bind_to_any_port(cfg.host.c_str());
    if (port_ < 0) return Unavailable("cannot bind " + cfg.host);
  } else if (!server_->bind_to_port(cfg.host.c_str(), port_)) {
    return Unavailable("cannot listen on " + cfg.host + ":" + std::to_string(port_) +
                       " (in use? try --port)");
  }
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  LogInfo("listening", {{"host", cfg.host},
                        {"port", port_},
                        {"tls", !cfg.tls_cert.empty()},
                        {"threads", threads},
                        {"routes", router_.routes().size()}});
  return OkStatus();
}

void ApiServer::Stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

void ApiServer::Wait() {
  if (thread_.joinable()) thread_.join();
}

}  // namespace finguard::api
