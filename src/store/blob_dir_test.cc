#include "store/blob_dir.h"

#include <stdlib.h>

#include <filesystem>

#include "store/job_store_test_macros.h"

namespace ytl {
namespace {

std::string MakeTempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "ytl-blob-XXXXXX").string();
  return mkdtemp(pattern.data()) != nullptr ? pattern : "";
}

TEST(BlobDir, PutThenGetReturnsTheBytesAndLeavesNoTempFiles) {
  const std::string root = MakeTempDir();
  ASSERT_FALSE(root.empty());
  YTL_ASSERT_OK_AND_ASSIGN(BlobDir blobs, BlobDir::Open(root + "/blobs"));
  EXPECT_FALSE(blobs.Has("key1"));
  YTL_ASSERT_OK(blobs.Put("key1", "hello"));
  YTL_ASSERT_OK(blobs.Put("key1", "ignored: the key already holds its bytes"));
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<std::string> bytes, blobs.Get("key1"));
  EXPECT_EQ(bytes, std::optional<std::string>("hello"));
  EXPECT_EQ(blobs.PathFor("key1"), root + "/blobs/ke/key1");
  YTL_ASSERT_OK(blobs.CheckWritable());
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    files += entry.is_regular_file() ? 1 : 0;
  }
  EXPECT_EQ(files, 1);
  std::filesystem::remove_all(root);
}

TEST(BlobDir, GetOfAMissingKeyIsEmpty) {
  const std::string root = MakeTempDir();
  YTL_ASSERT_OK_AND_ASSIGN(BlobDir blobs, BlobDir::Open(root));
  YTL_ASSERT_OK_AND_ASSIGN(std::optional<std::string> bytes, blobs.Get("nothing"));
  EXPECT_FALSE(bytes.has_value());
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace ytl
