// The JSON a client sees for a job: state, stage, progress, timings, error and links.
#pragma once

#include <nlohmann/json.hpp>

#include "jobs/job.h"

namespace ytl::api {

// {"id", "state", "stage", "progress", "stage_timings_s", "error"?, "request": {...},
//  "created_ms", "updated_ms", "finished_ms"?, "attempts", "links": {...}}. The lyrics text is
// left out (it can be large); "has_lyrics" tells whether the request had any.
nlohmann::json JobToJson(const Job& job);

}  // namespace ytl::api
