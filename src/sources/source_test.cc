#include "sources/source.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace ytl {
namespace {

namespace fs = std::filesystem;

// Fails the test if ResolveSource runs anything for a local file.
class NoProcessRunner : public ProcessRunner {
 public:
  Result<ProcessResult> Run(const std::vector<std::string>& argv,
                            const RunOptions&) const override {
    ADD_FAILURE() << "unexpected run of " << argv.at(0);
    return Status::Internal("unexpected run");
  }
};

class ResolveSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ytl_source_test_XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  Result<ResolvedSource> Resolve(const SourceRequest& request) {
    return ResolveSource(request, runner_, StageContext{&progress_, nullptr});
  }

  fs::path dir_;
  NoProcessRunner runner_;
  NullProgress progress_;
};

TEST(LooksLikeUrl, AcceptsHttpAndHttpsOnly) {
  EXPECT_TRUE(LooksLikeUrl("https://www.youtube.com/watch?v=abc"));
  EXPECT_TRUE(LooksLikeUrl("http://example.com/a.mp3"));
  EXPECT_TRUE(LooksLikeUrl("HTTPS://EXAMPLE.COM"));
  EXPECT_FALSE(LooksLikeUrl("https://"));
  EXPECT_FALSE(LooksLikeUrl("song.mp3"));
  EXPECT_FALSE(LooksLikeUrl("/music/http://odd name.mp3"));
  EXPECT_FALSE(LooksLikeUrl("ftp://example.com/a.mp3"));
  EXPECT_FALSE(LooksLikeUrl("file:///music/a.mp3"));
  EXPECT_FALSE(LooksLikeUrl("www.youtube.com/watch?v=abc"));
  EXPECT_FALSE(LooksLikeUrl(""));
}

TEST_F(ResolveSourceTest, LocalFilePassesThrough) {
  fs::path song = dir_ / "my song.mp3";
  std::ofstream(song) << "not really audio";
  SourceRequest request;
  request.source = song.string();
  Result<ResolvedSource> resolved = Resolve(request);
  ASSERT_TRUE(resolved.ok()) << resolved.status().ToString();
  EXPECT_EQ(resolved->audio_path, song.string());
  EXPECT_EQ(resolved->display_name, "my song.mp3");
  EXPECT_FALSE(resolved->is_url);
  EXPECT_FALSE(resolved->info.has_value());
}

TEST_F(ResolveSourceTest, MissingFileIsNotFoundWithAHint) {
  SourceRequest request;
  request.source = "song.mp3";
  Result<ResolvedSource> resolved = Resolve(request);
  EXPECT_EQ(resolved.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(resolved.status().message(),
            "song.mp3: no such file; check the path, or give an http(s) URL");
}

TEST_F(ResolveSourceTest, DirectoryIsInvalidInput) {
  SourceRequest request;
  request.source = dir_.string();
  Result<ResolvedSource> resolved = Resolve(request);
  EXPECT_EQ(resolved.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(resolved.status().message().find("is a directory"), std::string::npos);
}

TEST_F(ResolveSourceTest, EmptySourceIsInvalidInput) {
  EXPECT_EQ(Resolve(SourceRequest{}).status().code(), Status::Code::kInvalidInput);
}

TEST_F(ResolveSourceTest, UrlNeedsAnExistingWorkDir) {
  SourceRequest request;
  request.source = "https://example.com/v";
  Status s = request.Validate();
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("work_dir"), std::string::npos);
  request.work_dir = (dir_ / "absent").string();
  EXPECT_EQ(Resolve(request).status().code(), Status::Code::kInvalidInput);
  request.work_dir = dir_.string();
  EXPECT_TRUE(request.Validate().ok());
}

TEST_F(ResolveSourceTest, UrlNeedsAPositiveTimeout) {
  SourceRequest request;
  request.source = "https://example.com/v";
  request.work_dir = dir_.string();
  request.yt_dlp_timeout_s = 0;
  Status s = request.Validate();
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("yt_dlp_timeout_s"), std::string::npos);
}

}  // namespace
}  // namespace ytl
