#include "cli/output_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli/temp_dir.h"

namespace ytl::cli {
namespace {
namespace fs = std::filesystem;

TEST(OutputStem, FromFilesAndUrls) {
  EXPECT_EQ(OutputStemFor("/music/My Song.mp3"), "My_Song");
  EXPECT_EQ(OutputStemFor("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42"), "dQw4w9WgXcQ");
  EXPECT_EQ(OutputStemFor("https://youtu.be/dQw4w9WgXcQ"), "dQw4w9WgXcQ");
  EXPECT_EQ(OutputStemFor("https://example.com/a/b/track-1/?x=1"), "track-1");
  EXPECT_EQ(OutputStemFor("https://example.com/"), "example.com");
  EXPECT_EQ(OutputStemFor("/x/../..mp3"), "lyrics") << "never a hidden or empty name";
}

Alignment OneWord() {
  Alignment alignment;
  alignment.words.push_back({"hi", 1.0, 1.5, 0.9, false, 0});
  alignment.lines.push_back({"hi", 1.0, 1.5, 0.9, {0}});
  return alignment;
}

TEST(WriteOutputs, WritesEachFormatAndNoPartialFiles) {
  auto dir = TempDir::Create();
  ASSERT_TRUE(dir.ok());
  const std::string out = dir->path() + "/nested/out";
  auto written = WriteOutputs(OneWord(), {Format::kLrc, Format::kJson}, out, "song");
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  ASSERT_EQ(written->size(), 2u);
  EXPECT_TRUE(fs::exists(out + "/song.lrc"));
  EXPECT_TRUE(fs::exists(out + "/song.json"));
  for (const auto& entry : fs::directory_iterator(out)) {
    EXPECT_EQ(entry.path().extension().string().find("partial"), std::string::npos);
  }
}

TEST(WriteOutputs, StdoutTakesOneFormat) {
  auto written = WriteOutputs(OneWord(), {Format::kLrc, Format::kSrt}, "-", "song");
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.status().code(), Status::Code::kInvalidInput);
}

TEST(WriteOutputs, OutputThatIsAFileIsRefused) {
  auto dir = TempDir::Create();
  ASSERT_TRUE(dir.ok());
  const std::string file = dir->path() + "/file";
  std::ofstream(file) << "x";
  auto written = WriteOutputs(OneWord(), {Format::kLrc}, file, "song");
  ASSERT_FALSE(written.ok());
  EXPECT_NE(written.status().message().find("not a folder"), std::string::npos);
}

TEST(TempDir, RemovesEverythingWhenDestroyed) {
  std::string path;
  {
    auto dir = TempDir::Create();
    ASSERT_TRUE(dir.ok());
    path = dir->path();
    fs::create_directories(path + "/a/b");
    std::ofstream(path + "/a/b/c") << "x";
  }
  EXPECT_FALSE(fs::exists(path));
}

}  // namespace
}  // namespace ytl::cli
