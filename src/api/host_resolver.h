// HostResolver: turns a host name into its IP addresses, for the SSRF check of song URLs. A seam:
// tests stand in a slow or scripted DNS.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace ytl::api {

class HostResolver {
 public:
  virtual ~HostResolver() = default;
  // Every address of `host` as numeric text ("93.184.216.34", "2606:2800::1"). InvalidInput
  // naming the host when it does not resolve. May block (DNS); thread-safe.
  virtual Result<std::vector<std::string>> Resolve(const std::string& host) const = 0;
};

// The system resolver (getaddrinfo: /etc/hosts, DNS).
std::unique_ptr<HostResolver> MakeSystemHostResolver();

}  // namespace ytl::api
