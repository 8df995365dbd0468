// The JSON a client sees for a job: state, stage, progress, timings, error and links.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "jobs/job.h"

namespace ytl::api {

// {"id", "state", "stage", "progress", "stage_timings_s", "error"?, "request": {...},
//  "created_ms", "updated_ms", "finished_ms"?, "attempts", "links": {...}}. The lyrics text is
// left out (it can be large); "has_lyrics" tells whether the request had any.
// "lyrics_source" says where the aligned lyrics came from: "user" when the request had lyrics,
// otherwise "lrclib" or "transcribed" as read from `result_json` (the stored Alignment JSON of a
// succeeded job); absent while that is not known yet.
nlohmann::json JobToJson(const Job& job, std::string_view result_json = {});

}  // namespace ytl::api
