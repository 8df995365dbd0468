// Request ids for X-Request-Id: accept a client's if sane, else generate one.
#pragma once

#include <string>
#include <string_view>

namespace ytl::http {

// True for 1..128 characters of [A-Za-z0-9._:-] (safe to log and echo).
bool IsSaneRequestId(std::string_view id);

// 32 random hex characters. Thread-safe.
std::string NewRequestId();

// `incoming` when sane, else a new id.
std::string ChooseRequestId(std::string_view incoming);

}  // namespace ytl::http
