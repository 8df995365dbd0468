// Where a job's audio lives in the store, for playback (GET /v1/jobs/{id}/audio) and re-runs.
//
// An upload job plays its upload. A URL job's song is downloaded by its worker, kept as an upload
// (JobStore::PutUpload, content-addressed) and recorded under the artifact JobAudioKey(job id),
// whose bytes are that upload id. Header-only: shared by the workers and the HTTP routes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "jobs/job.h"
#include "store/job_store.h"

namespace ytl {

// The artifact key that records the upload id of a URL job's downloaded audio.
inline std::string JobAudioKey(std::string_view job_id) {
  return "job-audio-" + std::string(job_id);
}

// The upload id holding `job`'s audio; nullopt while a URL job has not downloaded it yet.
inline Result<std::optional<std::string>> JobAudioUploadId(JobStore& store, const Job& job) {
  if (!job.request.upload_id.empty()) return std::optional<std::string>(job.request.upload_id);
  return store.GetArtifact(JobAudioKey(job.id));
}

}  // namespace ytl
