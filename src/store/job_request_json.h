// JobRequest <-> JSON, the form stores keep requests in.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "jobs/job.h"

namespace ytl {

// {"url":..., "upload_id":..., "lyrics":... (absent when none), "language":...,
//  "formats":[...]}
std::string JobRequestToJson(const JobRequest& request);

// InvalidInput naming the bad field when `json` is not such an object.
Result<JobRequest> JobRequestFromJson(std::string_view json);

}  // namespace ytl
