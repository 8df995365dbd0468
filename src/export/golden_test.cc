// Compares every writer's output for SampleAlignment() with the files in
// testdata/. After an intended change, regenerate them with
//   YTL_UPDATE_GOLDEN=1 ./ytl_export_test --gtest_filter='Golden*'
// and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "export/format.h"
#include "export/sample_alignment.h"

namespace ytl {
namespace {

std::string GoldenPath(Format format) {
  return std::string(YTL_SOURCE_DIR) + "/src/export/testdata/sample." +
         std::string(Extension(format));
}

class Golden : public ::testing::TestWithParam<Format> {};

TEST_P(Golden, MatchesFile) {
  const SongInfo song{"Déjà vu", "Les Exemples", "Tests"};
  const std::string written = Export(testing::SampleAlignment(), GetParam(), song);
  const std::string path = GoldenPath(GetParam());
  if (std::getenv("YTL_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << written;
  }
  std::ifstream file(path, std::ios::binary);
  ASSERT_TRUE(file) << "missing golden file " << path;
  std::stringstream expected;
  expected << file.rdbuf();
  EXPECT_EQ(written, expected.str()) << "output differs from " << path;
}

INSTANTIATE_TEST_SUITE_P(AllFormats, Golden,
                         ::testing::Values(Format::kLrc, Format::kElrc, Format::kSrt, Format::kVtt,
                                           Format::kAss, Format::kJson),
                         [](const auto& info) { return std::string(FormatName(info.param)); });

}  // namespace
}  // namespace ytl
