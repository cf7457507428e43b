#pragma once
// Prometheus metrics for the HTTP API: request counters by route, method and status, and latency
// histograms by route. Lock-free on the request path (atomics per route, preallocated when
// routes are registered). Rendered in the Prometheus text exposition format 0.0.4.
#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace finguard::api {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    5};
  static constexpr std::array<int, 16> kStatuses = {200, 201, 204, 400, 401, 403, 404, 405,
                                                    409, 413, 422, 423, 429, 500, 503, 0};

  // Returns the index to pass to Observe.
  size_t AddRoute(const std::string& method, const std::string& path);
  void Observe(size_t route, int status, double seconds);
  std::string Render() const;

 private:
  struct RouteMetrics {
    std::string method, path;
    std::array<std::atomic<uint64_t>, kStatuses.size()> by_status{};
    std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets{};
    std::atomic<uint64_t> count{0};
    std::atomic<uint64_t> sum_micros{0};
  };
  std::vector<std::unique_ptr<RouteMetrics>> routes_;
};

}  // namespace finguard::api
