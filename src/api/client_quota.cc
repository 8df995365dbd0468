#include "api/client_quota.h"

#include <algorithm>

namespace ytl::api {

std::string ClientQuota::ClientOf(std::string_view remote_address) {
  if (!remote_address.empty() && remote_address.front() == '[') {
    return std::string(remote_address.substr(1, remote_address.find(']') - 1));
  }
  return std::string(remote_address.substr(0, remote_address.rfind(':')));
}

bool ClientQuota::HasRoom(const std::string& client) {
  std::lock_guard lock(mu_);
  auto it = active_.find(client);
  if (it == active_.end()) return true;
  std::vector<std::string>& ids = it->second;
  ids.erase(std::remove_if(ids.begin(), ids.end(),
                           [this](const std::string& id) {
                             auto job = store_.GetJob(id);
                             return !job.ok() || IsFinalState(job->state);
                           }),
            ids.end());
  if (ids.empty()) {
    active_.erase(it);
    return true;
  }
  return static_cast<int>(ids.size()) < limit_;
}

void ClientQuota::Add(const std::string& client, const std::string& job_id) {
  std::lock_guard lock(mu_);
  active_[client].push_back(job_id);
}

}  // namespace ytl::api
