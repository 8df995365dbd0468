#include "jobs/store_stage_cache.h"

#include "core/content_hash.h"

namespace ytl {
namespace {

// Artifact keys allow only a few characters; pipeline keys are hashed.
std::string ArtifactKey(const std::string& key) { return "stage-" + Sha256Hex(key); }

}  // namespace

Result<std::optional<std::string>> StoreStageCache::Load(const std::string& key) const {
  return store_.GetArtifact(ArtifactKey(key));
}

Status StoreStageCache::Store(const std::string& key, std::string_view bytes) const {
  return store_.PutArtifact(ArtifactKey(key), bytes);
}

}  // namespace ytl
