#pragma once
// ApiServer runs the HTTP(S) server: every module's routes under /api/v1, operations endpoints,
// and the console's static files from config.web_dir at "/". Worker threads are sized from
// config (cpp-httplib holds one thread per keep-alive connection) and TCP_NODELAY is on — both
// measured in DESIGN.md's pitfalls. Start() binds and serves on a background thread.
//   ApiServer server(services);
//   RETURN_IF_ERROR(server.Start());  ...  server.Stop();
#include <memory>
#include <thread>

#include "api/routes.h"

namespace finguard::api {

class ApiServer {
 public:
  explicit ApiServer(ApiServices services);
  ~ApiServer();

  // Binds host:port (port 0 picks a free one) and serves until Stop.
  Status Start();
  void Stop();
  // Blocks until the server stops.
  void Wait();
  int port() const { return port_; }
  const Router& router() const { return router_; }

 private:
  ApiServices services_;
  Router router_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace finguard::api
