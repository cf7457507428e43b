#pragma once
// A bounded pool of backend connections shared by one Database. Connections are created lazily
// up to `max_size`; Borrow blocks while all are in use. Thread-safe.
//   auto lease = pool.Borrow();            // StatusOr<Lease>
//   lease->get().Query(...);               // returned to the pool when the lease dies
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "common/status.h"

namespace finguard::storage {

template <typename Conn>
class ConnectionPool {
 public:
  using Factory = std::function<StatusOr<std::unique_ptr<Conn>>()>;

  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Conn> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), conn_(std::move(o.conn_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (conn_) pool_->Return(std::move(conn_));
    }
    Conn& get() { return *conn_; }
    // Drops a broken connection instead of returning it to the pool.
    void Discard() {
      conn_.reset();
      pool_->Forget();
    }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Conn> conn_;
  };

  ConnectionPool(Factory factory, int max_size) : factory_(std::move(factory)), max_(max_size) {}

  StatusOr<Lease> Borrow() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !idle_.empty() || open_ < max_; });
    if (!idle_.empty()) {
      std::unique_ptr<Conn> c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
    ++open_;
    lock.unlock();
    StatusOr<std::unique_ptr<Conn>> c = factory_();
    if (!c.ok()) {
      Forget();
      return c.status();
    }
    return Lease(this, std::move(c).value());
  }

 private:
  void Return(std::unique_ptr<Conn> c) {
    {
      std::lock_guard lock(mu_);
      idle_.push_back(std::move(c));
    }
    cv_.notify_one();
  }
  void Forget() {
    {
      std::lock_guard lock(mu_);
      --open_;
    }
    cv_.notify_one();
  }

  Factory factory_;
  const int max_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Conn>> idle_;  // guarded by mu_
  int open_ = 0;                             // guarded by mu_
};

}  // namespace finguard::storage
