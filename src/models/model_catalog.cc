#include "models/model_catalog.h"

namespace ytl::models {
namespace {

ModelEntry Entry(std::string name, std::int64_t approx_mib, std::string sha1) {
  ModelEntry entry;
  entry.file = "ggml-" + name + ".bin";
  entry.english_only = name.find(".en") != std::string::npos;
  entry.name = std::move(name);
  entry.approx_mib = approx_mib;
  entry.sha1 = std::move(sha1);
  return entry;
}

}  // namespace

const std::vector<ModelEntry>& OfficialModels() {
  static const std::vector<ModelEntry> kModels = {
      Entry("tiny", 75, "bd577a113a864445d4c299885e0cb97d4ba92b5f"),
      Entry("tiny.en", 75, "c78c86eb1a8faa21b369bcd33207cc90d64ae9df"),
      Entry("base", 142, "465707469ff3a37a2b9b8d8f89f2f99de7299dac"),
      Entry("base.en", 142, "137c40403d78fd54d454da0f9bd998f78703390c"),
      Entry("small", 466, "55356645c2b361a969dfd0ef2c5a50d530afd8d5"),
      Entry("small.en", 466, "db8a495a91d927739e50b3fc1cc4c6b8f6c2d022"),
      Entry("small.en-tdrz", 465, "b6c6e7e89af1a35c08e6de56b66ca6a02a2fdfa1"),
      Entry("large-v2-q5_0", 1126, "00e39f2196344e901b3a2bd5814807a769bd1630"),
      Entry("large-v3-q5_0", 1126, "e6e2ed78495d403bef4b7cff42ef4aaadcfea8de"),
      Entry("medium", 1536, "fd9727b6e1217c2f614f9b698455c4ffd82463b4"),
      Entry("medium.en", 1536, "8c30f0e44ce9560643ebd10bbe50cd20eafd3723"),
      Entry("large-v1", 2970, "b1caaf735c4cc1429223d5a74f0f4d0b9b59a299"),
      Entry("large-v2", 2970, "0f4c8e34f21cf1a914c59d8b3ce882345ad349d6"),
      Entry("large-v3", 2970, "ad82bf6a9043ceed055076d0fd39f5f186ff8062"),
  };
  return kModels;
}

const ModelEntry* FindModel(std::string_view name) {
  for (const ModelEntry& entry : OfficialModels()) {
    if (entry.name == name || entry.file == name) return &entry;
  }
  return nullptr;
}

}  // namespace ytl::models
