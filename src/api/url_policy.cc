#include "api/url_policy.h"

#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <cstring>

#include "sources/source.h"

namespace ytl::api {
namespace {

bool IsPrivateV4(std::uint32_t a) {  // host byte order
  const auto in = [a](std::uint32_t net, int bits) {
    const std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
    return (a & mask) == net;
  };
  return in(0x00000000, 8) || in(0x0A000000, 8) || in(0x7F000000, 8) || in(0xA9FE0000, 16) ||
         in(0xAC100000, 12) || in(0xC0A80000, 16) || in(0x64400000, 10) || in(0xC0000000, 24) ||
         in(0xC6120000, 15) || in(0xE0000000, 4) || in(0xF0000000, 4);
}

bool IsPrivateV6(const std::array<unsigned char, 16>& b) {
  static constexpr std::array<unsigned char, 12> kMapped = {0, 0, 0, 0, 0,    0,
                                                            0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(b.data(), kMapped.data(), 12) == 0) {
    return IsPrivateV4(std::uint32_t{b[12]} << 24 | std::uint32_t{b[13]} << 16 |
                       std::uint32_t{b[14]} << 8 | b[15]);
  }
  bool zero_prefix = true;
  for (int i = 0; i < 15; ++i) zero_prefix &= b[i] == 0;
  if (zero_prefix && (b[15] == 0 || b[15] == 1)) return true;  // :: and ::1
  if ((b[0] & 0xfe) == 0xfc) return true;                      // fc00::/7 unique local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return true;      // fe80::/10 link local
  if (b[0] == 0xff) return true;                               // multicast
  return false;
}

}  // namespace

Result<std::string> UrlHost(std::string_view url) {
  if (!LooksLikeUrl(url)) {
    return Status::InvalidInput("URL '" + std::string(url) +
                                "' is not http or https; give an http(s) link to the song");
  }
  std::string_view rest = url.substr(url.find("://") + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  std::string_view host;
  if (!rest.empty() && rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) {
      return Status::InvalidInput("URL '" + std::string(url) + "' has an unclosed IPv6 bracket");
    }
    host = rest.substr(1, close - 1);
  } else {
    host = rest.substr(0, rest.find(':'));
  }
  if (host.empty()) return Status::InvalidInput("URL '" + std::string(url) + "' has no host");
  return std::string(host);
}

bool IsPrivateAddress(std::string_view address) {
  const std::string text(address);
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return IsPrivateV4(ntohl(v4.s_addr));
  std::array<unsigned char, 16> v6{};
  if (inet_pton(AF_INET6, text.c_str(), v6.data()) == 1) return IsPrivateV6(v6);
  return true;  // not an address at all: refuse
}

Status CheckSongUrl(std::string_view url, bool allow_private, const HostResolver& resolver) {
  auto host = UrlHost(url);
  if (!host.ok()) return host.status();
  if (allow_private) return Status::Ok();
  auto addresses = resolver.Resolve(*host);
  if (!addresses.ok()) {
    return Status::InvalidInput("URL '" + std::string(url) + "': " + addresses.status().message());
  }
  if (addresses->empty()) {
    return Status::InvalidInput("the host '" + *host + "' of URL '" + std::string(url) +
                                "' has no address; check the link");
  }
  for (const std::string& address : *addresses) {
    if (IsPrivateAddress(address)) {
      return Status::InvalidInput("URL '" + std::string(url) + "' points at a private address (" +
                                  address +
                                  "); only public hosts are allowed (server flag "
                                  "--allow-private-urls lifts this)");
    }
  }
  return Status::Ok();
}

}  // namespace ytl::api
