// Fresh job ids: random, so any node can create jobs without coordination.
#pragma once

#include <string>

namespace ytl {

// "job_" followed by 32 hex digits (128 random bits). Thread-safe.
std::string NewJobId();

}  // namespace ytl
