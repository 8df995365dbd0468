// ClientQuota: how many jobs each client (remote address) has queued or running.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "store/job_store.h"

namespace ytl::api {

class ClientQuota {
 public:
  // `store` must outlive the quota; `limit` >= 1.
  ClientQuota(JobStore& store, int limit) : store_(store), limit_(limit) {}

  // The client part of a peer "ip:port" ("[::1]:80" -> "::1").
  static std::string ClientOf(std::string_view remote_address);

  // True when `client` may queue one more job (its finished jobs are forgotten first).
  bool HasRoom(const std::string& client);
  // Counts `job_id` against `client`.
  void Add(const std::string& client, const std::string& job_id);

  int limit() const { return limit_; }

 private:
  JobStore& store_;
  const int limit_;
  std::mutex mu_;
  std::map<std::string, std::vector<std::string>> active_;  // guarded by mu_
};

}  // namespace ytl::api
