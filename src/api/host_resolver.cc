#include "api/host_resolver.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

namespace ytl::api {
namespace {

struct AddrInfoFree {
  void operator()(addrinfo* info) const { freeaddrinfo(info); }
};

class SystemHostResolver : public HostResolver {
 public:
  Result<std::vector<std::string>> Resolve(const std::string& host) const override {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* raw = nullptr;
    const int error = getaddrinfo(host.c_str(), nullptr, &hints, &raw);
    std::unique_ptr<addrinfo, AddrInfoFree> infos(raw);
    if (error != 0 || raw == nullptr) {
      return Status::InvalidInput("cannot resolve the host '" + host + "' (" + gai_strerror(error) +
                                  "); check the link");
    }
    std::vector<std::string> addresses;
    for (const addrinfo* info = infos.get(); info != nullptr; info = info->ai_next) {
      char text[INET6_ADDRSTRLEN] = {};
      const void* where =
          info->ai_family == AF_INET
              ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(info->ai_addr)->sin_addr)
              : static_cast<const void*>(
                    &reinterpret_cast<sockaddr_in6*>(info->ai_addr)->sin6_addr);
      // An address that cannot be printed is kept as "", which the URL policy refuses.
      addresses.emplace_back(inet_ntop(info->ai_family, where, text, sizeof(text)) ? text : "");
    }
    return addresses;
  }
};

}  // namespace

std::unique_ptr<HostResolver> MakeSystemHostResolver() {
  return std::make_unique<SystemHostResolver>();
}

}  // namespace ytl::api
