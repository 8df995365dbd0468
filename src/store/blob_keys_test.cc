#include "store/blob_keys.h"

#include <gtest/gtest.h>

#include <vector>

namespace ytl {
namespace {

TEST(BlobKeys, ArtifactKeysAreSafeFileNames) {
  EXPECT_TRUE(ValidateArtifactKey("stems.v1-abc_DEF").ok());
  EXPECT_TRUE(ValidateArtifactKey(std::string(128, 'a')).ok());
  for (const std::string& bad :
       std::vector<std::string>{"", ".hidden", "a/b", "..", "a b", std::string(129, 'a')}) {
    EXPECT_EQ(ValidateArtifactKey(bad).code(), Status::Code::kInvalidInput) << bad;
  }
}

TEST(BlobKeys, UploadIdsAreLowerCaseSha256Hex) {
  EXPECT_TRUE(ValidateUploadId(std::string(64, 'f')).ok());
  EXPECT_FALSE(ValidateUploadId(std::string(64, 'F')).ok());
  EXPECT_FALSE(ValidateUploadId(std::string(63, 'a')).ok());
  EXPECT_FALSE(ValidateUploadId("../" + std::string(61, 'a')).ok());
}

}  // namespace
}  // namespace ytl
