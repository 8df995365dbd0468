// UrlPolicy: which song URLs the server may hand to yt-dlp (SSRF protection).
#pragma once

#include <string>
#include <string_view>

#include "api/host_resolver.h"
#include "core/status.h"

namespace ytl::api {

// The host of an http(s) URL ("example.com", "127.0.0.1", "::1" without brackets), or
// InvalidInput when the URL is not http/https or has no host.
Result<std::string> UrlHost(std::string_view url);

// True for addresses a public song URL must never reach: loopback, private, carrier-grade NAT,
// link-local (cloud metadata 169.254.169.254 included), unspecified, multicast, broadcast, IPv6
// unique-local and link-local, and IPv4-mapped forms of those. `address` is a numeric IP.
bool IsPrivateAddress(std::string_view address);

// OK when `url` is http(s) and, unless `allow_private`, every address its host resolves to with
// `resolver` is public. InvalidInput naming the URL and the reason otherwise. Blocks while the
// resolver does: call it off the HTTP I/O threads (see UrlCheckPool).
Status CheckSongUrl(std::string_view url, bool allow_private, const HostResolver& resolver);

}  // namespace ytl::api
