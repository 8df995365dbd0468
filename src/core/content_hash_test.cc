#include "core/content_hash.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace ytl {
namespace {

TEST(ContentHash, KnownSha256Vectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ContentHash, FileHashMatchesBytesHash) {
  const std::string path = ::testing::TempDir() + "/ytl_hash_input";
  std::string content(200000, 'x');
  content[12345] = 'y';
  std::ofstream(path, std::ios::binary) << content;
  auto hash = Sha256OfFile(path);
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(*hash, Sha256Hex(content));
  std::remove(path.c_str());
}

TEST(ContentHash, MissingFileIsNotFound) {
  auto hash = Sha256OfFile("/nonexistent/ytl");
  ASSERT_FALSE(hash.ok());
  EXPECT_EQ(hash.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace ytl
