// StoreStageCache: the pipeline's stage cache kept as JobStore artifacts, so
// that a job resumed on any worker finds the stages already done.
#pragma once

#include "pipeline/stage_cache.h"
#include "store/job_store.h"

namespace ytl {

class StoreStageCache : public StageCache {
 public:
  // `store` must outlive the cache.
  explicit StoreStageCache(JobStore& store) : store_(store) {}

  Result<std::optional<std::string>> Load(const std::string& key) const override;
  Status Store(const std::string& key, std::string_view bytes) const override;

 private:
  JobStore& store_;
};

}  // namespace ytl
