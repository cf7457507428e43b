#include "api/metrics.h"

#include <cstdio>

namespace finguard::api {

size_t Metrics::AddRoute(const std::string& method, const std::string& path) {
  auto r = std::make_unique<RouteMetrics>();
  r->method = method;
  r->path = path;
  routes_.push_back(std::move(r));
  return routes_.size() - 1;
}

void Metrics::Observe(size_t route, int status, double seconds) {
  RouteMetrics& r = *routes_[route];
  size_t s = kStatuses.size() - 1;  // "other"
  for (size_t i = 0; i + 1 < kStatuses.size(); ++i) {
    if (kStatuses[i] == status) s = i;
  }
  r.by_status[s].fetch_add(1, std::memory_order_relaxed);
  size_t b = kBuckets.size();
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      b = i;
      break;
    }
  }
  r.buckets[b].fetch_add(1, std::memory_order_relaxed);
  r.count.fetch_add(1, std::memory_order_relaxed);
  r.sum_micros.fetch_add(static_cast<uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

std::string Metrics::Render() const {
  std::string out;
  out += "# HELP finguard_http_requests_total HTTP requests by route, method and status.\n";
  out += "# TYPE finguard_http_requests_total counter\n";
  for (const auto& r : routes_) {
    for (size_t i = 0; i < kStatuses.size(); ++i) {
      uint64_t n = r->by_status[i].load(std::memory_order_relaxed);
      if (n == 0) continue;
      std::string status = kStatuses[i] ? std::to_string(kStatuses[i]) : "other";
      out += "finguard_http_requests_total{method=\"" + r->method + "\",route=\"" + r->path +
             "\",status=\"" + status + "\"} " + std::to_string(n) + "\n";
    }
  }
  out += "# HELP finguard_http_request_duration_seconds HTTP request latency by route.\n";
  out += "# TYPE finguard_http_request_duration_seconds histogram\n";
  for (const auto& r : routes_) {
    uint64_t count = r->count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    std::string labels = "method=\"" + r->method + "\",route=\"" + r->path + "\"";
    uint64_t cumulative = 0;
    char le[32];
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += r->buckets[i].load(std::memory_order_relaxed);
      std::snprintf(le, sizeof le, "%g", kBuckets[i]);
      out += "finguard_http_request_duration_seconds_bucket{" + labels + ",le=\"" + le + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    cumulative += r->buckets[kBuckets.size()].load(std::memory_order_relaxed);
    out += "finguard_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
           std::to_string(cumulative) + "\n";
    char sum[32];
    std::snprintf(sum, sizeof sum, "%.6f", r->sum_micros.load(std::memory_order_relaxed) / 1e6);
    out += "finguard_http_request_duration_seconds_sum{" + labels + "} " + sum + "\n";
    out += "finguard_http_request_duration_seconds_count{" + labels + "} " + std::to_string(count) +
           "\n";
  }
  return out;
}

}  // namespace finguard::api
